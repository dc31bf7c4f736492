/**
 * The answer sets the letter-quality test drafts: the bundled examples (examples/answers) and the stress
 * corpus (examples/stress/answers), each read through the answer parser `cead draft` uses, and each run
 * under every pronoun set (same answers, pronoun answer swapped).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnswersJson } from '../../src/core/answers';
import { letterPeople } from '../../src/core/letter/compose';
import type { Answers, ItemId } from '../../src/core/questionnaire';
import { exampleAnswers, exampleNames } from '../examples/example-answers';

export const STRESS_DIR = join(__dirname, '..', '..', 'examples', 'stress');

/**
 * Edge sets the questionnaire itself refuses, and the one problem each must get: a skipped competency is a
 * required item left blank. `cead draft`
 * holds such an order in NEEDS_INFO; the composer must still draft them without crashing (a CSV export or a
 * hand-written answers file can carry them), so they are composed from the file as written.
 */
export const EDGE_PROBLEMS: Readonly<Record<string, ItemId>> = {
  'lucia-ferraz': 'competency.systemsBasedPractice',
};

export function stressNames(): string[] {
  return readdirSync(join(STRESS_DIR, 'answers'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export function rawStress(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(STRESS_DIR, 'answers', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** The stress set as `cead draft` reads it (parseAnswersJson), with the problems the parser reported. */
export function parseStress(name: string): ReturnType<typeof parseAnswersJson> {
  return parseAnswersJson(rawStress(name));
}

/** The answers to compose: parsed, or for an edge set the parser refuses, the file's own values. */
export function stressAnswers(name: string): Answers {
  const parsed = parseStress(name);
  const edge = EDGE_PROBLEMS[name];
  if (!edge) return parsed.answers;
  const raw = rawStress(name);
  const value = raw[edge];
  return { ...parsed.answers, ...(typeof value === 'string' && value.trim() ? { [edge]: value } : {}) };
}

export function targetPath(name: string): string | undefined {
  const path = join(STRESS_DIR, 'targets', `${name}.md`);
  return existsSync(path) ? path : undefined;
}

/** The pronoun runs: the answer each puts in `candidate.pronouns`, and the subject pronoun it means. */
export const PRONOUN_RUNS = {
  she: { answer: 'she/her', subject: 'she' },
  he: { answer: 'he/him', subject: 'he' },
  they: { answer: 'they/them', subject: 'they' },
  ze: { answer: 'ze/hir', subject: 'ze' },
  name: { answer: 'No pronouns, please use my name', subject: undefined },
} as const;

export type PronounRun = keyof typeof PRONOUN_RUNS;
export const RUN_NAMES = Object.keys(PRONOUN_RUNS) as PronounRun[];

export interface LetterCase {
  /** `<set>@<run>`, the key of the baseline. */
  readonly key: string;
  readonly set: string;
  readonly run: PronounRun;
  readonly answers: Answers;
  readonly target?: string;
}

export function letterCases(): LetterCase[] {
  const sets = [
    ...exampleNames().map((n) => ({ set: n, answers: exampleAnswers(n), target: undefined })),
    ...stressNames().map((n) => ({ set: `stress/${n}`, answers: stressAnswers(n), target: targetPath(n) })),
  ];
  return sets.flatMap(({ set, answers, target }) =>
    RUN_NAMES.map((run) => ({
      key: `${set}@${run}`,
      set,
      run,
      answers: { ...answers, 'candidate.pronouns': PRONOUN_RUNS[run].answer },
      ...(target ? { target } : {}),
    })),
  );
}

/** The name the letter addresses the candidate by, without a title: what "the name twice" counts. */
export function addressName(answers: Answers): string {
  return letterPeople(answers).name.replace(/^(?:Dr|Mr|Ms|Mrs|Mx)\.?\s+|^(?:Miss|Doctor)\s+/, '');
}
