/**
 * Where a candidate's sentence names the recommender: by name ("Dr. Chen", "Michael"), by role ("my
 * attending"), or by the pronoun the relationship answer gives them.
 */
import { escapeRegExp } from '../text';
import type { PovOptions } from './point-of-view';
import { tokenize } from './pov-tokens';

export interface RefSpan {
  readonly start: number;
  readonly end: number;
  readonly generic: boolean;
  readonly possessive: boolean;
  /** For generic spans: the determiner ("my", "the", "our") and the role noun phrase after it. */
  readonly determiner?: string;
  readonly role?: string;
  /** A relationship-answer pronoun (he/him/his/she/her…) standing for the recommender. */
  readonly pronoun?: string;
  /** "my attending, Dr. Chen, every day": the appositive's closing comma follows the span. */
  readonly appositiveComma?: boolean;
}

export const SUBORDINATORS = new Set(
  'when while because after before until since although though once if as whereas'.split(' '),
);

export function recommenderPatterns(fullName: string | undefined): RegExp | null {
  const parts = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return null;
  const surnames: string[] = [];
  for (let k = 1; k < parts.length; k++) surnames.push(parts.slice(k).join(' '));
  if (parts.length === 1) surnames.push(parts[0]!);
  const forms = [parts.join(' '), ...surnames]
    .sort((a, b) => b.length - a.length)
    .map((f) => escapeRegExp(f).replace(/ /g, '\\s+'));
  const titled = `(?:Dr\\.?|Doctor|Professor|Prof\\.)\\s+(?:${forms.join('|')})`;
  // "Michael Chen", and "Michael" alone: a candidate who called the recommender by first name means them too.
  const bare =
    parts.length >= 2
      ? `|${escapeRegExp(parts.join(' ')).replace(/ /g, '\\s+')}|${escapeRegExp(parts[0]!)}`
      : '';
  return new RegExp(`(?<![\\p{L}])(?:${titled}${bare})(?![\\p{L}])`, 'gu');
}

export const GENERIC =
  /(?<![\p{L}])(my|the|our)\s+((?:supervising\s+)?(?:attending|preceptor|supervisor)(?:\s+(?:physician|surgeon|doctor))?|supervising\s+(?:physician|doctor))(?![\p{L}-])/giu;

export function findRefs(s: string, explicit: RegExp | null, source: PovOptions['source']): RefSpan[] {
  const spans: RefSpan[] = [];
  const possessiveAt = (end: number) => /^['’]s(?![\p{L}])/u.test(s.slice(end));
  if (explicit) {
    for (const m of s.matchAll(explicit)) {
      const start = m.index ?? 0;
      let end = start + m[0].length;
      const possessive = possessiveAt(end);
      if (possessive) end += 2;
      spans.push({ start, end, generic: false, possessive });
    }
  }
  for (const m of s.matchAll(GENERIC)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    // "my attending, Dr. Chen," names the recommender: one explicit reference.
    const appositive = explicit
      ? new RegExp(`^,?\\s+(?:${explicit.source}),?`, 'u').exec(s.slice(end))
      : null;
    if (appositive) {
      const covered = end + appositive[0].length;
      for (let k = spans.length - 1; k >= 0; k--) {
        const sp = spans[k]!;
        if (sp.start >= end && sp.start < covered) spans.splice(k, 1);
      }
      const tail = s.slice(end, covered).endsWith(',') ? covered - 1 : covered;
      const possessive = possessiveAt(tail);
      spans.push({
        start,
        end: possessive ? tail + 2 : tail,
        generic: false,
        possessive,
        ...(tail < covered && !possessive ? { appositiveComma: true } : {}),
      });
      continue;
    }
    if (spans.some((sp) => sp.start < end && sp.end > start)) continue;
    const possessive = possessiveAt(end);
    if (possessive) end += 2;
    spans.push({
      start,
      end,
      generic: true,
      possessive,
      determiner: m[1]!.toLowerCase(),
      role: m[2]!,
    });
  }
  if (source === 'relationship') {
    for (const t of tokenize(s)) {
      if (
        t.word &&
        THIRD_SINGULAR.test(t.text) &&
        !spans.some((sp) => sp.start <= t.start && sp.end > t.start)
      ) {
        spans.push({
          start: t.start,
          end: t.end,
          generic: false,
          possessive: false,
          pronoun: t.text.toLowerCase(),
        });
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

export const THIRD_SINGULAR = /^(he|him|his|himself|she|her|hers|herself)$/i;

/** The recommender's pronouns as the relationship answer uses them, when it uses only one set. */
export function recommenderPronounsIn(relationship: string): 'he' | 'she' | undefined {
  const he = /\b(he|him|his|himself)\b/i.test(relationship);
  const she = /\b(she|her|hers|herself)\b/i.test(relationship);
  return he && !she ? 'he' : she && !he ? 'she' : undefined;
}
