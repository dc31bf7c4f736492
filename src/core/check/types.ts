/**
 * What the letter check returns. Offsets are UTF-16 indices into the checked text (the unit of JavaScript
 * strings and of Google Docs indices), with `text.slice(start, end) === excerpt`.
 */
import type { IsoDate } from '../questionnaire';

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'CANDIDATE_NAME_MISSING'
  | 'NAME_MISMATCH'
  | 'NAME_CASE_OR_ACCENTS'
  | 'OTHER_CANDIDATE_NAME'
  | 'SPECIALTY_MISMATCH'
  | 'DATE_MISMATCH'
  | 'DATE_ORDER'
  | 'PLACEHOLDER'
  | 'PRONOUN_MISMATCH'
  | 'FIRST_PERSON_CANDIDATE'
  | 'COMPETENCY_MISSING'
  | 'NO_RELATIONSHIP'
  | 'NO_COMPARISON'
  | 'MINIMAL_ASSURANCE'
  | 'DOUBT_RAISER'
  | 'GRINDSTONE_HEAVY'
  | 'COMMUNAL_HEAVY'
  | 'PERSONAL_LIFE'
  | 'LENGTH'
  | 'REPEATED_WORD'
  | 'ARTICLE'
  | 'RECOMMENDER_ELIGIBILITY'
  | 'NOT_PROSE'
  | 'DUPLICATE_SENTENCE'
  | 'ODD_CHARACTERS'
  | 'NAME_REPEATED'
  | 'VIEWPOINT'
  | 'SECTION_BALANCE'
  | 'LETTER_DATE'
  | 'LETTER_DATE_LATE'
  | 'CONTACT_MISMATCH'
  | 'NONSTANDARD_GRAMMAR';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** One plain line a writer understands. */
  readonly message: string;
  /** The offending text; empty when the problem is an absence (then `start === end`). */
  readonly excerpt: string;
  readonly start: number;
  readonly end: number;
  /** The study or guideline the rule rests on. */
  readonly source: string;
}

export interface CheckContext {
  /** The candidate names of the team's other orders: any of them in this letter is a copy-paste error. */
  readonly otherCandidateNames: readonly string[];
  /** The letter's date, used when the text carries no date line. */
  readonly letterDate?: IsoDate;
}
