/**
 * Whether the recommender is the writer program directors weigh: a U.S.-trained MD or DO who supervised the
 * candidate directly in U.S. clinical work. Read from the answers; the finding points at the recommender's
 * name in the letter when it is there.
 */
import type { Answers } from '../questionnaire';
import { findingAt } from './finding';
import { escapeRegExp } from './text-scan';
import type { Finding } from './types';

const INDIRECT =
  /\b(?:did not|didn't|never) (?:directly )?(?:supervise|work)|\bnot directly\b|\bindirect(?:ly)?\b|\bshadow(?:ed|ing)?\b|\bonly met\b|\bmet (?:him|her|them) once\b|\bfamily friend\b|\bthrough (?:a|my) friend\b|\bobserv(?:ed|ing) (?:him|her|them)\b/i;

export function checkEligibility(text: string, answers: Answers): Finding[] {
  const name = answers['recommender.name'];
  const at = name ? new RegExp(escapeRegExp(name)).exec(text) : null;
  const start = at?.index ?? 0;
  const end = at ? start + at[0].length : 0;
  const out: Finding[] = [];
  const add = (message: string) => out.push(findingAt('RECOMMENDER_ELIGIBILITY', text, start, end, message));
  const degree = answers['recommender.degree'];
  if (degree && !/^(?:MD|DO|M\.D\.|D\.O\.)$/i.test(degree.trim())) {
    add(`The recommender's degree is ${degree}; program directors weigh letters from U.S. MDs and DOs most.`);
  }
  if (answers['recommender.usTrained'] && /^no$/i.test(answers['recommender.usTrained'])) {
    add(
      'The recommender did not train in a U.S. residency; program directors weigh U.S.-trained writers most.',
    );
  }
  const relationship = answers['recommender.relationship'];
  if (relationship && INDIRECT.test(relationship)) {
    add('The answers suggest the recommender did not supervise the candidate directly.');
  }
  if (answers['rotation.type'] && /^observership$/i.test(answers['rotation.type'])) {
    add(
      'An observership offers no hands-on care to report; a letter from hands-on U.S. clinical work carries more weight.',
    );
  }
  return out;
}
