/**
 * What a program director sees before reading a word: the body is not prose (bullet lines, fragments,
 * chart shorthand), a sentence is written twice, or characters no letter prints (emoji, control
 * characters, a spreadsheet formula or code where a name should be, text garbled by a wrong encoding).
 */
import { findingAt } from './finding';
import { bodyParagraphs, type LetterParts } from './letter-parts';
import { fold, type Span } from './text-scan';
import type { Finding } from './types';

const BULLET = /^\s*(?:[-–—•*·▪◦►>]\s*|\d{1,2}[.)]\s+|\(?[a-z][.)]\s+)/u;
// Chart shorthand, in the lower case notes use ("pt", "w/", "d/c", "f/u", "s/p"), arrows, and "72M" or
// "72 y/o" for a patient. Upper-case forms ("PT", "I/O") are left alone: they are also real terms.
const SHORTHAND =
  /(?<![\p{L}\p{N}/])(?:pts?|Pts?|w\/o?|d\/c|f\/u|h\/o|s\/p|c\/o|b\/l|r\/o|y\/o|hx|dx|tx|sx|abx)(?![\p{L}\p{N}/])|->|=>|→|(?<![\p{L}\p{N}$.°])\d{1,3}\s?(?:yo[MF]?|y\/o|M)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}$.°])\d{1,3}F(?=\s+(?:with|who|presenting|admitted|pt|patient|w\/))/gu;
const ENDS_PROSE = /[.!?:⟧]["”’')\]]*$/u;
const MARK = /⟦[^⟧]*⟧/g;

function marked(text: string): [number, number][] {
  return [...text.matchAll(MARK)].map((m) => [m.index!, m.index! + m[0].length]);
}
const inside = (marks: readonly [number, number][], at: number) => marks.some(([a, b]) => at >= a && at < b);

/** Runs of bullet lines in the body, one finding per run. */
function bulletRuns(text: string, parts: LetterParts, marks: readonly [number, number][]): Finding[] {
  const out: Finding[] = [];
  let run: { start: number; end: number; n: number } | undefined;
  const flush = () => {
    if (run)
      out.push(
        findingAt(
          'NOT_PROSE',
          text,
          run.start,
          run.end,
          run.n > 1
            ? `${run.n} bullet lines in the body: a letter tells the examples in sentences.`
            : 'A bullet line in the body: a letter tells the example in sentences.',
        ),
      );
    run = undefined;
  };
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (start < parts.bodyStart || start >= parts.bodyEnd || inside(marks, start)) continue;
    if (line.trim() === '') continue;
    if (!BULLET.test(line) || line.trim().split(/\s+/).length < 2) {
      flush();
      continue;
    }
    const lead = line.length - line.trimStart().length;
    if (run) {
      run.end = start + line.trimEnd().length;
      run.n++;
    } else run = { start: start + lead, end: start + line.trimEnd().length, n: 1 };
  }
  flush();
  return out;
}

/** A body paragraph of several words that does not end as a sentence does: a note, not prose. */
function fragments(text: string, body: readonly Span[], marks: readonly [number, number][]): Finding[] {
  const out: Finding[] = [];
  for (const p of body) {
    if (BULLET.test(p.text) || inside(marks, p.start) || ENDS_PROSE.test(p.text)) continue;
    if (p.text.split(/\s+/).length < 7) continue;
    out.push(
      findingAt(
        'NOT_PROSE',
        text,
        p.start,
        p.end,
        'This paragraph does not end as a sentence: write it out in full.',
      ),
    );
  }
  return out;
}

function shorthand(text: string, parts: LetterParts, marks: readonly [number, number][]): Finding[] {
  const out: Finding[] = [];
  const body = text.slice(parts.bodyStart, parts.bodyEnd);
  for (const m of body.matchAll(SHORTHAND)) {
    const start = parts.bodyStart + m.index!;
    if (inside(marks, start)) continue;
    out.push(
      findingAt(
        'NOT_PROSE',
        text,
        start,
        start + m[0].length,
        `"${m[0]}" is chart shorthand: write it out as a letter would.`,
      ),
    );
  }
  return out;
}

export function checkProse(text: string, paragraphs: readonly Span[], parts: LetterParts): Finding[] {
  const marks = marked(text);
  return [
    ...bulletRuns(text, parts, marks),
    ...fragments(text, bodyParagraphs(paragraphs, parts), marks),
    ...shorthand(text, parts, marks),
  ];
}

const MIN_REPEAT_WORDS = 6;

/**
 * A body sentence of six words or more written again, with any capitals, accents, spaces or punctuation
 * (the signature may repeat the letterhead).
 */
export function checkDuplicates(text: string, sentences: readonly Span[], parts: LetterParts): Finding[] {
  const marks = marked(text);
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  sentences.forEach((s, i) => {
    if (inside(marks, s.start) || s.start < parts.bodyStart || s.end > parts.bodyEnd) return;
    const key = fold(s.text)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (key.split(' ').length < MIN_REPEAT_WORDS) return;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    out.push(
      findingAt(
        'DUPLICATE_SENTENCE',
        text,
        s.start,
        s.end,
        'This sentence is already in the letter; keep one.',
      ),
    );
  });
  return out;
}

// Emoji (but not ©, ® and ™), control and invisible characters, the replacement character, text decoded
// with the wrong encoding ("â€™", "Ã©"), a spreadsheet formula or error, or a code value.
const ODD =
  /(?![©®™])\p{Extended_Pictographic}(?:\u200d?\p{Extended_Pictographic}|[\u{1f3fb}-\u{1f3ff}\ufe0f])*|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff\ufffd]+|â€[\u0080-\u00bf™œ˜“”žŸ]?|Ã[\u0080-\u00bf]|(?<![\p{L}\p{N}])[=@|][A-Za-z(][^\s,;]*|(?<![\p{L}\p{N}])\+[A-Za-z(][^\s,;]*|#(?:REF!|N\/A|NAME\?|VALUE!|DIV\/0!|NULL!)|\[object Object\]|\bNaN\b|\bundefined\b(?= (?:is|was|has|did|and|,|\.))/gu;

export function checkOddCharacters(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(ODD)) {
    const start = m.index!;
    const shown = m[0].replace(
      /[\u0000-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g,
      (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    );
    out.push(
      findingAt(
        'ODD_CHARACTERS',
        text,
        start,
        start + m[0].length,
        `"${shown}" is not letter text (an emoji, a hidden character, garbled text, or a formula or code): remove or retype it.`,
      ),
    );
  }
  return out;
}
