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

/**
 * The recommender's "she"/"he" carried over from the sentence before, when that sentence opens on the
 * recommender and names nobody else: "Dr. Caldwell-Prior told me that my presentations needed a clearer
 * assessment. I started ending with a plan by problem, and she said it was much better by the third
 * week." The "she" is named (then made the physician's own judgment, "…and I found it much better…"),
 * as in withRecommenderContinued. Anyone else in either sentence who could be that "she" leaves the
 * sentence as it was.
 */
export function withRecommenderFromBefore(
  sentence: string,
  previous: string,
  explicit: RegExp | null,
  address: string,
): string {
  if (!explicit || address === '') return sentence;
  const flags = explicit.flags.replace('g', '');
  // "Dr. Porter told me…", "After my first delivery Dr. Whitaker told me…": the recommender as the subject.
  const opens = new RegExp(
    `^\\s*(?:(?:[Aa]fter|[Bb]efore|[Ii]n|[Aa]t|[Oo]n|[Dd]uring|[Ww]hen|[Bb]y)\\s+[^,]{0,40}?,?\\s+)?(?:${explicit.source})\\s+(?:also\\s+|then\\s+)?[a-z]`,
    flags,
  ).exec(previous);
  if (!opens || new RegExp(explicit.source, flags).test(sentence)) return sentence;
  const others = (text: string) =>
    ANY_PERSON.test(text.replace(/(?<![\p{L}'’])(?:I|me|my)(?![\p{L}'’])/gu, ' '));
  if (others(previous.replace(new RegExp(explicit.source, `${flags}g`), ' '))) return sentence;
  // One "she"/"he" in the sentence, after a clause of the candidate's own, linked by "and"/"but"/"so" and
  // perhaps a time phrase ("…, and after two weeks she said…").
  const m =
    /^(.*?[,;]?\s+(?:and|but|so)\s+(?:then\s+|later\s+|(?:after|in|by|within|over|during|at)\s+[^,]{2,30}?,?\s+)?)(she|he)(?![\p{L}'’])/iu.exec(
      sentence,
    );
  if (!m || others(m[1]!) || !/(?<![\p{L}'’])I(?![\p{L}'’])/u.test(m[1]!)) return sentence;
  const rest = sentence.slice(m[0].length);
  if (
    !PAST_NEXT.test(rest) ||
    PATIENT_EVENT.test(rest) ||
    ANY_PERSON.test(rest.replace(/\bme\b|\bmy\b|\bI\b/g, ' '))
  )
    return sentence;
  // "…, and after two weeks, Dr. Porter said…": the comma tells the conversion that the name opens a
  // clause as its subject, not an object of the phrase ("…two weeks me said"). Only for what the physician
  // said, which withoutOwnQuotation makes what they found: after such a phrase the conversion cannot yet
  // take every verb ("…, by the end of the rotation, I let him…").
  const timed = /(?:after|in|by|within|over|during|at)\s+[^,]{2,30}?\s+$/iu.test(m[1]!);
  if (timed && !/^\s+said\b/u.test(rest)) return sentence;
  return `${timed ? `${m[1]!.trimEnd()}, ` : m[1]!}${address}${rest}`;
}

const SAID = /^\s+(?:said|told me|wrote|commented|mentioned|remarked)(?:\s+that)?\s+/iu;
// Feedback, not praise: "…told me that my notes were missing the social history" stays what the physician
// told the candidate ("I told Ms. Goldberg that her notes were missing…"), not a flat statement of a fault.
const CRITICISM =
  /\b(?:too|not|never|missing|lacked|lacking|needed|incomplete|unclear|slow|weak|disorganized|poor|vague|wrong|late)\b/iu;
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
  // "…Dr. Obuya said my reads were accurate and fast" (or "…became more useful") anywhere in a sentence:
  // the physician's judgment, "…I found her reads accurate and fast", rather than "I said…".
  const judged = new RegExp(
    `((?:${explicit.source}))\\s+said\\s+(?:that\\s+)?(my\\s+[\\p{L}\\s-]{1,30}?)\\s+(?:was|were|became|had\\s+become)\\s+(?=[\\p{L}])`,
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
  if (!praise.test(clause) || CRITICISM.test(clause) || /["“”]/.test(clause)) return sentence;
  const own = clause.replace(OWN_SUBJECT, address).replace(OWN_POSSESSIVE, `${address}’s`);
  if (/(?<![\p{L}'’])(?:she|he|her|him|his|hers)(?![\p{L}'’])/iu.test(own)) return sentence;
  return `${ref[1]}${own.charAt(0).toUpperCase()}${own.slice(1)}`;
}
