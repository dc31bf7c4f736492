/**
 * The prompt, as data: the rules of a good letter section and the shape of what is sent. Its version goes
 * into every record of a rewrite, so a letter can be traced to the prompt that proposed it; change the
 * text only with a new version.
 */
import { PRONOUN_FORMS } from '../letter/point-of-view';
import type { SectionInput } from './section-inputs';

export const PROMPT_VERSION = 'lor-section/2';

export const SYSTEM_PROMPT = [
  'You edit one section of a residency letter of recommendation that a physician will sign.',
  'Rewrite the draft section as clear, correct prose in the physician’s voice, in the past tense.',
  'Keep one concrete example: what the candidate did and what came of it. Keep every action and the outcome.',
  'Use only facts in the candidate’s answer and the draft: no number, name, drug, test, procedure, diagnosis,',
  'place or person that they do not give, and no comparison, ranking, percentile or superlative the physician',
  'did not give.',
  'Name the candidate exactly as the draft does and use the pronouns given. “I” and “me” are only the',
  'physician, and only where the draft already has them; never write the candidate’s “I”.',
  'Stay within the word limit. Answer with the section’s text only: no heading, no notes, no quotation marks.',
].join(' ');

/** The user turn: this section's own answer and the facts it needs, nothing else. */
export function userPrompt(input: SectionInput, wordLimit: number): string {
  const forms = input.pronouns === 'name' ? null : PRONOUN_FORMS[input.pronouns];
  const pronouns = forms
    ? [forms.subject, forms.object, forms.possessive, forms.possessivePronoun, forms.reflexive].join('/')
    : 'none; use the name';
  return [
    `Section: ${input.heading}`,
    `Candidate: ${input.candidateName} (pronouns: ${pronouns})`,
    `Word limit: ${wordLimit}`,
    '',
    'The candidate’s answer, in their own words:',
    input.source,
    '',
    'The draft section in the physician’s voice:',
    input.ruleText,
  ].join('\n');
}
