/**
 * What the point-of-view passes share: the options of one conversion, the state carried from sentence to
 * sentence of a section, and the refusal a pass throws when a sentence cannot be converted safely (the
 * sentence is then kept as the candidate wrote it, marked, with the reason as its question).
 */
import type { PronounSet } from './pronoun-sets';

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

export type Refusal =
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

export class Refuse extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.why);
  }
}

/** What every sentence of one answer is converted with. */
export interface SentenceContext {
  readonly options: PovOptions;
  readonly explicit: RegExp | null;
  /** The answer is told in the past tense, so "I read" means "I read (past)". */
  readonly narrativePast: boolean;
  readonly competitor: RegExp | null;
}

/** One sentence, converted. */
export interface Converted {
  readonly text: string;
  readonly genericRefs: readonly string[];
  readonly changed: boolean;
  /** Whether the conversion wrote the candidate (name or pronoun) in place of a first-person word. */
  readonly candidate: boolean;
}
