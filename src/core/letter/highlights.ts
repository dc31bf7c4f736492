/**
 * The highlights answers as sentences, never a label list ("Procedures: …; Presentations: …; Feedback: …").
 * The sentences are written in the candidate's voice ("I performed or assisted with …") so that the same
 * point-of-view conversion as every other answer turns them into the physician's; a sentence the candidate
 * wrote stays theirs. The physician never quotes themselves: feedback the recommender gave ("Dr. Okonkwo said
 * my presentations were…") loses its attribution and becomes the physician's own statement.
 */
import { escapeRegExp } from '../text';
import { countedList, labelledFeedback, lowerFirst } from './fragments';

const withoutEnd = (s: string) => s.replace(/[\s.;,]+$/, '');

/** "Laceration repairs (9), one lumbar puncture, splinting" → "laceration repairs (9), one lumbar puncture, and splinting". */
export function listInProse(text: string): string {
  const items = lowerFirst(withoutEnd(text))
    .split(/\s*[,;]\s*(?![^()]*\))/)
    .filter(Boolean);
  if (items.length < 2 || /\band\b/.test(items[items.length - 1]!)) return items.join(', ');
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

const STARTS_WITH_DETERMINER =
  /^(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple|weekly|daily|\d+)\b/i;

/** "Case conference: posterior STEMI…" → "a case conference on posterior STEMI…". */
export function presentationInProse(text: string): string {
  const phrase = lowerFirst(withoutEnd(text).replace(/^([^:]{3,60}):\s+/, '$1 on '));
  if (STARTS_WITH_DETERMINER.test(phrase)) return phrase;
  // An acronym read letter by letter takes "an" when its first letter's name starts with a vowel ("an M&M").
  const vowelSound =
    /^(?:[aeio]|u(?!ni|s[eu]|r[oa]))/i.test(phrase) || /^[FHLMNRSX](?=[\p{Lu}&])/u.test(phrase);
  return `${vowelSound ? 'an' : 'a'} ${phrase}`;
}

export const HIGHLIGHT_IDS = [
  'highlights.procedures',
  'highlights.presentations',
  'highlights.feedback',
] as const;

// "I" but not the I of I&D, I/O or I-PASS.
const FIRST_PERSON = /\b(?:I(?![&/-])|my|me|we|our|us)\b/;
/** Bullet notes stay as typed: a sentence written around them would read as a broken one. */
const BULLETS = /(?:^|\s)[-*•]\s/;
const asSentence = (text: string, sentence: string) =>
  FIRST_PERSON.test(text) || BULLETS.test(text) ? text : sentence;

/**
 * "Dr. Okonkwo said my presentations were …" → "My presentations were …" when Dr. Okonkwo is the
 * recommender (by surname, or "my attending"); feedback from anyone else keeps its attribution.
 */
export function withoutRecommenderAttribution(text: string, recommenderSurname: string): string {
  const who = ['[Mm]y attending', '[Tt]he attending'];
  if (recommenderSurname)
    who.push(String.raw`(?:Dr\.?\s+)?(?:\p{Lu}[\p{L}'’-]*\s+)?` + escapeRegExp(recommenderSurname));
  const said = String.raw`(?:said|says|wrote|writes|told me|tells me|commented|noted|remarked|mentioned)(?:\s+that)?`;
  const re = new RegExp(String.raw`(^|[.!?]\s+)(?:${who.join('|')})\s+${said}\s+(\p{L})([^.!?]*)`, 'gu');
  return text.replace(re, (whole, lead: string, first: string, rest: string, at: number, all: string) =>
    // A "he" or "she" after it may be the recommender ("…the most caring student he had worked with"):
    // without the attribution it would point at nobody, so such feedback keeps it.
    THIRD_PERSON.test(all.slice(at))
      ? whole
      : // "…said that my notes were clear and that I knew…": a second "that" has no verb left to hang on.
        `${lead}${first.toUpperCase()}${rest.replace(/(,?\s+(?:and|but))\s+that\s+/gu, '$1 ')}`,
  );
}

const THIRD_PERSON = /\b(?:he|him|his|she|her|hers)\b/i;

export interface HighlightAnswers {
  readonly procedures?: string;
  readonly presentations?: string;
  readonly feedback?: string;
  /** The candidate's first name, which feedback quoted by name uses ("Oleksandr is reliable…"). */
  readonly firstName?: string;
}

/**
 * The highlights as one paragraph of candidate-voice sentences ('' when the candidate gave none), from the
 * answers as the composer cleaned them.
 */
export function highlightsSource(h: HighlightAnswers, recommenderSurname: string): string {
  const sentences: string[] = [];
  const procedures = h.procedures ?? '';
  if (procedures) {
    const counted = BULLETS.test(procedures) ? procedures : countedList(procedures);
    sentences.push(asSentence(counted, `I performed or assisted with ${listInProse(counted)}.`));
  }
  const presentations = h.presentations ?? '';
  if (presentations) {
    const also = sentences.length > 0 ? ' also' : '';
    // "a case presentation at grand rounds" is given, not presented.
    const prose = presentationInProse(presentations);
    const verb = /^an?\s+(?:[\p{L}-]+\s+)?(?:presentation|talk|lecture)\b/u.test(prose)
      ? 'gave'
      : 'presented';
    sentences.push(asSentence(presentations, `I${also} ${verb} ${prose}.`));
  }
  const feedback = h.feedback ?? '';
  if (feedback)
    sentences.push(
      labelledFeedback(feedback, recommenderSurname, h.firstName) ??
        withoutRecommenderAttribution(feedback, recommenderSurname),
    );
  return sentences.join(' ');
}
