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
import { PATIENT_EVENT } from './pov-words';

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
  const rest = after.slice(pronoun.index + pronoun[0].length);
  // "…to Dr. Porter, and he had an endoscopy": the patient's "he", whatever the links say.
  if (!PAST_NEXT.test(rest) || PATIENT_EVENT.test(rest)) return sentence;
  const at = end + pronoun.index;
  return sentence.slice(0, at) + address + sentence.slice(at + pronoun[0].length);
}

const SAID = /^\s+(?:said|told me|wrote|commented|mentioned|remarked)(?:\s+that)?\s+/iu;
/** The recommender's own pronoun in their praise: "…the student she would trust", "…he had worked with". */
const OWN_SUBJECT = /(?<![\p{L}'’])(she|he)(?=\s+(?:would|could|had|has|will|'d|’d)\b)/giu;
const OWN_POSSESSIVE = /(?<![\p{L}'’])(her|his)(?=\s+own\b)/giu;

/**
 * The recommender's praise of the candidate as the candidate reported it, "Dr. Greer said I was one of the
 * most caring students he had worked with", as the physician's own statement: "I was one of the most
 * caring students Dr. Greer had worked with", which the conversion makes "She was one of the most caring
 * students I had worked with" — never "I said…". Only a sentence that opens with the recommender saying
 * something about the candidate ("I", "me", "my"), and only when every "she"/"he" in it is the recommender's
 * ("…she would", "…her own"); anything else is returned as it was.
 */
export function withoutOwnQuotation(sentence: string, explicit: RegExp | null, address: string): string {
  if (!explicit || address === '') return sentence;
  // "…Dr. Obuya said my reads were accurate and fast" anywhere in a sentence: the physician's judgment,
  // "…I found her reads accurate and fast", rather than "I said…".
  const judged = new RegExp(
    `((?:${explicit.source}))\\s+said\\s+(?:that\\s+)?(my\\s+[\\p{L}\\s-]{1,30}?)\\s+(?:was|were)\\s+(?=[\\p{L}])`,
    explicit.flags.replace('g', ''),
  );
  if (judged.test(sentence) && !/["“”]/.test(sentence)) return sentence.replace(judged, '$1 found $2 ');
  // "…and Dr. Marsh said they were too long" (the presentations): "…and I found them too long".
  const judgedThem = new RegExp(
    `((?:${explicit.source}))\\s+said\\s+(?:that\\s+)?(they\\s+were|it\\s+was)\\s+(?=(?:too|very|not|a\\s+bit|a\\s+little|much)\\b)`,
    explicit.flags.replace('g', ''),
  );
  if (judgedThem.test(sentence) && !/["“”]/.test(sentence))
    return sentence.replace(
      judgedThem,
      (_, who: string, it: string) => `${who} found ${it.startsWith('they') ? 'them' : 'it'} `,
    );
  const ref = new RegExp(`^(\\s*)(?:${explicit.source})`, explicit.flags.replace('g', '')).exec(sentence);
  if (!ref) return sentence;
  // Advice, not praise: "Dr. Castellano said in midpoint evaluation I need more focused exam" is the
  // physician telling the candidate, "In midpoint evaluation, I told her she needed…", not quoting themselves.
  const advice = /^\s+said\s+((?:in|at|during)\s+[^,]{3,40}?\s+)?(?:that\s+)?I\s+need(?:s|ed)?\s+/iu.exec(
    sentence.slice(ref[0].length),
  );
  if (advice) {
    const rest = sentence.slice(ref[0].length + advice[0].length);
    const where = advice[1]
      ? `${advice[1].trim().charAt(0).toUpperCase()}${advice[1].trim().slice(1)}, `
      : '';
    const name = ref[0].trim();
    return `${ref[1]}${where}${name} told me I needed ${rest}`;
  }
  const said = SAID.exec(sentence.slice(ref[0].length));
  if (!said) return sentence;
  const clause = sentence.slice(ref[0].length + said[0].length);
  // Praise of what the candidate was ("I was…", "my notes were…"), not advice ("I need more focused…").
  const praise =
    /^(?:I\s+(?:was|had\s+been)|my\s+[\p{L}\s-]{1,30}?\s+(?:was|were)|(?:she|he)\s+would\s+(?:be\s+(?:happy|glad|proud|delighted)|love|like)\s+to\s+have\s+me)\b/u;
  if (!praise.test(clause) || /["“”]/.test(clause)) return sentence;
  const own = clause.replace(OWN_SUBJECT, address).replace(OWN_POSSESSIVE, `${address}’s`);
  if (/(?<![\p{L}'’])(?:she|he|her|him|his|hers)(?![\p{L}'’])/iu.test(own)) return sentence;
  return `${ref[1]}${own.charAt(0).toUpperCase()}${own.slice(1)}`;
}
