/** The Delgado answers and clean letter, and small helpers the rule tests share. */
import { check, type Finding, type FindingCode } from '../../../src/core/check';
import type { Answers } from '../../../src/core/questionnaire';
import { answerSets, cleanLetters } from './corpus';

export const DELGADO = answerSets().get('delgado')!;
export const BASE_LETTER = cleanLetters().find((l) => l.file === 'delgado-1.txt')!.text;

export function run(text: string, answers: Answers = DELGADO, others: string[] = []): Finding[] {
  return check(text, answers, { otherCandidateNames: others });
}

/** The excerpts of one code's findings. */
export function codes(findings: Finding[], code: FindingCode): string[] {
  return findings.filter((f) => f.code === code).map((f) => f.excerpt);
}

/** The clean Delgado letter with one passage replaced. */
export function edited(from: string, to: string): string {
  if (!BASE_LETTER.includes(from)) throw new Error(`not in the base letter: ${from}`);
  return BASE_LETTER.replace(from, to);
}

/** The clean Delgado letter with a passage put before "Dr. Delgado stayed after her shift". */
export function inserted(passage: string): string {
  return edited('Dr. Delgado stayed after her shift', `${passage} Dr. Delgado stayed after her shift`);
}
