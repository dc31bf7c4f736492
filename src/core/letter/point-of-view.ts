import { introducedPerson, isAboutTheAnswer, withoutAnswerFrame } from './about-the-answer';
import { asObserved, withoutInnerState } from './inner-states';
import { MARK_CLOSE, MARK_OPEN } from './model';
import { withOneName } from './name-rhythm';
import { OTHER_ROLES, OtherPeople, onlyPersonIn, withFirstNamed, withOpeningNamed } from './other-person';
import { gerundOfPast } from './past-tense';
import { quotedMask, splitSentences, type Token, tokenize } from './pov-tokens';
import {
  AMBIGUOUS_PAST,
  BASE_VERBS,
  CLAUSE_STARTERS,
  COPULAS,
  capitalize,
  FUNCTION_WORDS,
  IRREGULAR_PAST,
  isAdverb,
  isPast,
  MODALS,
  norm,
  PHRASE_BREAKS,
  PHRASE_OPENERS,
  ROMAN_CONTEXT,
  THIRD_TO_BASE,
  thirdPersonS,
} from './pov-words';
import { PRONOUN_FORMS, type PronounSet, possessiveOf, pronounWords } from './pronoun-sets';
import { withoutOwnQuotation, withRecommenderContinued } from './recommender-pronoun';
import { findRefs, recommenderPatterns, SUBORDINATORS, THIRD_SINGULAR } from './recommender-refs';
import { teamForWe } from './team-we';

// The pronoun sets, sentences and the recommender's pronouns, for the modules that import them from here.
export { splitSentences } from './pov-tokens';
export {
  PRONOUN_FORMS,
  type PronounForms,
  type PronounSet,
  possessiveOf,
  pronounSetOf,
  pronounWords,
} from './pronoun-sets';
export { recommenderPronounsIn } from './recommender-refs';

export interface PovOptions {
  readonly pronouns: PronounSet;
  /** The candidate's form of address, e.g. "Dr. Delgado". */
  readonly name: string;
  /** The recommender's full name without title or degree ("Michael Chen"), to recognize "Dr. Chen". */
  readonly recommenderName?: string;
  /** How questions address the recommender, e.g. "Dr. Chen". */
  readonly recommenderAddress: string;
  /**
   * `relationship`: the answer to "How did this physician supervise you?", where "he"/"she" can only mean
   * the recommender and needs no confirmation. Elsewhere a generic "the attending" becomes "I" with a
   * question asking the recommender to confirm.
   */
  readonly source: 'relationship' | 'competency' | 'highlight';
  /**
   * The recommender's pronouns if the relationship answer shows them ("I presented to him"): a later "his"
   * in a sentence that mentions the recommender is then ambiguous only when it matches.
   */
  readonly recommenderPronouns?: 'he' | 'she';
}

/** Per section: whether the candidate has been named yet (first mention uses the name). */
export interface PovState {
  named: boolean;
  /**
   * Whether the whole answer narrates in the past, when the text converted is only part of it (the prose
   * between marked notes): "I read" is then "she read", not a verb to ask about.
   */
  narrativePast?: boolean;
}

/** Whether an answer narrates in the past: "I was", "I had", "I examined". */
export const narratesInPast = (text: string): boolean =>
  /\bI\s+(?:\p{L}+ly\s+)?(?:was|had|did|\p{L}+ed)\b/u.test(text);

export interface PovSegment {
  readonly text: string;
  readonly marked: boolean;
}

export interface PovIssue {
  readonly kind: 'pointOfView' | 'recommender';
  /** Occurs verbatim in the converted text. */
  readonly quote: string;
  readonly question: string;
}

export interface PovResult {
  readonly segments: readonly PovSegment[];
  readonly issues: readonly PovIssue[];
}

// ---------------------------------------------------------------------------------------------------------
// One sentence

type Refusal =
  | { why: 'quotation' }
  | { why: 'verb'; verb: string }
  | { why: 'reflexive' }
  | { why: 'wouldHad' }
  | { why: 'compound'; verb: string }
  | { why: 'coordinated'; verb: string }
  | { why: 'laterPronoun'; pronoun: string }
  | { why: 'recommenderRole' }
  | { why: 'otherPronoun'; pronoun: string }
  | { why: 'otherReflexive'; pronoun: string; reflexive: string }
  | { why: 'meta' }
  | { why: 'afterMeta'; pronoun: string };

class Refuse extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.why);
  }
}

interface SentenceContext {
  readonly options: PovOptions;
  readonly explicit: RegExp | null;
  /** The answer is told in the past tense, so "I read" means "I read (past)". */
  readonly narrativePast: boolean;
  readonly competitor: RegExp | null;
}

interface Converted {
  readonly text: string;
  readonly genericRefs: readonly string[];
  readonly changed: boolean;
  /** Whether the conversion wrote the candidate (name or pronoun) in place of a first-person word. */
  readonly candidate: boolean;
}

/**
 * People named by a noun whose pronoun is the candidate's: a candidate's "he" next to "the patient's
 * father" or "a young man" could mean either. None for "they": plural nouns ("patients", "students") fill
 * clinical text, and a sentence's "they" as its subject reads as the candidate.
 */
const PERSON_NOUNS: Partial<Record<PronounSet, RegExp>> = {
  he: /\b(?:man|boy|gentleman|guy|father|dad|husband|son|brother|grandfather|grandson|uncle|nephew|boyfriend|fiancé|Mr\.)(?![\p{L}])/iu,
  she: /\b(?:woman|girl|lady|mother|mom|wife|daughter|sister|grandmother|granddaughter|aunt|niece|girlfriend|fiancée|Mrs\.|Ms\.|Miss)(?![\p{L}])/iu,
};

/**
 * `other` is an object or possessive form of the candidate's own pronoun set that the sentence uses for
 * someone else ("I sat down with him"): then the candidate is named every time, never a pronoun.
 */
function convertSentence(
  sentence: string,
  previous: string,
  ctx: SentenceContext,
  state: PovState,
  other?: string,
): Converted {
  const { options } = ctx;
  const tokens = tokenize(sentence);
  const quoted = quotedMask(sentence);
  const refs = findRefs(sentence, ctx.explicit, options.source);
  const out = tokens.map((t) => t.text);
  const genericRefs: string[] = [];
  let changed = false;
  let candidate = false;
  const forms = options.pronouns === 'name' ? null : PRONOUN_FORMS[options.pronouns];
  const recommenderPronoun =
    options.recommenderPronouns === 'he'
      ? /^(he|him|his|himself)$/i
      : options.recommenderPronouns === 'she'
        ? /^(she|her|hers|herself)$/i
        : THIRD_SINGULAR;
  // Whether another person in this or the previous sentence shares the candidate's pronoun: then "she"
  // could mean the patient, so the first mention in each sentence uses the name. A person named by a noun
  // of the candidate's gender ("a young man … after he suggested") competes within the sentence; in the
  // next one, the candidate as the subject before reads clearly enough ("…admitted a woman. She started…").
  const competing =
    options.source !== 'relationship' &&
    ((ctx.competitor !== null && (ctx.competitor.test(sentence) || ctx.competitor.test(previous))) ||
      PERSON_NOUNS[options.pronouns]?.test(sentence) === true);
  let namedInSentence = false;
  // The candidate's "I" beside the recommender ("Dr. Albright and I"), which becomes the physician's own.
  const physicianI = new Set<number>();
  // The token of the candidate's "I" that opened the sentence's first clause, for "…, and I saw her first".
  let firstSubject = -1;

  const wordIndexAfter = (i: number): number => {
    for (let k = i + 1; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.word) return k;
      if (t.text.trim() !== '') return -1;
    }
    return -1;
  };
  /** The verb after a subject: skips adverbs; -1 when punctuation or the end comes first. */
  const verbAfter = (i: number): number => {
    let k = wordIndexAfter(i);
    // "I myself placed…": the emphatic reflexive sits between subject and verb like an adverb.
    while (k >= 0 && (isAdverb(tokens[k]!.text) || norm(tokens[k]!.text) === 'myself')) k = wordIndexAfter(k);
    return k;
  };
  const atClauseStart = (tokenIndex: number): { start: boolean; sentenceStart: boolean } => {
    for (let k = tokenIndex - 1; k >= 0; k--) {
      const t = tokens[k]!;
      if (t.word) return { start: CLAUSE_STARTERS.has(norm(t.text)), sentenceStart: false };
      const p = t.text.trim();
      if (p === '') continue;
      if (/[,;:(—–]$/.test(p)) return { start: true, sentenceStart: false };
      if (/^[“"‘(⟦\s]*$/.test(p)) continue;
      return { start: false, sentenceStart: false };
    }
    return { start: true, sentenceStart: true };
  };
  const prevWord = (i: number): string => {
    for (let k = i - 1; k >= 0; k--) {
      const t = tokens[k]!;
      if (t.word) return norm(t.text);
      if (t.text.trim() !== '') return '';
    }
    return '';
  };
  const isSentenceStart = (i: number) => atClauseStart(i).sentenceStart;
  /** The n-th word before token i ("" at the sentence start or past punctuation). */
  const wordBefore = (i: number, n: number): string => {
    let k = i;
    for (let m = 0; m < n; m++) {
      k--;
      while (k >= 0 && !tokens[k]!.word) {
        if (tokens[k]!.text.trim() !== '') return '';
        k--;
      }
      if (k < 0) return '';
    }
    return norm(tokens[k]!.text);
  };
  const put = (i: number, text: string) => {
    out[i] = isSentenceStart(i) ? capitalize(text) : text;
    changed = true;
  };

  /** The candidate in subject, object or possessive position: name on first mention, then pronouns. */
  const useName = (subject = false, at = -1): boolean => {
    if (forms === null || other !== undefined) return true;
    // With a competing "she" around, every new subject is named: "so Dr. Lee paged her senior"; but a second
    // subject in a sentence that already named the candidate, with no rival "she" or "woman" between, is
    // the candidate's pronoun ("Dr. Lee showed it to the resident and said that she thought…").
    // Not for they/them: a "they" after any plural noun ("the pharmacies … and they made") would be unclear.
    const second = namedInSentence && at >= 0 && !forms.plural && !rivalBefore(at);
    if (competing && subject && !second) return true;
    if (namedInSentence) return false;
    return !state.named || competing;
  };
  /** Whether someone else of the candidate's pronoun appears in the sentence before token i. */
  const rivalBefore = (i: number): boolean => {
    const before = sentence.slice(0, tokens[i]!.start);
    return ctx.competitor?.test(before) === true || PERSON_NOUNS[options.pronouns]?.test(before) === true;
  };
  const markNamed = (byName: boolean) => {
    if (byName) {
      state.named = true;
      namedInSentence = true;
    }
  };

  /**
   * "Dr. Rahman was on call, and I saw her first": a second "I" that coordinates with the candidate's first
   * clause, with no other subject or clause between, can go ("…on call and saw her first") rather than
   * name the candidate twice.
   */
  const coordinated = (i: number): number => {
    if (firstSubject < 0) return -1;
    const pv = prevWord(i);
    if (pv !== 'and' && pv !== 'but') return -1;
    let and = i - 1;
    while (and >= 0 && !tokens[and]!.word) and--;
    return sameSubjectUpTo(and) ? and : -1;
  };
  /** Whether the candidate's first clause runs on to token k with no other subject or clause between. */
  const sameSubjectUpTo = (end: number): boolean => {
    for (let k = firstSubject + 1; k < end; k++) {
      const t = tokens[k]!;
      if (!t.word) {
        if (/[;:—–()]/.test(t.text)) return false;
        continue;
      }
      const n = norm(t.text);
      // "met with them and assessed capacity": a verb joined with its subject left out is no new clause.
      const joinedVerb = /^(?:and|or|but)$/.test(n) && isPast(tokens[wordIndexAfter(k)]?.text ?? '');
      if (joinedVerb) continue;
      if (CLAUSE_STARTERS.has(n) || /^(?:i|we|he|she|they|it|you|who|which|whom|whose)$/.test(n))
        return false;
    }
    return true;
  };
  /**
   * "…finished the notes before I left", where the name would stand a second time: the clause loses its
   * subject for a gerund ("before leaving"), as long as the candidate is the subject it leans on.
   */
  const asGerund = (i: number, verb: number): boolean => {
    if (firstSubject < 0 || verb !== wordIndexAfter(i)) return false;
    if (!/^(?:before|after|while|when)$/.test(prevWord(i))) return false;
    if (norm(tokens[wordIndexAfter(verb)]?.text ?? '') === 'not') return false;
    const gerund = gerundOfPast(norm(tokens[verb]!.text));
    let sub = i - 1;
    while (sub >= 0 && !tokens[sub]!.word) sub--;
    if (!gerund || !sameSubjectUpTo(sub)) return false;
    out[i] = '';
    if (tokens[i + 1] && !tokens[i + 1]!.word && tokens[i + 1]!.text.trim() === '') out[i + 1] = '';
    out[verb] = gerund;
    changed = true;
    return true;
  };
  /** Drops the "I" at i and the comma before its "and": "on call, and I saw" → "on call and saw". */
  const elide = (i: number, and: number) => {
    out[i] = '';
    if (tokens[i + 1] && !tokens[i + 1]!.word && tokens[i + 1]!.text.trim() === '') out[i + 1] = '';
    const before = tokens[and - 1];
    if (before && !before.word && before.text.trim() === ',') out[and - 1] = ' ';
    changed = true;
  };
  /**
   * The name a second time in a sentence (name-only, or where a pronoun would be someone else's): a new
   * clause after ", and", ", so" or ", but" becomes a sentence of its own ("…breathing fast. So Dr. Tanaka
   * Ortiz called the resident"), since no pronoun can stand for the candidate there.
   */
  const splitBefore = (i: number) => {
    const back = (k: number) => {
      let j = k - 1;
      while (j >= 0 && !tokens[j]!.word && tokens[j]!.text.trim() === '') j--;
      return j;
    };
    // The words between the comma and the "I": "and", "so", "but", "and then", or none (a comma splice).
    let c = back(i);
    const words: number[] = [];
    while (
      c >= 0 &&
      tokens[c]!.word &&
      words.length < 2 &&
      /^(?:and|so|but|then|later)$/.test(norm(tokens[c]!.text))
    ) {
      words.unshift(c);
      c = back(c);
    }
    const said = words.map((k) => norm(tokens[k]!.text)).join(' ');
    if (!['', 'and', 'so', 'but', 'and then', 'and later'].includes(said)) return;
    if (c < 0 || tokens[c]!.word || !/^[,;]$/.test(tokens[c]!.text.trim())) return;
    out[c] = tokens[c]!.text.replace(/[,;]/, '.');
    // "and" goes; "so", "but", "then" and "later" open the new sentence.
    const kept = words.filter((k) => norm(tokens[k]!.text) !== 'and');
    for (let k = c + 1; k < i; k++)
      if (!kept.includes(k) && !(kept.length > 0 && k > kept[0]! && !tokens[k]!.word)) out[k] = '';
    if (kept.length > 0) out[kept[0]!] = capitalize(norm(tokens[kept[0]!]!.text));
    // The new sentence's subject is the one a later "and I" coordinates with.
    firstSubject = i;
    changed = true;
  };
  /** Whether the candidate's "I" comes later in the sentence (then an earlier "my" need not name them). */
  const subjectLater = (i: number): boolean =>
    tokens.some((t, k) => k > i && t.text === 'I' && !quoted[t.start] && !ROMAN_CONTEXT.has(prevWord(k)));
  /**
   * "my" where the name would stand a second time ("At my feedback I was told that my notes…"): "the"
   * reads as the candidate's without the name ("At the feedback Dr. Rahman was told that the notes…").
   * Only before a noun it owns; "my own" loses "own" with it. Returns false where "the" cannot stand.
   */
  const possessiveAsThe = (i: number): boolean => {
    // With a pronoun to use, a second "my" is "her", unless another "her" is about (a woman in the sentence).
    if (forms !== null && other === undefined && !competing) return false;
    if (!namedInSentence && !subjectLater(i)) return false;
    let k = wordIndexAfter(i);
    // "my first day" and "my daily notes" take "the"; "my" before a break or a pronoun is not a determiner.
    const nextWord = k < 0 ? '' : norm(tokens[k]!.text);
    if (
      k < 0 ||
      PHRASE_BREAKS.has(nextWord) ||
      /^(?:the|a|an|this|these|those|we|they|he|she|it|i|me|you)$/.test(nextWord)
    )
      return false;
    if (nextWord === 'own') {
      const after = wordIndexAfter(k);
      if (after < 0 || PHRASE_BREAKS.has(norm(tokens[after]!.text))) return false;
      // "on my own first" is the idiom ("independently"); "on my own recheck" owns a noun.
      if (prevWord(i) === 'on' && /^(?:first|initiative|time|again|today)$/.test(norm(tokens[after]!.text)))
        return false;
      for (let m = k; m < after; m++) out[m] = '';
      k = after;
    }
    put(i, 'the');
    candidate = true;
    return true;
  };

  /** Agrees the verb at token k with a third-person subject (singular unless `plural`). */
  const agree = (k: number, plural: boolean, compound: boolean) => {
    if (k < 0) return;
    const w = tokens[k]!.text;
    const n = norm(w);
    const table: Record<string, [string, string]> = {
      am: ['is', 'are'],
      was: ['was', 'were'],
      "wasn't": ['wasn’t', 'weren’t'],
      have: ['has', 'have'],
      "haven't": ['hasn’t', 'haven’t'],
      do: ['does', 'do'],
      "don't": ['doesn’t', 'don’t'],
    };
    const entry = table[n];
    if (entry) {
      const next = plural ? entry[1] : entry[0];
      if (next.replace(/’/g, "'") !== n) {
        if (compound) throw new Refuse({ why: 'compound', verb: w });
        out[k] = w.includes("'") ? next.replace(/’/g, "'") : next;
        changed = true;
      }
      return;
    }
    if (MODALS.has(n) || IRREGULAR_PAST.has(n)) return;
    if (AMBIGUOUS_PAST.has(n)) {
      // Another past verb in the sentence ("I read the guideline, asked a hospitalist…") dates this one too.
      const pastBeside = tokens.some((t, m) => m !== k && t.word && isPast(t.text));
      if (ctx.narrativePast || plural || pastBeside) return;
      throw new Refuse({ why: 'verb', verb: w });
    }
    if (isPast(n)) return;
    if (plural) return;
    if (BASE_VERBS.has(n)) {
      if (compound) throw new Refuse({ why: 'compound', verb: w });
      out[k] = thirdPersonS(n);
      changed = true;
      // A second present-tense verb joined to this one ("see patients and write notes") would need the
      // same change, and telling that verb from a noun needs more than word lists.
      for (let m = k + 1; m < tokens.length; m++) {
        const t = tokens[m]!;
        if (!t.word) continue;
        const before = prevWord(m);
        const afterComma = tokens[m - 1]?.text.trim() === ',';
        if ((before === 'and' || before === 'or' || afterComma) && BASE_VERBS.has(norm(t.text))) {
          throw new Refuse({ why: 'coordinated', verb: t.text });
        }
      }
      return;
    }
    throw new Refuse({ why: 'verb', verb: w });
  };

  /** The verb at k with "I" (the recommender) as its subject: "he asks" → "I ask". */
  const agreeWithI = (k: number) => {
    if (k < 0) return;
    const w = tokens[k]!.text;
    const n = norm(w);
    const table: Record<string, string> = {
      is: 'am',
      "isn't": 'am not',
      has: 'have',
      "hasn't": 'haven’t',
      does: 'do',
      "doesn't": 'don’t',
      were: 'was',
      "weren't": 'wasn’t',
    };
    if (table[n] !== undefined) {
      out[k] = w.includes("'") ? table[n]!.replace(/’/g, "'") : table[n]!;
      changed = true;
      return;
    }
    if (MODALS.has(n) || isPast(n) || n === 'was') return;
    const base = THIRD_TO_BASE.get(n);
    if (base) {
      out[k] = base;
      changed = true;
      return;
    }
    throw new Refuse({ why: 'verb', verb: w });
  };

  const isVerbish = (k: number): boolean => {
    if (k < 0) return false;
    const n = norm(tokens[k]!.text);
    return (
      MODALS.has(n) ||
      isPast(n) ||
      AMBIGUOUS_PAST.has(n) ||
      THIRD_TO_BASE.has(n) ||
      ['is', 'was', 'has', 'does', "isn't", "wasn't", "hasn't", "doesn't", 'were', 'are'].includes(n)
    );
  };

  const candidatePossessive = (): string => {
    candidate = true;
    const byName = useName();
    markNamed(byName);
    return byName ? possessiveOf(options.name) : forms!.possessive;
  };

  let refIndex = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word) continue;
    const ref = refs[refIndex];
    if (ref && t.start >= ref.start) {
      // Consume every token of the reference; the replacement goes in the first one.
      let last = i;
      while (last + 1 < tokens.length && tokens[last + 1]!.start < ref.end) last++;
      refIndex++;
      if (quoted[t.start]) throw new Refuse({ why: 'quotation' });
      const original = sentence.slice(ref.start, ref.end);
      const pv = prevWord(i);
      const next = wordIndexAfter(last);
      const nextWord = next >= 0 ? norm(tokens[next]!.text) : '';
      // A number is a word to these rules: "his 3 patients" is a possessive, not "mine".
      const nextIsNumber = next < 0 && /^\s*\d/.test(sentence.slice(tokens[last]!.end));
      const standsAlone = next < 0 ? !nextIsNumber : PHRASE_BREAKS.has(nextWord);
      /** A possessive ("his", "Dr. Chen's"): "my" before what it owns, "mine" when it stands alone. */
      const possessiveForm = () => (standsAlone ? 'mine' : 'my');
      /**
       * "her" is an object ("presented to her every day") or a possessive ("her clinic"). Words such as
       * "only", "first" or "daily" can go either way ("her only student", "with her daily"): the word after
       * them decides, and when nothing does, the sentence is refused.
       */
      const herForm = (): string => {
        if (standsAlone || PHRASE_OPENERS.has(nextWord)) return 'me';
        if (nextIsNumber) throw new Refuse({ why: 'recommenderRole' });
        if (!FUNCTION_WORDS.has(nextWord) && !isAdverb(nextWord)) return 'my';
        const after = wordIndexAfter(next);
        const afterWord = after >= 0 ? norm(tokens[after]!.text) : '';
        const afterEnds = after < 0 && !/^\s*\d/.test(sentence.slice(tokens[next]!.end));
        if (afterEnds || PHRASE_BREAKS.has(afterWord) || PHRASE_OPENERS.has(afterWord)) return 'me';
        throw new Refuse({ why: 'recommenderRole' });
      };
      for (let k = i + 1; k <= last; k++) out[k] = '';
      // The tail of a possessive token ("attending's" → "attending" + "'s") is inside the same token.
      let replacement: string;
      if (ref.generic && COPULAS.has(pv) && !ref.possessive) {
        // "Dr. Marsh was my attending": a role, not a reference to the recommender.
        replacement = ref.determiner === 'my' ? `${candidatePossessive()} ${ref.role}` : original;
      } else if (ref.pronoun) {
        const p = ref.pronoun;
        if (p === 'he' || p === 'she') {
          replacement = 'I';
          agreeWithI(verbAfter(last));
        } else if (p === 'him') replacement = 'me';
        else if (p === 'himself' || p === 'herself') replacement = 'myself';
        else if (p === 'hers') replacement = 'mine';
        else if (p === 'his') replacement = possessiveForm();
        else replacement = herForm();
      } else if (ref.possessive) {
        replacement = possessiveForm();
      } else {
        const clause = atClauseStart(i);
        const verb = verbAfter(last);
        const and = wordIndexAfter(last);
        const partner = and >= 0 && nextWord === 'and' ? wordIndexAfter(and) : -1;
        if (partner >= 0 && tokens[partner]!.text === 'I' && clause.start) {
          // "Dr. Albright and I explained…": the two swap, "Mr. Navarro and I explained…"; that "I" stays.
          replacement = options.name;
          physicianI.add(partner);
          candidate = true;
          markNamed(true);
        } else if (clause.start && isVerbish(verb)) {
          replacement = 'I';
          agreeWithI(verb);
        } else if (
          clause.sentenceStart &&
          ref.generic &&
          ref.determiner === 'my' &&
          options.source === 'relationship'
        ) {
          // "My attending on the teaching service; …": a label, not a clause.
          replacement = `I was ${candidatePossessive()} ${ref.role}`;
        } else if (clause.sentenceStart) {
          throw new Refuse({ why: 'recommenderRole' });
        } else if (COPULAS.has(pv)) {
          throw new Refuse({ why: 'recommenderRole' });
        } else if (verb >= 0 && /^(?:had|would|could|has|will)$/.test(norm(tokens[verb]!.text))) {
          // "…the most caring students Dr. Greer had worked with": a relative clause's subject.
          replacement = 'I';
        } else if (
          verb >= 0 &&
          (isPast(tokens[verb]!.text) || /^(?:was|were)$/.test(norm(tokens[verb]!.text))) &&
          !FUNCTION_WORDS.has(pv) &&
          // "On rounds Dr. Chen asked…": a word after a preposition is a noun, whatever else it can be.
          (!isVerbWord(pv) || FUNCTION_WORDS.has(wordBefore(i, 2)))
        ) {
          // "After my first week Dr. Solheim told me…": after a noun, a name with a past verb is a subject.
          replacement = 'I';
        } else {
          replacement = 'me';
        }
      }
      if (replacement === original) {
        for (let k = i + 1; k <= last; k++) out[k] = tokens[k]!.text;
      } else {
        put(i, replacement);
        // "presented to my attending, Dr. Chen, every day" → "presented to me every day": the comma that
        // closed the appositive goes with it, unless it also ends a clause ("When I met my attending, Dr.
        // Chen, I was nervous", "…, Dr. Chen, and she…").
        const after = tokens[last + 1];
        if (ref.appositiveComma && after && !after.word && after.text.startsWith(',')) {
          const nextClause = tokens[last + 2]?.word ? norm(tokens[last + 2]!.text) : '';
          const opensClause =
            CLAUSE_STARTERS.has(nextClause) ||
            /^(i|we|he|she|they|it|you)$/.test(nextClause) ||
            SUBORDINATORS.has(norm(tokens.find((x) => x.word)?.text ?? ''));
          if (!opensClause) out[last + 1] = after.text.slice(1);
        }
        const isRole = ref.generic && COPULAS.has(pv) && !ref.possessive;
        if (ref.generic && !isRole && options.source !== 'relationship') {
          genericRefs.push(`${original}→${replacement}`);
        }
        if (!isRole && options.source !== 'relationship') {
          // "Dr. Chen said he…", "Dr. Chen was my attending, and I presented to him": a later pronoun that
          // can mean the recommender would now point at the wrong person.
          const at = tokens.findIndex((x, k) => k > last && x.word && recommenderPronoun.test(x.text));
          // "…with Dr. Feldman, explained them to the patient, and respected his wish": a person between
          // is who the pronoun means, and it never meant the recommender.
          const between =
            at > 0
              ? tokens
                  .slice(last + 1, at)
                  .map((x) => x.text)
                  .join('')
              : '';
          // After "Dr. Albright and I", an object or possessive ("…the plan for her wound") is never the
          // recommender, who is that clause's subject.
          const swappedObject = physicianI.size > 0 && at > 0 && !/^(?:he|she)$/i.test(tokens[at]!.text);
          if (at > 0 && !PERSON_BETWEEN.test(between) && !swappedObject)
            throw new Refuse({ why: 'laterPronoun', pronoun: tokens[at]!.text });
        }
      }
      i = last;
      continue;
    }

    const w = t.text;
    const n = norm(w);
    const isFirstPerson =
      w === 'I' || /^I['’](m|ve|d|ll)$/.test(w) || n === 'me' || n === 'my' || n === 'mine' || n === 'myself';
    if (!isFirstPerson) continue;
    if (w === 'ME' || w === 'MY') continue;
    if (w === 'I') {
      // "type I diabetes", "Mobitz I", "I-131", "I/O": a numeral or abbreviation, not the pronoun.
      const before = sentence.slice(0, t.start);
      const after = sentence.slice(t.end);
      if (ROMAN_CONTEXT.has(prevWord(i)) || /^[-/&\d]/.test(after) || /[-/]$/.test(before)) continue;
    }
    if (quoted[t.start]) throw new Refuse({ why: 'quotation' });
    candidate = true;

    if (physicianI.has(i)) continue;
    if (w === 'I' || /^I['’]/.test(w)) {
      // Past narration only: a present-tense verb needs the tense pass first, or it would read as now.
      const verb = verbAfter(i);
      const pastVerb =
        verb >= 0 && (isPast(norm(tokens[verb]!.text)) || MODALS.has(norm(tokens[verb]!.text)));
      const and = w === 'I' && pastVerb && namedInSentence && useName(true, i) ? coordinated(i) : -1;
      if (and >= 0) {
        elide(i, and);
        agree(verb, false, false);
        continue;
      }
      if (w === 'I' && namedInSentence && useName(true, i) && asGerund(i, verb)) continue;
      const byName = useName(true, i);
      const subject = byName ? options.name : forms!.subject;
      const plural = !byName && forms!.plural;
      const pv = prevWord(i);
      // "The resident and I were…": a compound subject keeps its plural verb. After ", and" it is a new clause.
      const compound = (pv === 'and' || pv === 'or') && precededByWord(tokens, i);
      const contraction = /^I['’](m|ve|d|ll)$/.exec(w)?.[1];
      if (contraction === 'm') {
        put(i, `${subject} ${plural ? 'are' : 'is'}`);
      } else if (contraction === 've') {
        put(i, `${subject} ${plural ? 'have' : 'has'}`);
      } else if (contraction === 'll') {
        put(i, `${subject} will`);
      } else if (contraction === 'd') {
        const k = verbAfter(i);
        const nextW = k >= 0 ? norm(tokens[k]!.text) : '';
        const participle =
          nextW !== '' &&
          (isPast(nextW) ||
            /^(been|seen|done|gone|taken|given|written|known|spoken|chosen|begun|driven|eaten|fallen|grown|shown|drawn)$/.test(
              nextW,
            ));
        const base =
          nextW !== '' && (BASE_VERBS.has(nextW) || ['like', 'rather', 'prefer', 'be'].includes(nextW));
        if (participle === base) throw new Refuse({ why: 'wouldHad' });
        put(i, `${subject} ${participle ? 'had' : 'would'}`);
      } else {
        if (byName && namedInSentence) splitBefore(i);
        put(i, subject);
        agree(verbAfter(i), plural, compound);
      }
      if (firstSubject < 0 && !compound && atClauseStart(i).sentenceStart) firstSubject = i;
      markNamed(byName);
      continue;
    }
    if (n === 'me') {
      const byName = useName();
      put(i, byName ? options.name : forms!.object);
      markNamed(byName);
      continue;
    }
    if (n === 'my') {
      if (!possessiveAsThe(i)) put(i, candidatePossessive());
      continue;
    }
    if (n === 'mine') {
      const byName = useName();
      put(i, byName ? possessiveOf(options.name) : forms!.possessivePronoun);
      markNamed(byName);
      continue;
    }
    if (n === 'myself') {
      if (forms === null) throw new Refuse({ why: 'reflexive' });
      // "himself" for the candidate next to the father's "him": the name cannot stand in for a reflexive.
      if (other !== undefined)
        throw new Refuse({ why: 'otherReflexive', pronoun: other, reflexive: forms.reflexive });
      put(i, forms.reflexive);
    }
  }
  return { text: out.join(''), genericRefs, changed, candidate };
}

/** Whether the word before token i ("and") itself follows a word directly, not a comma. */
function precededByWord(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && !tokens[k]!.word) k--;
  k--;
  while (k >= 0 && tokens[k]!.text.trim() === '') k--;
  return k >= 0 && tokens[k]!.word;
}

function refusalReason(r: Refusal, options: PovOptions): string {
  switch (r.why) {
    case 'quotation':
      return 'it quotes someone, and “I” or “me” inside a quotation must stay as spoken';
    case 'verb':
      return `CEAD does not know how to change the verb “${r.verb}” after “I”`;
    case 'reflexive':
      return 'the letter uses the name only, and there is no pronoun for “myself”';
    case 'wouldHad':
      return '“I’d” could mean “I had” or “I would”';
    case 'compound':
      return `“and I” makes it unclear what the verb “${r.verb}” should become`;
    case 'coordinated':
      return `a second present-tense verb (“${r.verb}”) may need to change too`;
    case 'laterPronoun':
      return `the recommender becomes “I” or “me”, and “${r.pronoun}” later in the sentence could mean the recommender or someone else`;
    case 'recommenderRole':
      return 'it mentions the recommender in a way CEAD cannot turn into “I” or “me” safely';
    case 'meta':
      return 'it talks about the answer (“I want to describe…”, “In this example…”) rather than about what the candidate did, and such a sentence does not belong in a letter';
    case 'afterMeta':
      return `“${r.pronoun}” may refer to someone introduced only in the sentence before, which talks about the answer and may be deleted`;
    case 'otherPronoun':
      return `“${r.pronoun}” here means someone other than the candidate, but the letter also calls the candidate “${options.pronouns === 'name' ? options.name : PRONOUN_FORMS[options.pronouns].subject}”, so a reader could take “${r.pronoun}” for the candidate`;
    case 'otherReflexive':
      return `“${r.pronoun}” here means someone other than the candidate, and the candidate’s “myself” would become “${r.reflexive}”, which a reader could take for that person too`;
  }
}

function addressLine(options: PovOptions): string {
  return options.pronouns === 'name'
    ? `${options.name}, by name only, no pronouns`
    : `${options.name}, ${PRONOUN_FORMS[options.pronouns].subject}/${PRONOUN_FORMS[options.pronouns].object}`;
}

/** Plural nouns a "they" in the same or the sentence before can mean, other than a they/them candidate. */
const PLURAL_ANTECEDENT =
  /\b(?:family|families|parents|patients|nurses|residents|students|children|kids|notes|results|labs|twins|ratings|scores|values|levels|symptoms|vitals|doses|medications)\b/i;

/** A sentence narrated in the present: a present-tense verb after a personal pronoun. */
const PRESENT_NARRATION =
  /\b(?:she|he|they|it)\s+(?:\p{L}+ly\s+)?(?:is|are|has|have|does|do|says|tells|(?!(?:was|always|perhaps|this|thus|less|across|unless)\b)\p{L}{2,}[^s\P{L}]s)\b/iu;

const OPENING_PRONOUN = /^[\s“"‘(]*(she|he|they|her|him|them|his|hers|their|theirs)(?![\p{L}])/iu;

/** A patient or relative named between the recommender and a later pronoun. */
const PERSON_BETWEEN =
  /\b(?:patient|man|woman|boy|girl|baby|child|infant|toddler|mother|father|son|daughter|wife|husband|sister|brother|grandmother|grandfather|Mrs?\.|Ms\.)(?![\p{L}])/u;

/** A word that is a verb form, which a name after it would be the object of ("asked Dr. Chen"). */
const isVerbWord = (w: string): boolean =>
  w === '' || isPast(w) || BASE_VERBS.has(w) || THIRD_TO_BASE.has(w) || MODALS.has(w) || COPULAS.has(w);

/** Whether any sentence of a conversion (which may have split one into two) names the candidate twice. */
const namesTwice = (text: string, name: string): boolean =>
  splitSentences(text).some((s) => s.split(name).length > 2);

const FIRST_PERSON = /(?<![\p{L}])(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?![\p{L}])/u;

/**
 * Converts one answer. Sentences that change are returned unmarked; sentences that cannot be converted
 * safely are returned as written, wrapped in ⟦ ⟧ and marked, each with an open question.
 */
export function convertPointOfView(text: string, options: PovOptions, state: PovState): PovResult {
  const explicit = recommenderPatterns(options.recommenderName);
  const narrativePast = state.narrativePast ?? narratesInPast(text);
  const competitor = options.pronouns === 'name' ? null : pronounWords(PRONOUN_FORMS[options.pronouns]);
  const ctx: SentenceContext = { options, explicit, narrativePast, competitor };
  // The candidate's own pronouns, which in a first-person answer can only mean someone else (a patient, the
  // patient's father). Reflexives are left out: "the patient hurt himself" cannot mean the candidate.
  const forms = options.pronouns === 'name' ? null : PRONOUN_FORMS[options.pronouns];
  const others =
    forms && options.source !== 'relationship'
      ? new Set([forms.subject, forms.object, forms.possessive, forms.possessivePronoun])
      : null;
  const otherPronounIn = (s: string, subject: boolean): string | undefined =>
    others
      ? tokenize(s).find((t) => {
          const w = t.text.toLowerCase();
          return t.word && others.has(w) && (w === forms!.subject) === subject;
        })?.text
      : undefined;
  let previousCandidate = false;
  // After a sentence about the answer ("I want to describe one patient…"), which the letter leaves out, the
  // sentences that go on with "she"/"he"/"they" may have no one left to refer to; `person` is whom the
  // left-out sentence introduced ("the patient"), to name in their place.
  let afterMeta = false;
  let person: string | undefined;
  const segments: PovSegment[] = [];
  const issues: PovIssue[] = [];
  let previous = '';
  const push = (text: string, marked: boolean) => {
    const last = segments[segments.length - 1];
    if (last && last.marked === marked && !marked)
      segments[segments.length - 1] = { text: last.text + text, marked };
    else segments.push({ text, marked });
  };
  // Left-out sentences wait for the next sentence of the letter to anchor their comment on.
  const pieces = splitSentences(text);
  const content = pieces.filter((p) => p.trim() !== '' && !isAboutTheAnswer(p)).length;
  const leftOut: { text: string; why: 'answer' | 'inner' }[] = [];
  let lastQuote = '';
  const anchorLeftOut = (quote: string) => {
    lastQuote = quote;
    for (const { text, why } of leftOut.splice(0)) {
      issues.push({
        kind: 'pointOfView',
        quote,
        question:
          why === 'answer'
            ? `CEAD left out a sentence about the answer itself: “${text}” If the letter needs anything in it, add it from ${options.recommenderAddress}’s point of view (${addressLine(options)}).`
            : `CEAD left out the candidate’s own feelings or plans, which a letter states only as what ${options.recommenderAddress} saw: “${text}” Add it back in ${options.recommenderAddress}’s words only if you can vouch for it.`,
      });
    }
  };
  const people = new OtherPeople(options.pronouns);
  for (const [index, piece] of pieces.entries()) {
    let body = piece.trimEnd();
    const tail = piece.slice(body.length);
    if (body === '') {
      push(piece, false);
      continue;
    }
    const snapshot = state.named;
    try {
      if (options.source !== 'relationship') {
        body = withoutAnswerFrame(body) ?? body;
        if (isAboutTheAnswer(body)) {
          // Only an answer that says something else loses it; one that is all about itself keeps it marked.
          if (content === 0) throw new Refuse({ why: 'meta' });
          leftOut.push({ text: body, why: 'answer' });
          person = introducedPerson(body) ?? person;
          afterMeta = true;
          continue;
        }
        const cut = withoutInnerState(body);
        if (cut && (cut.kept !== '' || content > 1)) {
          leftOut.push({ text: cut.leftOut, why: 'inner' });
          if (cut.kept === '') continue;
          body = cut.kept;
        }
        body = teamForWe(asObserved(body), explicit);
        if (afterMeta && person) {
          const named = withOpeningNamed(body, 'she|he', person);
          if (named) {
            body = named;
            afterMeta = false;
          }
        }
        // A pronoun that opens the sentence has no one to mean; one further on may have its person in the
        // sentence ("It is the story of Mrs. Adjei, … in her third pregnancy").
        const dangling = afterMeta ? OPENING_PRONOUN.exec(body)?.[1] : undefined;
        if (dangling) throw new Refuse({ why: 'afterMeta', pronoun: dangling });
      }
      afterMeta = false;
      // "I sat down with him, … gave him a realistic time": the father's "him" and "his" stay clear as long as
      // the candidate is named in the sentence ("Mr. Whitfield sat down with him") and never "him" or "his".
      // A next sentence that is someone else's ("She said she had a fall.") competes like the one before: the
      // candidate here is named, not "she", so that sentence's "she" is not taken for the candidate.
      const next = pieces[index + 1] ?? '';
      // Not for they/them, where a plural "they" ahead is too common to name the candidate for.
      const nextOther =
        options.pronouns !== 'they' && !FIRST_PERSON.test(next) && otherPronounIn(next, true) !== undefined;
      const context = nextOther ? `${previous} ${next}` : previous;
      body = withRecommenderContinued(
        withoutOwnQuotation(body, explicit, options.recommenderAddress),
        explicit,
        options.recommenderAddress,
      );
      let converted = convertSentence(body, context, ctx, state, otherPronounIn(body, false));
      // "I called Dr. Marsh; he had a circumflex occlusion opened": once "I" becomes "Mr. Whitfield" or
      // "he", the patient's "he" in this sentence reads as the candidate, named or not. A plural "they"
      // beside a they/them candidate ("The family stayed…; they asked me…") is clear once the candidate is
      // named at every mention in the sentence.
      let other = otherPronounIn(body, true);
      const plainPast = !PRESENT_NARRATION.test(body) && !/->|→|=>/.test(body);
      // "I took a history, including when she had last eaten": with one person the answer has introduced,
      // that person is named at their first "she" ("…when the patient had last eaten"), after which "she"
      // is theirs; the candidate is named, and a sentence that would name them twice stays as it was.
      const introduced =
        other && converted.candidate && plainPast
          ? (people.only() ??
            (options.pronouns === 'she' || options.pronouns === 'he'
              ? onlyPersonIn(body, options.pronouns)
              : undefined))
          : undefined;
      // Not when someone else in the sentence could be that "she" ("the educator told me she had seen…").
      if (other && introduced && !OTHER_ROLES.test(body.split(introduced).join(' '))) {
        const named = withFirstNamed(body, other, introduced);
        const again = named ? convertSentence(named, context, ctx, state, other) : undefined;
        if (again && !namesTwice(again.text, options.name)) {
          converted = again;
          other = undefined;
        }
      }
      if (other && converted.candidate) {
        if (options.pronouns !== 'they' || !plainPast || !PLURAL_ANTECEDENT.test(`${previous} ${body}`))
          throw new Refuse({ why: 'otherPronoun', pronoun: other });
        converted = convertSentence(body, context, ctx, state, other);
        // Named at every mention, a sentence that names the candidate twice is kept instead.
        if (namesTwice(converted.text, options.name))
          throw new Refuse({ why: 'otherPronoun', pronoun: other });
      }
      let text = withOneName(converted.text, options.name);
      // Narrated in the present ("Two days later she is oriented"), it waits for a tense pass: kept as before.
      if (other && previousCandidate && PRESENT_NARRATION.test(body))
        throw new Refuse({ why: 'otherPronoun', pronoun: other });
      if (other && previousCandidate) {
        // Someone else's sentence after one about the candidate: kept as written (it has no first person to
        // convert), with the person it opens on named when the answer has introduced just one.
        const person = people.only();
        const named = person ? withOpeningNamed(text, other, person) : null;
        if (named) text = named;
        else
          issues.push({
            kind: 'pointOfView',
            quote: text.trim(),
            question: `“${other}” here means someone other than the candidate, but the sentence before is about ${options.name}. Make sure a reader can tell who “${other}” is (for example, “the patient”).`,
          });
      }
      previousCandidate = converted.candidate;
      push(text + tail, false);
      anchorLeftOut(text.trim());
      if (converted.genericRefs.length > 0) {
        issues.push({
          kind: 'recommender',
          quote: text.trim(),
          question: `The candidate wrote ${converted.genericRefs
            .map((g) => {
              const [from, to] = g.split('→');
              return `“${from}”, which the draft turns into “${to}”`;
            })
            .join(
              ' and ',
            )}. ${options.recommenderAddress}, please confirm that this was you, or rewrite the sentence.`,
        });
      }
    } catch (e) {
      if (!(e instanceof Refuse)) throw e;
      state.named = snapshot;
      // Kept as written, the candidate is still "I" here; once the writer rewrites it, a "he" in the next
      // sentence is as unclear as after a converted one.
      previousCandidate = FIRST_PERSON.test(body);
      afterMeta = e.refusal.why === 'meta' || e.refusal.why === 'afterMeta';
      push(`${MARK_OPEN}${body}${MARK_CLOSE}`, true);
      if (tail) push(tail, false);
      anchorLeftOut(body);
      issues.push({
        kind: 'pointOfView',
        quote: body,
        question:
          e.refusal.why === 'meta' || e.refusal.why === 'afterMeta'
            ? `This sentence is kept as the candidate wrote it because ${refusalReason(e.refusal, options)}. Delete it, or rewrite what it says about the candidate from ${options.recommenderAddress}’s point of view (${addressLine(options)}).`
            : `This sentence is kept as the candidate wrote it because ${refusalReason(e.refusal, options)}. Rewrite it from ${options.recommenderAddress}’s point of view (${addressLine(options)})${e.refusal.why === 'otherPronoun' || e.refusal.why === 'otherReflexive' ? `, and make clear who “${e.refusal.pronoun}” is` : ''}.`,
      });
    }
    previous = body;
    people.note(body);
  }
  if (leftOut.length > 0 && lastQuote !== '') anchorLeftOut(lastQuote);
  return { segments, issues };
}
