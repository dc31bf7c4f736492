/**
 * Every finding code with its severity and source: the contract that the sidebar, `cead check --json` and the
 * FINALIZED gate read. Codes are never renamed; error-level codes block finalizing a letter.
 */
import { SOURCES } from './sources';
import type { FindingCode, Severity } from './types';

export interface CodeInfo {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** What the code means, in the words of product.md. */
  readonly summary: string;
  readonly source: string;
}

/** In the order of product.md's table (extra codes after the product code they refine). */
export const FINDING_CODES: readonly CodeInfo[] = [
  {
    code: 'CANDIDATE_NAME_MISSING',
    severity: 'error',
    summary: 'the candidate’s name does not appear',
    source: SOURCES.ceadIntegrity,
  },
  {
    code: 'NAME_MISMATCH',
    severity: 'error',
    summary: 'a misspelled or different form of the candidate’s name',
    source: SOURCES.ceadIntegrity,
  },
  {
    code: 'NAME_CASE_OR_ACCENTS',
    severity: 'warning',
    summary: 'the candidate’s name with different capitals or accents ("Jose Nunez" for "José Núñez")',
    source: SOURCES.ceadIntegrity,
  },
  {
    code: 'OTHER_CANDIDATE_NAME',
    severity: 'error',
    summary: 'another order’s candidate is named (the copy-paste error)',
    source: SOURCES.ceadIntegrity,
  },
  {
    code: 'SPECIALTY_MISMATCH',
    severity: 'error',
    summary: 'the letter names a specialty other than the candidate’s target',
    source: `${SOURCES.ceadIntegrity}; specialty names from ${SOURCES.acgmeSpecialties}`,
  },
  {
    code: 'DATE_MISMATCH',
    severity: 'error',
    summary: 'rotation dates in the letter differ from the answers',
    source: SOURCES.ceadIntegrity,
  },
  {
    code: 'DATE_ORDER',
    severity: 'error',
    summary: 'the rotation ends before it starts, or the letter is dated before the rotation ends',
    source: SOURCES.ceadIntegrity,
  },
  {
    code: 'PLACEHOLDER',
    severity: 'error',
    summary: 'unfilled placeholders: [Name], {{…}}, XXX, TBD, lorem ipsum, the draft’s ⟦marked choices⟧',
    source: SOURCES.ceadIntegrity,
  },
  {
    code: 'PRONOUN_MISMATCH',
    severity: 'error',
    summary: 'pronouns or a gendered title (Mr., Ms.) for the candidate that differ from theirs',
    source: SOURCES.ceadIntegrity,
  },
  {
    code: 'FIRST_PERSON_CANDIDATE',
    severity: 'error',
    summary: 'the candidate’s first-person text left unconverted',
    source: SOURCES.ceadIntegrity,
  },
  {
    code: 'COMPETENCY_MISSING',
    severity: 'warning',
    summary: 'a competency with no concrete example',
    source: SOURCES.acgmeCompetencies,
  },
  {
    code: 'NO_RELATIONSHIP',
    severity: 'warning',
    summary: 'no statement of how long and in what capacity the writer knows the candidate',
    source: SOURCES.aamcLetters,
  },
  {
    code: 'NO_COMPARISON',
    severity: 'warning',
    summary: 'no comparison statement with a denominator',
    source: SOURCES.saudek2018,
  },
  {
    code: 'MINIMAL_ASSURANCE',
    severity: 'warning',
    summary: 'a closing weaker than a clear, top-tier endorsement',
    source: `${SOURCES.trix2003}; ${SOURCES.saudek2018}`,
  },
  {
    code: 'DOUBT_RAISER',
    severity: 'warning',
    summary: 'hedges, faint praise, negative or irrelevant remarks',
    source: `${SOURCES.trix2003}; ${SOURCES.saudek2018}; ${SOURCES.arizonaCsw}`,
  },
  {
    code: 'GRINDSTONE_HEAVY',
    severity: 'info',
    summary: 'effort words outweigh ability and accomplishment words',
    source: `${SOURCES.trix2003}; ${SOURCES.schmader2007}; ${SOURCES.arizonaCsw}`,
  },
  {
    code: 'COMMUNAL_HEAVY',
    severity: 'info',
    summary: 'communal words (kind, warm, helpful) outweigh agentic words (confident, independent)',
    source: SOURCES.madera2009,
  },
  {
    code: 'PERSONAL_LIFE',
    severity: 'info',
    summary: 'family or personal-life remarks',
    source: `${SOURCES.trix2003}; ${SOURCES.arizonaCsw}`,
  },
  {
    code: 'LENGTH',
    severity: 'warning',
    summary: 'shorter or longer than a one-to-two-page letter',
    source: `${SOURCES.aamcLetters}; ${SOURCES.trix2003}`,
  },
  {
    code: 'REPEATED_WORD',
    severity: 'warning',
    summary: 'a word written twice ("the the")',
    source: SOURCES.ceadStyle,
  },
  {
    code: 'ARTICLE',
    severity: 'warning',
    summary: '"a" before a vowel sound or "an" before a consonant sound',
    source: SOURCES.ceadStyle,
  },
  {
    code: 'RECOMMENDER_ELIGIBILITY',
    severity: 'warning',
    summary:
      'the recommender is not a U.S. MD/DO, not U.S. trained, or did not supervise the candidate directly; an observership-only rotation',
    source: SOURCES.aamcLetters,
  },
  {
    code: 'NOT_PROSE',
    severity: 'warning',
    summary:
      'bullet or list lines, sentence fragments or chart shorthand (pt, w/, d/c, f/u, s/p, "72M", "->") in the body',
    source: `${SOURCES.ceadProse}; ${SOURCES.aamcLetters}`,
  },
  {
    code: 'DUPLICATE_SENTENCE',
    severity: 'warning',
    summary: 'a sentence written twice',
    source: SOURCES.ceadProse,
  },
  {
    code: 'ODD_CHARACTERS',
    severity: 'warning',
    summary:
      'emoji, control or invisible characters, garbled encoding, or formula- or code-like text (a leading =, +, @ or |)',
    source: SOURCES.ceadProse,
  },
  {
    code: 'NAME_REPEATED',
    severity: 'info',
    summary: 'the candidate’s name more than once in a sentence, or opening most sentences',
    source: SOURCES.ceadStyle,
  },
  {
    code: 'VIEWPOINT',
    severity: 'warning',
    summary:
      'the candidate’s inner states, motives or plans stated as the writer’s knowledge; sentences about the answer itself',
    source: SOURCES.ceadViewpoint,
  },
  {
    code: 'SECTION_BALANCE',
    severity: 'info',
    summary: 'one competency section several times longer than the others, or one under a sentence',
    source: SOURCES.acgmeCompetencies,
  },
  {
    code: 'LETTER_DATE',
    severity: 'error',
    summary: 'the letter carries no date (a letter dated before the rotation ends is DATE_ORDER)',
    source: SOURCES.ceadDated,
  },
  {
    code: 'LETTER_DATE_LATE',
    severity: 'warning',
    summary: 'the letter is dated more than a year after the rotation ended',
    source: SOURCES.ceadDated,
  },
  {
    code: 'CONTACT_MISMATCH',
    severity: 'warning',
    summary:
      'an email or phone that is not the recommender’s from the answers, or another physician’s name in the signature or letterhead',
    source: `${SOURCES.aamcLetters}; ${SOURCES.ceadIntegrity}`,
  },
  {
    code: 'NONSTANDARD_GRAMMAR',
    severity: 'warning',
    summary:
      'non-native slips: "12 patients was seen", "a 70 years old woman", "me asked", "explained him what means"',
    source: `${SOURCES.ceadNonNative}; ${SOURCES.ceadStyle}`,
  },
];

const BY_CODE = new Map(FINDING_CODES.map((c) => [c.code, c]));

export function codeInfo(code: FindingCode): CodeInfo {
  const info = BY_CODE.get(code);
  if (!info) throw new Error(`Unregistered finding code: ${code}`);
  return info;
}
