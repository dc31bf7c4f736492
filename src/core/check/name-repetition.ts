/**
 * The candidate's name said too often: twice in one sentence ("Dr. Park told Dr. Park's patient…"), or as
 * the opening of most sentences ("Dr. Park admitted… Dr. Park presented… Dr. Park led…"). Editors replace
 * the second mention with a pronoun and vary the openings; a letter that does not reads as generated.
 */
import { findingAt } from './finding';
import type { LetterParts } from './letter-parts';
import { type Span, spanIndexAt } from './text-scan';
import type { Finding } from './types';

const TITLE_BEFORE = /(?:\b(?:Dr|Mr|Ms|Mrs|Mx|Prof)\.?|\bDoctor|\bStudent Doctor)\s$/;

/** The mentions as whole names: "Rosa Delgado" and "Dr. Delgado" are one mention each. */
function wholeMentions(text: string, mentions: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && /^[\s-]$/.test(text.slice(last.end, m.start))) {
      out[out.length - 1] = { start: last.start, end: m.end, text: text.slice(last.start, m.end) };
      continue;
    }
    const title = TITLE_BEFORE.exec(text.slice(Math.max(0, m.start - 16), m.start));
    const start = title ? m.start - title[0].length : m.start;
    out.push({ start, end: m.end, text: text.slice(start, m.end) });
  }
  return out;
}

const MIN_SENTENCES = 6;

export function checkNameRepetition(
  text: string,
  sentences: readonly Span[],
  candidateMentions: readonly Span[],
  parts: LetterParts,
): Finding[] {
  const out: Finding[] = [];
  const perSentence = new Map<number, Span[]>();
  for (const m of wholeMentions(text, candidateMentions)) {
    const i = spanIndexAt(sentences, m.start);
    if (i < 0) continue;
    perSentence.set(i, [...(perSentence.get(i) ?? []), m]);
  }
  for (const list of perSentence.values()) {
    if (list.length < 2) continue;
    const second = list[1]!;
    out.push(
      findingAt(
        'NAME_REPEATED',
        text,
        second.start,
        second.end,
        `The candidate is named ${list.length} times in one sentence; use a pronoun for the later mentions.`,
      ),
    );
  }
  const body = sentences
    .map((s, i) => ({ s, i }))
    .filter(
      ({ s }) => s.start >= parts.bodyStart && s.end <= parts.bodyEnd && s.text.split(/\s+/).length > 5,
    );
  const opening = body.filter(({ s, i }) => (perSentence.get(i) ?? []).some((m) => m.start === s.start));
  if (body.length >= MIN_SENTENCES && opening.length * 2 > body.length) {
    const name = perSentence.get(opening[0]!.i)![0]!;
    out.push(
      findingAt(
        'NAME_REPEATED',
        text,
        name.start,
        name.end,
        `${opening.length} of the letter's ${body.length} sentences open with the candidate's name; vary the openings.`,
      ),
    );
  }
  return out;
}
