/**
 * A reference to the recommender in the candidate's sentence ("Dr. Chen", "my attending", "she" in the
 * relationship answer), written as the physician's own "I", "me", "my" or "mine" by its grammatical
 * position; "Dr. Albright and I" becomes "Mr. Navarro and I". Where the position or a later pronoun leaves
 * it unclear, the sentence is refused.
 */
import { Refuse } from './pov-types';
import {
  BASE_VERBS,
  CLAUSE_STARTERS,
  COPULAS,
  FUNCTION_WORDS,
  isAdverb,
  isPast,
  MODALS,
  norm,
  PATIENT_EVENT,
  PHRASE_BREAKS,
  PHRASE_OPENERS,
  THIRD_TO_BASE,
} from './pov-words';
import { type RefSpan, SUBORDINATORS, THIRD_SINGULAR } from './recommender-refs';
import type { SentenceWork } from './sentence-work';
import { agreeWithI, isVerbish } from './verb-agreement';

/** A patient or relative named between the recommender and a later pronoun. */
const PERSON_BETWEEN =
  /\b(?:patient|man|woman|boy|girl|baby|child|infant|toddler|mother|father|son|daughter|wife|husband|sister|brother|grandmother|grandfather|Mrs?\.|Ms\.)(?![\p{L}])/u;

/** A word that is a verb form, which a name after it would be the object of ("asked Dr. Chen"). */
const isVerbWord = (w: string): boolean =>
  w === '' || isPast(w) || BASE_VERBS.has(w) || THIRD_TO_BASE.has(w) || MODALS.has(w) || COPULAS.has(w);

/** Where a reference sits: its tokens, and the words around it. */
interface Place {
  readonly i: number;
  readonly last: number;
  readonly ref: RefSpan;
  readonly original: string;
  readonly pv: string;
  readonly next: number;
  readonly nextWord: string;
  readonly nextIsNumber: boolean;
  readonly standsAlone: boolean;
}

/**
 * Converts the reference whose first token is i; returns the index of its last token, where the caller's
 * loop goes on from.
 */
export function convertReference(w: SentenceWork, i: number, ref: RefSpan): number {
  const { tokens, sentence } = w;
  // Consume every token of the reference; the replacement goes in the first one.
  let last = i;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < ref.end) last++;
  if (w.quoted[tokens[i]!.start]) throw new Refuse({ why: 'quotation' });
  const next = w.wordIndexAfter(last);
  const nextWord = next >= 0 ? norm(tokens[next]!.text) : '';
  // A number is a word to these rules: "his 3 patients" is a possessive, not "mine".
  const nextIsNumber = next < 0 && /^\s*\d/.test(sentence.slice(tokens[last]!.end));
  const place: Place = {
    i,
    last,
    ref,
    original: sentence.slice(ref.start, ref.end),
    pv: w.prevWord(i),
    next,
    nextWord,
    nextIsNumber,
    standsAlone: next < 0 ? !nextIsNumber : PHRASE_BREAKS.has(nextWord),
  };
  for (let k = i + 1; k <= last; k++) w.out[k] = '';
  const replacement = replacementFor(w, place);
  if (replacement === place.original) {
    for (let k = i + 1; k <= last; k++) w.out[k] = tokens[k]!.text;
    return last;
  }
  w.put(i, replacement);
  dropAppositiveComma(w, place);
  const isRole = ref.generic && COPULAS.has(place.pv) && !ref.possessive;
  if (ref.generic && !isRole && w.options.source !== 'relationship') {
    w.genericRefs.push(`${place.original}→${replacement}`);
  }
  if (!isRole && w.options.source !== 'relationship') refuseLaterPronoun(w, last);
  return last;
}

/** What the reference becomes. */
function replacementFor(w: SentenceWork, p: Place): string {
  const { ref } = p;
  if (ref.generic && COPULAS.has(p.pv) && !ref.possessive) {
    // "Dr. Marsh was my attending": a role, not a reference to the recommender.
    return ref.determiner === 'my' ? `${w.candidatePossessive()} ${ref.role}` : p.original;
  }
  if (ref.pronoun) return pronounReplacement(w, p, ref.pronoun);
  if (ref.possessive) return possessiveForm(p);
  return nameReplacement(w, p);
}

/** A possessive ("his", "Dr. Chen's"): "my" before what it owns, "mine" when it stands alone. */
const possessiveForm = (p: Place) => (p.standsAlone ? 'mine' : 'my');

function pronounReplacement(w: SentenceWork, p: Place, pronoun: string): string {
  if (pronoun === 'he' || pronoun === 'she') {
    agreeWithI(w, w.verbAfter(p.last));
    return 'I';
  }
  if (pronoun === 'him') return 'me';
  if (pronoun === 'himself' || pronoun === 'herself') return 'myself';
  if (pronoun === 'hers') return 'mine';
  if (pronoun === 'his') return possessiveForm(p);
  return herForm(w, p);
}

/**
 * "her" is an object ("presented to her every day") or a possessive ("her clinic"). Words such as "only",
 * "first" or "daily" can go either way ("her only student", "with her daily"): the word after them decides,
 * and when nothing does, the sentence is refused.
 */
function herForm(w: SentenceWork, p: Place): string {
  if (p.standsAlone || PHRASE_OPENERS.has(p.nextWord)) return 'me';
  if (p.nextIsNumber) throw new Refuse({ why: 'recommenderRole' });
  if (!FUNCTION_WORDS.has(p.nextWord) && !isAdverb(p.nextWord)) return 'my';
  const after = w.wordIndexAfter(p.next);
  const afterWord = after >= 0 ? norm(w.tokens[after]!.text) : '';
  const afterEnds = after < 0 && !/^\s*\d/.test(w.sentence.slice(w.tokens[p.next]!.end));
  if (afterEnds || PHRASE_BREAKS.has(afterWord) || PHRASE_OPENERS.has(afterWord)) return 'me';
  throw new Refuse({ why: 'recommenderRole' });
}

/** "Dr. Chen", "my attending": subject, object, or the partner in "Dr. Albright and I". */
function nameReplacement(w: SentenceWork, p: Place): string {
  const { tokens } = w;
  const { i, last, ref, pv } = p;
  const clause = w.atClauseStart(i);
  const verb = w.verbAfter(last);
  const and = w.wordIndexAfter(last);
  const partner = and >= 0 && p.nextWord === 'and' ? w.wordIndexAfter(and) : -1;
  if (partner >= 0 && tokens[partner]!.text === 'I' && clause.start) {
    // "Dr. Albright and I explained…": the two swap, "Mr. Navarro and I explained…"; that "I" stays.
    w.physicianI.add(partner);
    w.candidate = true;
    w.markNamed(true);
    return w.options.name;
  }
  if (clause.start && isVerbish(w, verb)) {
    agreeWithI(w, verb);
    return 'I';
  }
  if (clause.sentenceStart && ref.generic && ref.determiner === 'my' && w.options.source === 'relationship') {
    // "My attending on the teaching service; …": a label, not a clause.
    return `I was ${w.candidatePossessive()} ${ref.role}`;
  }
  if (clause.sentenceStart || COPULAS.has(pv)) throw new Refuse({ why: 'recommenderRole' });
  // "…the most caring students Dr. Greer had worked with": a relative clause's subject.
  if (verb >= 0 && /^(?:had|would|could|has|will)$/.test(norm(tokens[verb]!.text))) return 'I';
  if (
    verb >= 0 &&
    (isPast(tokens[verb]!.text) || /^(?:was|were)$/.test(norm(tokens[verb]!.text))) &&
    !FUNCTION_WORDS.has(pv) &&
    // "On rounds Dr. Chen asked…": a word after a preposition is a noun, whatever else it can be.
    (!isVerbWord(pv) || FUNCTION_WORDS.has(w.wordBefore(i, 2)))
  ) {
    // "After my first week Dr. Solheim told me…": after a noun, a name with a past verb is a subject.
    return 'I';
  }
  return 'me';
}

/**
 * "presented to my attending, Dr. Chen, every day" → "presented to me every day": the comma that closed
 * the appositive goes with it, unless it also ends a clause ("When I met my attending, Dr. Chen, I was
 * nervous", "…, Dr. Chen, and she…").
 */
function dropAppositiveComma(w: SentenceWork, p: Place): void {
  const { tokens } = w;
  const after = tokens[p.last + 1];
  if (!p.ref.appositiveComma || !after || after.word || !after.text.startsWith(',')) return;
  const nextClause = tokens[p.last + 2]?.word ? norm(tokens[p.last + 2]!.text) : '';
  const opensClause =
    CLAUSE_STARTERS.has(nextClause) ||
    /^(i|we|he|she|they|it|you)$/.test(nextClause) ||
    SUBORDINATORS.has(norm(tokens.find((x) => x.word)?.text ?? ''));
  if (!opensClause) w.out[p.last + 1] = after.text.slice(1);
}

/**
 * "Dr. Chen said he…", "Dr. Chen was my attending, and I presented to him": a later pronoun that can mean
 * the recommender would now point at the wrong person.
 */
function refuseLaterPronoun(w: SentenceWork, last: number): void {
  const { tokens } = w;
  const pronouns = w.options.recommenderPronouns;
  const recommenderPronoun =
    pronouns === 'he'
      ? /^(he|him|his|himself)$/i
      : pronouns === 'she'
        ? /^(she|her|hers|herself)$/i
        : THIRD_SINGULAR;
  const at = tokens.findIndex((x, k) => k > last && x.word && recommenderPronoun.test(x.text));
  if (at <= 0) return;
  // "…with Dr. Feldman, explained them to the patient, and respected his wish": a person between is who
  // the pronoun means, and it never meant the recommender.
  const between = tokens
    .slice(last + 1, at)
    .map((x) => x.text)
    .join('');
  // After "Dr. Albright and I", an object or possessive ("…the plan for her wound") is never the
  // recommender, who is that clause's subject.
  const swappedObject = w.physicianI.size > 0 && !/^(?:he|she)$/i.test(tokens[at]!.text);
  if (PERSON_BETWEEN.test(between) || swappedObject || isThePatients(w, last, at)) return;
  throw new Refuse({ why: 'laterPronoun', pronoun: tokens[at]!.text });
}

/** A physician sees, examines or admits a patient: "asked Dr. Lindqvist … to see him". */
const PATIENT_OBJECT = /\bto\s+(?:see|examine|evaluate|admit|consult on|operate on)\s*$/i;

/**
 * Whether the pronoun at `at` is the patient's: the sentence used it for someone before it named the
 * recommender ("I presented her to Dr. Caldwell-Prior, and she was referred…"), or it is the subject of
 * what happens to a patient or the object of a physician seeing one.
 */
function isThePatients(w: SentenceWork, last: number, at: number): boolean {
  const { tokens } = w;
  const pronoun = tokens[at]!.text.toLowerCase();
  const set = /^(?:she|her|hers|herself)$/.test(pronoun)
    ? /^(?:she|her|hers|herself)$/i
    : /^(?:he|him|his|himself)$/i;
  const before = tokens.slice(0, last).some((x) => x.word && set.test(x.text));
  const text = (from: number, to: number) =>
    tokens
      .slice(from, to)
      .map((x) => x.text)
      .join('');
  return before || PATIENT_EVENT.test(text(at + 1, tokens.length)) || PATIENT_OBJECT.test(text(last + 1, at));
}
