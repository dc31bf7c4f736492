/**
 * The candidate's "she"/"he" for the recommender, in the clause that goes on from the recommender's name:
 * "I called Dr. Albright, and she agreed it was compartment syndrome". Once Dr. Albright becomes "me", that
 * "she" would point at nobody, so the sentence was kept verbatim; named instead ("…, and Dr. Albright
 * agreed"), the point-of-view conversion turns both into the physician's "me" and "I".
 *
 * Only when nothing else in the sentence could be that "she": no pronoun or person before the name, and
 * nothing but "and", "but", "so", "then" or "why" between the name and the pronoun (or, when the name opens
 * the sentence, a verb phrase with no pronoun, person or other name in it), and a past-tense verb after it.
 * "I presented her to Dr. Caldwell-Prior, and she was referred" and "…said I was the student she would
 * trust" stay as they were.
 */

const PRONOUN = /(?<![\p{L}'’])(she|he)(?![\p{L}'’])/iu;
const ANY_PERSON =
  /(?<![\p{L}'’])(?:I|me|my|we|us|our|you|they|them|their|he|she|him|her|his|hers|who|whom|whose|patient|man|woman|boy|girl|baby|child|mother|father|son|daughter|wife|husband|family|resident|nurse|team|attending|intern|fellow)(?![\p{L}'’])/iu;
const LINK =
  /^[\s,;]*(?:(?:why|too|again|later|then|also|right away|immediately)[\s,]*)*(?:and|but|so)?\s*(?:then\s+|later\s+)?$/iu;
const SPEECH =
  /(?<![\p{L}])(?:said|told|wrote|commented|mentioned|thought|felt|believed|called me)(?![\p{L}])/iu;
const PAST_NEXT =
  /^\s+(?:\p{L}+ed|was|had|would|could|said|told|took|gave|made|saw|came|went|did|thought|knew|found|felt|kept|left|put|let|set|sent|spoke|taught|wrote|showed|brought)(?![\p{L}])/iu;

/** The sentence with the recommender's continuing "she"/"he" replaced by `address`, or as it was. */
export function withRecommenderContinued(sentence: string, explicit: RegExp | null, address: string): string {
  if (!explicit || address === '') return sentence;
  const ref = new RegExp(explicit.source, explicit.flags.replace('g', '')).exec(sentence);
  if (!ref) return sentence;
  const end = ref.index + ref[0].length;
  const before = sentence.slice(0, ref.index);
  const after = sentence.slice(end);
  const pronoun = PRONOUN.exec(after);
  if (!pronoun) return sentence;
  const between = after.slice(0, pronoun.index);
  const opensSentence = before.trim() === '';
  // The candidate's own "I" before the name is no rival; anyone else is.
  if (ANY_PERSON.test(before.replace(/(?<![\p{L}'’])(?:I|me|my)(?![\p{L}'’])/gu, ' '))) return sentence;
  // "Dr. Linwood said he would…" would have the physician quote themselves.
  if (SPEECH.test(between)) return sentence;
  const joined = LINK.test(between);
  const goesOn = opensSentence && !ANY_PERSON.test(between) && !/\p{Lu}/u.test(between);
  if (!(joined || goesOn)) return sentence;
  if (!PAST_NEXT.test(after.slice(pronoun.index + pronoun[0].length))) return sentence;
  const at = end + pronoun.index;
  return sentence.slice(0, at) + address + sentence.slice(at + pronoun[0].length);
}
