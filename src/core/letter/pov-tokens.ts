/** Sentences and word tokens for the point-of-view conversion, and which characters are quoted. */

export const ABBREVIATIONS = new Set(
  'dr mr mrs ms mx st vs e.g i.e approx fig no jr sr prof inc dept univ ave mt ft pt pts hr hrs min'.split(
    ' ',
  ),
);

/**
 * Splits text into sentences whose concatenation is the text: each piece keeps its trailing whitespace.
 * A newline always ends a sentence; a full stop after a known abbreviation or an initial does not, and
 * nothing inside a quotation ends one.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let depth = 0;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“') depth++;
    else if (ch === '”') depth = Math.max(0, depth - 1);
    else if (ch === '"') straight = !straight;
    if (ch === '\n') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      out.push(text.slice(start, j));
      start = j;
      i = j - 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < text.length && /[.!?”"’)\]]/.test(text[j]!)) {
      if (text[j] === '”') depth = Math.max(0, depth - 1);
      if (text[j] === '"') straight = !straight;
      j++;
    }
    if (depth > 0 || straight) continue;
    if (j < text.length && !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < text.length && /[ \t]/.test(text[k]!)) k++;
    if (k < text.length && text[k] !== '\n' && !/[\p{Lu}\p{N}“"‘(⟦]/u.test(text[k]!)) continue;
    if (ch === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(start, i))?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    out.push(text.slice(start, k));
    start = k;
    i = k - 1;
  }
  if (start < text.length) out.push(text.slice(start));
  // Whitespace between sentences belongs to the sentence before it.
  return out.reduce<string[]>((acc, piece) => {
    if (piece.trim() === '' && acc.length > 0) acc[acc.length - 1] += piece;
    else acc.push(piece);
    return acc;
  }, []);
}

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly word: boolean;
}

export const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of s.matchAll(WORD)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: s.slice(last, at), start: last, end: at, word: false });
    out.push({ text: m[0], start: at, end: at + m[0].length, word: true });
    last = at + m[0].length;
  }
  if (last < s.length) out.push({ text: s.slice(last), start: last, end: s.length, word: false });
  return out;
}

/** Character positions inside quotation marks (“…”, "…", and ‘…’ opened at a word start). */
export function quotedMask(s: string): boolean[] {
  const mask = new Array<boolean>(s.length).fill(false);
  let curly = 0;
  let straight = false;
  let single = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '“') curly++;
    else if (ch === '”') curly = Math.max(0, curly - 1);
    else if (ch === '"') straight = !straight;
    else if (ch === '‘' && (i === 0 || /[\s(“"]/.test(s[i - 1]!))) single = true;
    else if (ch === '’' && single && (i + 1 >= s.length || !/\p{L}/u.test(s[i + 1]!))) single = false;
    mask[i] = curly > 0 || straight || single;
  }
  return mask;
}
