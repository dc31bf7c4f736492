/**
 * What a rewrite of one competency section may know: its own answer, the rule-based text, the candidate's
 * name and pronouns, and the few facts the letter already names (recommender, site, city, specialty). This
 * is also everything the Rewriter sends: never the candidate's email, phone, other answers or other orders.
 */
import { COMPETENCIES, type CompetencyId } from '../competencies';
import { letterPeople } from '../letter/compose';
import { blockOf, type LetterModel, MARK_OPEN, paragraphText } from '../letter/model';
import type { PronounSet } from '../letter/point-of-view';
import { usStateName } from '../letter/us-states';
import type { Answers } from '../questionnaire';
import { normalizeLine } from '../text';
import type { GuardFacts } from './fact-guard';

export interface SectionInput {
  readonly sectionId: CompetencyId;
  /** The section's heading as the letter prints it ("Patient Care"). */
  readonly heading: string;
  /** The rule-based body, without the heading. */
  readonly ruleText: string;
  /** The candidate's answer for this competency, verbatim. */
  readonly source: string;
  readonly candidateName: string;
  readonly pronouns: PronounSet;
  readonly facts: GuardFacts;
}

export type SectionPlan =
  | { readonly ok: true; readonly input: SectionInput }
  | { readonly ok: false; readonly sectionId: CompetencyId; readonly why: 'noAnswer' | 'marked' };

/**
 * One plan per competency section. A section with marked text (a placeholder, a sentence the rules could
 * not turn into the physician's voice) is not sent: the mark carries the writer's open question, and a
 * rewrite would drop it.
 */
export function planSections(model: LetterModel, answers: Answers): SectionPlan[] {
  return planSectionBodies((id) => {
    const block = blockOf(model, id);
    return block ? block.paragraphs.map(paragraphText).join(' ') : undefined;
  }, answers);
}

/**
 * The same from each section's paragraph as it stands ("Patient Care. …"), however it got there: a letter
 * the writer has edited (`cead rewrite`) is rewritten from its present text.
 */
export function planSectionBodies(
  paragraphOf: (id: CompetencyId) => string | undefined,
  answers: Answers,
): SectionPlan[] {
  const people = letterPeople(answers);
  const line = (v: unknown) => normalizeLine(String(v ?? ''));
  const state = line(answers['rotation.state']);
  const context = [
    people.recommenderAddress,
    people.recommenderName,
    line(answers['rotation.site']),
    line(answers['rotation.city']),
    usStateName(state) ?? state,
    line(answers['candidate.specialty']),
    line(answers['rotation.name']),
  ].filter((c) => c !== '');
  const facts: GuardFacts = {
    candidateNames: [...new Set([people.name, people.firstMention, people.fullName])],
    pronouns: people.pronouns,
    context,
  };
  return COMPETENCIES.map((c): SectionPlan => {
    const source = line(answers[`competency.${c.id}`]);
    const text = paragraphOf(c.id);
    if (text === undefined || source === '') return { ok: false, sectionId: c.id, why: 'noAnswer' };
    if (text.includes(MARK_OPEN)) return { ok: false, sectionId: c.id, why: 'marked' };
    const ruleText = text.startsWith(`${c.title}. `) ? text.slice(c.title.length + 2) : text;
    return {
      ok: true,
      input: {
        sectionId: c.id,
        heading: c.title,
        ruleText,
        source,
        candidateName: people.name,
        pronouns: people.pronouns,
        facts,
      },
    };
  });
}
