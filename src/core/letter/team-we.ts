/**
 * The candidate's "we" (issue 11, point 4). In an answer, "we admitted a 7-year-old boy" is the candidate
 * and their team; left as it is, the letter makes it the physician's "we", a claim the physician may not
 * be able to make. So a narrating "we" becomes "the team" (true whether or not the physician was on it),
 * unless the sentence names the recommender, who then is part of it ("I presented to Dr. Castellano and we
 * ordered…" keeps "we"). Only "we" with a past verb, and its "us" and "our", change: "we" in a general
 * statement ("how we monitor levels now", "in Vietnam we used them") is left for the writer.
 * Works on the candidate's first-person text, before the point of view is converted.
 */

import { isPast } from './pov-words';
import { GENERIC } from './recommender-refs';

// "we students", "we both" and the like say who "we" is; left alone.
const WE_VERB =
  /(?<![\p{L}'’])([Ww]e)\s+((?:then|also|all|together|quickly|immediately|finally|both)\s+)?(\p{Ll}+)(?![\p{L}'’])/gu;
// "In Vietnam we used them often", "back home we…": another place's "we", not the rotation team's.
const ELSEWHERE = /\b(?:[Ii]n\s+(?:my\s+(?:home\s+)?country|\p{Lu}\p{Ll}+)|[Bb]ack\s+home)\s*,?\s+we\b/u;
// "We did the math together", "we rounded as a team", "kept us all informed": who "we" is (the mother and
// the candidate? the whole service?) is not the team's to say; left for the writer.
const WHO_IS_WE = /\b(?:together|as\s+a\s+team|us\s+(?:all|both)|(?:all|both)\s+of\s+us)\b/i;
const BE_PAST: Readonly<Record<string, string>> = { were: 'was' };

/** Whether the sentence names the recommender, by name or as "my attending". */
function namesRecommender(sentence: string, recommender: RegExp | null): boolean {
  // `search` ignores a global pattern's lastIndex, so the shared patterns need no copy.
  return (recommender !== null && sentence.search(recommender) >= 0) || sentence.search(GENERIC) >= 0;
}

/** The sentence with a narrating "we" (and its "us", "our") as "the team"; as it is otherwise. */
export function teamForWe(sentence: string, recommender: RegExp | null): string {
  if (
    !/(?<![\p{L}'’])[Ww]e(?![\p{L}'’])/u.test(sentence) ||
    ELSEWHERE.test(sentence) ||
    WHO_IS_WE.test(sentence) ||
    namesRecommender(sentence, recommender)
  )
    return sentence;
  let changed = false;
  const out = sentence.replace(WE_VERB, (whole, we: string, adverb: string | undefined, verb: string) => {
    if (!isPast(verb) && !(verb in BE_PAST)) return whole;
    changed = true;
    return `${we === 'We' ? 'The' : 'the'} team ${adverb ?? ''}${BE_PAST[verb] ?? verb}`;
  });
  if (!changed) return sentence;
  return out
    .replace(/(?<![\p{L}'’])our\s+team(?![\p{L}'’])/gu, 'the team')
    .replace(/(?<![\p{L}'’])Our\s+team(?![\p{L}'’])/gu, 'The team')
    .replace(/(?<![\p{L}'’])(?:our)(?=\s+\p{L})/gu, 'the')
    .replace(/(?<![\p{L}'’])us(?![\p{L}'’])/gu, 'the team');
}
