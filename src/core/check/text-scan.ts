/**
 * The units the rules look at: words, sentences and paragraphs of the letter, each with its UTF-16 offsets
 * in the checked text, so every finding can point at what it found.
 */

// The rules' one regular-expression escape is the core's (text.ts), shared with the letter.
export { escapeRegExp } from '../text';

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// Letters and combining marks, with inner apostrophes ("O’Brien", "didn't"); digits make their own words.
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\p{N}+/gu;

export function wordsOf(text: string, offset = 0): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ start: offset + m.index!, end: offset + m.index! + m[0].length, text: m[0] });
  }
  return out;
}

/** Lower case with accents removed: the form in which "José" and "jose" are the same word. */
export function fold(word: string): string {
  // Most words are plain ASCII; NFD normalization is the costly part of the check.
  if (!/[^\x00-\x7f]/.test(word)) return word.toLowerCase();
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/’/g, "'")
    .toLowerCase();
}

export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

// A period after these does not end a sentence.
const ABBREVIATIONS = new Set(
  [
    'dr',
    'mr',
    'mrs',
    'ms',
    'mx',
    'prof',
    'st',
    'vs',
    'jr',
    'sr',
    'no',
    'approx',
    'dept',
    'e.g',
    'i.e',
    'u.s',
    'a.m',
    'p.m',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'ph.d',
    'm.d',
    'd.o',
  ].map((a) => a),
);

function trimmedSpan(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e, text: text.slice(s, e) } : undefined;
}

/**
 * Sentences: a line break always ends one (headings, letterhead lines and the date line stand alone); so
 * does `.`, `!` or `?` followed by a space and a capital, a digit or a quote, unless the period closes a
 * title or abbreviation ("Dr. Rivera", "U.S. clinical") or an initial ("Rosa M. Delgado").
 */
export function sentencesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const s = trimmedSpan(text, start, end);
    if (s) out.push(s);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < text.length && /["”’')\]⟧]/.test(text[j]!)) j++;
    if (j < text.length && text[j] !== ' ') continue;
    let k = j;
    while (k < text.length && text[k] === ' ') k++;
    if (k < text.length && !/[\p{Lu}\p{N}"“‘(⟦[]/u.test(text[k]!)) continue;
    if (ch === '.') {
      const before = text.slice(Math.max(0, i - 12), i);
      const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase())) continue;
      if (/^\p{Lu}$/u.test(word)) continue;
    }
    push(j);
  }
  push(text.length);
  return out;
}

/** Paragraphs: runs of non-empty lines separated by blank lines or single line breaks alike. */
export function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/\n/g)) {
    const s = trimmedSpan(text, start, m.index!);
    if (s) out.push(s);
    start = m.index! + 1;
  }
  const last = trimmedSpan(text, start, text.length);
  if (last) out.push(last);
  return out;
}

/** The index of the span that contains `offset`, or -1. Spans are sorted and disjoint. */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
