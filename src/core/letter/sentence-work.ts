/**
 * One sentence being converted: its tokens, the output being written token by token, and what the passes
 * have decided so far (whether the candidate was named in it, where their first clause began). The passes
 * (recommender-reference.ts, first-person.ts, clause-rhythm.ts, verb-agreement.ts) read and write it; the
 * navigation helpers here ("the verb after this subject", "is this a clause start") are what they share.
 */

import { quotedMask, type Token, tokenize } from './pov-tokens';
import type { Converted, PovState, SentenceContext } from './pov-types';
import { CLAUSE_STARTERS, capitalize, isAdverb, norm } from './pov-words';
import { PRONOUN_FORMS, type PronounForms, type PronounSet, possessiveOf } from './pronoun-sets';
import { findRefs, type RefSpan } from './recommender-refs';

/**
 * People named by a noun whose pronoun is the candidate's: a candidate's "he" next to "the patient's
 * father" or "a young man" could mean either. None for "they": plural nouns ("patients", "students") fill
 * clinical text, and a sentence's "they" as its subject reads as the candidate.
 */
const PERSON_NOUNS: Partial<Record<PronounSet, RegExp>> = {
  he: /\b(?:man|boy|gentleman|guy|father|dad|husband|son|brother|grandfather|grandson|uncle|nephew|boyfriend|fiancé|Mr\.)(?![\p{L}])/iu,
  she: /\b(?:woman|girl|lady|mother|mom|wife|daughter|sister|grandmother|granddaughter|aunt|niece|girlfriend|fiancée|Mrs\.|Ms\.|Miss)(?![\p{L}])/iu,
};

export class SentenceWork {
  readonly tokens: Token[];
  readonly out: string[];
  readonly quoted: boolean[];
  readonly refs: RefSpan[];
  readonly forms: PronounForms | null;
  readonly genericRefs: string[] = [];
  /** Whether another person in this or the previous sentence shares the candidate's pronoun. */
  readonly competing: boolean;
  /** The candidate's "I" beside the recommender ("Dr. Albright and I"), which becomes the physician's own. */
  readonly physicianI = new Set<number>();
  changed = false;
  candidate = false;
  namedInSentence = false;
  /** The token of the candidate's "I" that opened the sentence's first clause, for "…, and I saw her first". */
  firstSubject = -1;

  /**
   * `other` is an object or possessive form of the candidate's own pronoun set that the sentence uses for
   * someone else ("I sat down with him"): then the candidate is named every time, never a pronoun.
   */
  constructor(
    readonly sentence: string,
    previous: string,
    readonly ctx: SentenceContext,
    readonly state: PovState,
    readonly other?: string,
  ) {
    const { options } = ctx;
    this.tokens = tokenize(sentence);
    this.quoted = quotedMask(sentence);
    this.refs = findRefs(sentence, ctx.explicit, options.source);
    this.out = this.tokens.map((t) => t.text);
    this.forms = options.pronouns === 'name' ? null : PRONOUN_FORMS[options.pronouns];
    // Then "she" could mean the patient, so the first mention in each sentence uses the name. A person named
    // by a noun of the candidate's gender ("a young man … after he suggested") competes within the sentence;
    // in the next one, the candidate as the subject before reads clearly enough ("…admitted a woman. She
    // started…").
    // But a sentence that speaks of "the patient" the one before introduced ("…for an 80-year-old man.")
    // competes too: "The patient's daughter wanted everything done; he explained…" could mean the patient.
    const nouns = PERSON_NOUNS[options.pronouns];
    this.competing =
      options.source !== 'relationship' &&
      ((ctx.competitor !== null && (ctx.competitor.test(sentence) || ctx.competitor.test(previous))) ||
        nouns?.test(sentence) === true ||
        (nouns?.test(previous) === true && /\bpatient\b/i.test(sentence)));
  }

  get options() {
    return this.ctx.options;
  }

  result(): Converted {
    return {
      text: this.out.join(''),
      genericRefs: this.genericRefs,
      changed: this.changed,
      candidate: this.candidate,
    };
  }

  /** The next word token after i; -1 when punctuation or the end comes first. */
  wordIndexAfter(i: number): number {
    for (let k = i + 1; k < this.tokens.length; k++) {
      const t = this.tokens[k]!;
      if (t.word) return k;
      if (t.text.trim() !== '') return -1;
    }
    return -1;
  }

  /** The verb after a subject: skips adverbs; -1 when punctuation or the end comes first. */
  verbAfter(i: number): number {
    let k = this.wordIndexAfter(i);
    // "I myself placed…": the emphatic reflexive sits between subject and verb like an adverb.
    while (k >= 0 && (isAdverb(this.tokens[k]!.text) || norm(this.tokens[k]!.text) === 'myself'))
      k = this.wordIndexAfter(k);
    return k;
  }

  atClauseStart(tokenIndex: number): { start: boolean; sentenceStart: boolean } {
    for (let k = tokenIndex - 1; k >= 0; k--) {
      const t = this.tokens[k]!;
      if (t.word) return { start: CLAUSE_STARTERS.has(norm(t.text)), sentenceStart: false };
      const p = t.text.trim();
      if (p === '') continue;
      if (/[,;:(—–]$/.test(p)) return { start: true, sentenceStart: false };
      if (/^[“"‘(⟦\s]*$/.test(p)) continue;
      return { start: false, sentenceStart: false };
    }
    return { start: true, sentenceStart: true };
  }

  /** The word right before token i ("" at the sentence start or past punctuation). */
  prevWord(i: number): string {
    for (let k = i - 1; k >= 0; k--) {
      const t = this.tokens[k]!;
      if (t.word) return norm(t.text);
      if (t.text.trim() !== '') return '';
    }
    return '';
  }

  /** The n-th word before token i ("" at the sentence start or past punctuation). */
  wordBefore(i: number, n: number): string {
    let k = i;
    for (let m = 0; m < n; m++) {
      k--;
      while (k >= 0 && !this.tokens[k]!.word) {
        if (this.tokens[k]!.text.trim() !== '') return '';
        k--;
      }
      if (k < 0) return '';
    }
    return norm(this.tokens[k]!.text);
  }

  /** Whether the word before token i ("and") itself follows a word directly, not a comma. */
  precededByWord(i: number): boolean {
    let k = i - 1;
    while (k >= 0 && !this.tokens[k]!.word) k--;
    k--;
    while (k >= 0 && this.tokens[k]!.text.trim() === '') k--;
    return k >= 0 && this.tokens[k]!.word;
  }

  /** Writes token i, capitalized at the sentence start. */
  put(i: number, text: string): void {
    this.out[i] = this.atClauseStart(i).sentenceStart ? capitalize(text) : text;
    this.changed = true;
  }

  /** The candidate in subject, object or possessive position: name on first mention, then pronouns. */
  useName(subject = false, at = -1): boolean {
    const { forms } = this;
    if (forms === null || this.other !== undefined) return true;
    // With a competing "she" around, every new subject is named: "so Dr. Lee paged her senior"; but a second
    // subject in a sentence that already named the candidate, with no rival "she" or "woman" between, is
    // the candidate's pronoun ("Dr. Lee showed it to the resident and said that she thought…").
    // Not for they/them: a "they" after any plural noun ("the pharmacies … and they made") would be unclear.
    const second = this.namedInSentence && at >= 0 && !forms.plural && !this.rivalBefore(at);
    if (this.competing && subject && !second) return true;
    if (this.namedInSentence) return false;
    return !this.state.named || this.competing;
  }

  /** Whether someone else of the candidate's pronoun appears in the sentence before token i. */
  private rivalBefore(i: number): boolean {
    const before = this.sentence.slice(0, this.tokens[i]!.start);
    return (
      this.ctx.competitor?.test(before) === true || PERSON_NOUNS[this.options.pronouns]?.test(before) === true
    );
  }

  markNamed(byName: boolean): void {
    if (byName) {
      this.state.named = true;
      this.namedInSentence = true;
    }
  }

  /** The candidate's possessive here: "Dr. Lee’s" or "her". */
  candidatePossessive(): string {
    this.candidate = true;
    const byName = this.useName();
    this.markNamed(byName);
    return byName ? possessiveOf(this.options.name) : this.forms!.possessive;
  }
}
