/** Loads the letter-check corpus (test/check-corpus) for the corpus, agreement and bench tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FindingCode } from '../../../src/core/check';
import type { Answers, IsoDate } from '../../../src/core/questionnaire';

export const CORPUS_DIR = join(__dirname, '..', '..', 'check-corpus');

export interface Expectation {
  readonly code: FindingCode;
  readonly excerpt: string;
  readonly near?: string;
}

export interface CorpusLetter {
  readonly file: string;
  readonly text: string;
  readonly answers: Answers;
  readonly otherCandidateNames: string[];
  readonly letterDate?: IsoDate;
  readonly expect: readonly Expectation[];
}

export function answerSets(): Map<string, Answers> {
  const dir = join(CORPUS_DIR, 'answers');
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, f), 'utf8')) as Answers]),
  );
}

function othersThan(sets: Map<string, Answers>, key: string): string[] {
  return [...sets].filter(([k]) => k !== key).map(([, a]) => a['candidate.fullName']!);
}

export function cleanLetters(): CorpusLetter[] {
  const sets = answerSets();
  const dir = join(CORPUS_DIR, 'clean');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const key = file.replace(/-\d+\.txt$/, '');
      const answers = sets.get(key);
      if (!answers) throw new Error(`${file}: no answers/${key}.json`);
      // A clean letter may carry warnings on purpose (a faint-praise letter): its sidecar lists them.
      const sidecar = join(dir, file.replace(/\.txt$/, '.json'));
      const expect = existsSync(sidecar)
        ? (JSON.parse(readFileSync(sidecar, 'utf8')) as { expect: Expectation[] }).expect
        : [];
      return {
        file,
        text: readFileSync(join(dir, file), 'utf8'),
        answers,
        otherCandidateNames: othersThan(sets, key),
        expect,
      };
    });
}

interface Sidecar {
  readonly answers: string;
  readonly answersOverride?: Answers;
  readonly letterDate?: IsoDate;
  readonly expect: readonly Expectation[];
}

export function seededLetters(): CorpusLetter[] {
  const sets = answerSets();
  const dir = join(CORPUS_DIR, 'seeded');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const meta = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.json')), 'utf8')) as Sidecar;
      const base = sets.get(meta.answers);
      if (!base) throw new Error(`${file}: no answers/${meta.answers}.json`);
      return {
        file,
        text: readFileSync(join(dir, file), 'utf8'),
        answers: { ...base, ...meta.answersOverride },
        otherCandidateNames: othersThan(sets, meta.answers),
        ...(meta.letterDate ? { letterDate: meta.letterDate } : {}),
        expect: meta.expect,
      };
    });
}

/** Where a seeded problem sits in the letter: its excerpt, inside `near` when given. */
export function locate(text: string, e: Expectation): { start: number; end: number } | undefined {
  if (e.excerpt === '') return undefined;
  const base = e.near === undefined ? 0 : text.indexOf(e.near);
  if (base < 0) throw new Error(`"${e.near}" is not in the letter`);
  const at = text.indexOf(e.excerpt, base);
  if (at < 0) throw new Error(`"${e.excerpt}" is not in the letter`);
  return { start: at, end: at + e.excerpt.length };
}

/** The codes issue 15 added: a clean letter raises none of them, not even at info level. */
export const V2_CODES: readonly FindingCode[] = [
  'NOT_PROSE',
  'DUPLICATE_SENTENCE',
  'ODD_CHARACTERS',
  'NAME_REPEATED',
  'VIEWPOINT',
  'SECTION_BALANCE',
  'LETTER_DATE',
  'LETTER_DATE_LATE',
  'CONTACT_MISMATCH',
  'NONSTANDARD_GRAMMAR',
];
