/**
 * Compiles a phrase list into one regular expression and finds its matches with offsets. In a phrase a word
 * ending in `*` matches any ending, and a lone `*` stands for up to five words ("recommend * without
 * reservation").
 */
import { escapeRegExp } from './text-scan';

export interface PhraseHit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => {
      if (word === '*') return "(?:[\\p{L}\\p{N}’'-]+[\\s,]+){0,5}?";
      const stem = word.endsWith('*') ? word.slice(0, -1) : word;
      const body = escapeRegExp(stem).replace(/'/g, "['’]").replace(/-/g, '[-‐–]?');
      return word.endsWith('*') ? `${body}[\\p{L}]*` : body;
    })
    .join('\\s+')
    .replace(/\{0,5\}\?\\s\+/g, '{0,5}?');
}

/** A matcher for whole-word, case-insensitive occurrences of any of the phrases. */
export function compilePhrases(phrases: readonly string[]): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(phrasePattern).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

export function findPhrases(re: RegExp, text: string, offset = 0): PhraseHit[] {
  const out: PhraseHit[] = [];
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    out.push({ start: offset + m.index!, end: offset + m.index! + m[0].length, text: m[0] });
  }
  return out;
}
