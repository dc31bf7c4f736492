/**
 * The letter check: reads a letter's text with the order's answers and the other orders' candidate names,
 * and returns findings with stable codes (see `FINDING_CODES`). Error-level findings block FINALIZED.
 * Pure: the letter date comes in through the context, never from a clock.
 */
import type { Answers } from '../questionnaire';
import { checkBalance } from './balance';
import { checkCoverage } from './coverage';
import { checkDates } from './dates';
import { checkEligibility } from './eligibility';
import { checkFirstPerson } from './first-person';
import { checkGrammar } from './grammar';
import { checkLanguage } from './language';
import { checkLength } from './length';
import { checkContacts, checkLetterDate } from './letter-frame';
import { letterParts } from './letter-parts';
import { checkNameRepetition } from './name-repetition';
import { scanNames } from './names';
import { checkNonstandardGrammar } from './nonstandard-grammar';
import { checkPlaceholders } from './placeholders';
import { checkPronouns } from './pronouns';
import { checkDuplicates, checkOddCharacters, checkProse } from './prose';
import { checkSpecialty } from './specialty';
import { checkStatements } from './statements';
import { paragraphsOf, sentencesOf, wordsOf } from './text-scan';
import type { CheckContext, Finding, Severity } from './types';
import { unwrapLines } from './unwrap';
import { checkViewpoint } from './viewpoint';

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function check(letterText: string, answers: Answers, context: CheckContext): Finding[] {
  // Rules read the letter with its soft line breaks as spaces; excerpts are cut from the letter as written.
  const text = unwrapLines(letterText);
  const words = wordsOf(text);
  const sentences = sentencesOf(text);
  const paragraphs = paragraphsOf(text);
  const parts = letterParts(text);
  const names = scanNames(text, words, answers, context.otherCandidateNames);
  const pronouns = checkPronouns(
    text,
    words,
    sentences,
    names.candidateMentions,
    names.otherPersonMentions,
    answers,
  );
  const aboutCandidate = [...names.candidateMentions, ...pronouns.candidatePronouns].sort(
    (a, b) => a.start - b.start,
  );
  const findings = [
    ...names.findings,
    ...checkSpecialty(text, sentences, answers),
    ...checkDates(text, sentences, answers, context.letterDate),
    ...checkPlaceholders(text),
    ...pronouns.findings,
    ...checkFirstPerson(text, sentences, answers),
    ...checkCoverage(text, paragraphs),
    ...checkStatements(text, sentences, paragraphs),
    ...checkLanguage(text, aboutCandidate, answers['candidate.pronouns'] ?? ''),
    ...checkLength(text, words, paragraphs),
    ...checkGrammar(text),
    ...checkEligibility(text, answers),
    ...checkProse(text, paragraphs, parts),
    ...checkDuplicates(text, sentences, parts),
    ...checkOddCharacters(text),
    ...checkNameRepetition(text, sentences, names.candidateMentions, parts),
    ...checkViewpoint(text, sentences, parts),
    ...checkBalance(text, paragraphs),
    ...checkLetterDate(text, answers),
    ...checkContacts(text, answers, parts),
    ...checkNonstandardGrammar(text),
  ];
  const asWritten =
    text === letterText
      ? findings
      : findings.map((f) => ({ ...f, excerpt: letterText.slice(f.start, f.end) }));
  return asWritten.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.start - b.start ||
      a.code.localeCompare(b.code),
  );
}

/** Whether any finding blocks finalizing the letter. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
