/**
 * The fact guard: reads a model's proposed section sentence by sentence against the candidate's answers and
 * the rule-based section, and refuses what the answers do not support. It is deterministic and errs toward
 * refusing: a refused rewrite costs the writer nothing (the rule-based section stays), an accepted invention
 * can sink a letter.
 *
 * When any sentence fails, the whole section falls back to the rule-based text: splicing single rule
 * sentences between model sentences repeats or drops facts, since the two texts do not cut the story in
 * the same places. The refusals say which sentence failed and why, for the writer's comment.
 */
import { PRONOUN_FORMS, type PronounSet, splitSentences } from '../letter/point-of-view';
import {
  firstPersonReasons,
  type GuardFacts,
  nameReasons,
  numberReasons,
  PRONOUN_GROUPS,
  peopleReasons,
  pronounCount,
  rankingReasons,
  supportOf,
  termReasons,
} from './sentence-checks';
import { stem, tokens } from './words';

export type { GuardFacts } from './sentence-checks';

export interface GuardInput {
  readonly proposal: string;
  /** The rule-based section's body (no heading): the fallback, and the voice and facts to keep. */
  readonly ruleText: string;
  /** The section's own answer, verbatim. */
  readonly source: string;
  readonly facts: GuardFacts;
  /** The most words the proposal may have. */
  readonly wordBudget: number;
}

export interface Refusal {
  /** The refused sentence, or '' for what is wrong with the section as a whole. */
  readonly sentence: string;
  readonly reasons: readonly string[];
}

export interface GuardResult {
  readonly accepted: boolean;
  /** The proposal when accepted, else the rule-based text. */
  readonly text: string;
  readonly refusals: readonly Refusal[];
}

/** A rewrite may run a little longer than the rules' text, never more: the letter's two pages are shared. */
export function wordBudgetFor(ruleText: string): number {
  return Math.ceil(tokens(ruleText).length * 1.2) + 5;
}

export function guardSection(input: GuardInput): GuardResult {
  const proposal = input.proposal.trim().replace(/\s+/g, ' ');
  const facts = input.facts;
  const support = supportOf([input.source, input.ruleText, ...facts.candidateNames, ...facts.context]);
  const ruleTokens = tokens(input.ruleText);
  const ruleBigrams = new Set(ruleTokens.slice(1).map((t, i) => `${ruleTokens[i]!.folded} ${t.folded}`));
  const pronouns = pronounAllowance(input);
  const refusals: Refusal[] = [];
  for (const sentence of splitSentences(proposal).map((s) => s.trim())) {
    if (sentence === '') continue;
    const list = tokens(sentence);
    const reasons = [
      ...numberReasons(sentence, support),
      ...termReasons(list, support),
      ...nameReasons(sentence, facts),
      ...firstPersonReasons(list, ruleBigrams),
      ...rankingReasons(sentence, list, support),
      ...peopleReasons(list, support),
      ...pronouns(list),
    ];
    if (reasons.length > 0) refusals.push({ sentence, reasons: [...new Set(reasons)] });
  }
  const whole = sectionReasons(proposal, input);
  if (whole.length > 0) refusals.push({ sentence: '', reasons: whole });
  if (proposal === '') refusals.push({ sentence: '', reasons: ['the proposal is empty'] });
  const accepted = refusals.length === 0;
  return { accepted, text: accepted ? proposal : input.ruleText, refusals };
}

/**
 * Pronouns other than the candidate's mean someone else (the patient, a parent): the proposal may use each
 * set as often as the rule-based section or the answer does, and the sentence that goes past it is refused.
 */
function pronounAllowance(input: GuardInput): (list: ReturnType<typeof tokens>) => string[] {
  const own = input.facts.pronouns;
  const allowed = new Map<string, number>();
  const used = new Map<string, number>();
  const rule = tokens(input.ruleText);
  const source = tokens(input.source);
  for (const [set, group] of Object.entries(PRONOUN_GROUPS)) {
    if (set === own) continue;
    allowed.set(set, Math.max(pronounCount(rule, group), pronounCount(source, group)));
  }
  return (list) => {
    const out: string[] = [];
    for (const [set, max] of allowed) {
      const here = pronounCount(list, PRONOUN_GROUPS[set as 'she' | 'he' | 'they']);
      const n = (used.get(set) ?? 0) + here;
      used.set(set, n);
      if (here > 0 && n > max) out.push(`“${set}”: the candidate’s pronouns are ${ownPronouns(own)}`);
    }
    return out;
  };
}

const ownPronouns = (own: PronounSet) =>
  own === 'name'
    ? 'none (the letter uses the name)'
    : `${PRONOUN_FORMS[own].subject}/${PRONOUN_FORMS[own].object}`;

/** The section as a whole: its length, and the rule-based section's actions and outcome kept. */
function sectionReasons(proposal: string, input: GuardInput): string[] {
  const out: string[] = [];
  const words = tokens(proposal).length;
  if (words > input.wordBudget) out.push(`${words} words, over the section’s budget of ${input.wordBudget}`);
  const kept = new Set(tokens(proposal).map((t) => stem(t.folded)));
  for (const verb of actionVerbs(input.ruleText, input.facts)) {
    if (!kept.has(stem(verb))) out.push(`the candidate’s action “${verb}” is missing`);
  }
  const outcome = outcomeWords(input.ruleText, input.facts);
  const missing = outcome.filter((w) => !kept.has(stem(w)));
  if (outcome.length > 0 && missing.length * 2 > outcome.length)
    out.push(`the outcome is missing (${missing.slice(0, 4).join(', ')})`);
  return out;
}

const SKIP =
  /^(?:also|then|quickly|immediately|never|always|still|just|first|soon|later|again|had|himself|herself|themselves)$/;
const PAST =
  /^(?:\p{L}+ed|caught|told|made|saw|took|wrote|found|went|gave|brought|got|sat|stood|kept|led|ran|spoke|taught|began|drew|knew|thought|felt|left|met|put|held|built|sent|understood|read)$/u;

/** The verbs the candidate is the subject of in the rule-based text ("Mr. Whitfield noticed", "she called"). */
export function actionVerbs(ruleText: string, facts: GuardFacts): string[] {
  const names = new Set(
    facts.candidateNames.flatMap((n) =>
      tokens(n)
        .slice(-1)
        .map((t) => t.folded),
    ),
  );
  const subject = facts.pronouns === 'name' ? '' : PRONOUN_FORMS[facts.pronouns].subject;
  const list = tokens(ruleText);
  const out: string[] = [];
  list.forEach((t, i) => {
    if (!names.has(t.folded) && t.folded !== subject) return;
    let j = i + 1;
    while (j < list.length && j <= i + 3 && (SKIP.test(list[j]!.folded) || /ly$/.test(list[j]!.folded))) j++;
    const verb = list[j]?.folded ?? '';
    if (PAST.test(verb) && !out.includes(verb)) out.push(verb);
  });
  return out;
}

const FUNCTION_WORDS =
  /^(?:that|this|with|from|they|them|their|there|were|was|been|have|what|when|which|into|about|after|before|every|each|more|than|over|under|also|then|because|while|would|could|should|only|even|still)$/;

/** The content words of the rule-based section's last clause: where a story tells what came of it. */
export function outcomeWords(ruleText: string, facts: GuardFacts): string[] {
  const sentences = splitSentences(ruleText.trim()).filter((s) => s.trim() !== '');
  const clauses = (sentences[sentences.length - 1] ?? '').split(
    /;|,? and (?=by |then )|, (?:and |so |which |who )/,
  );
  const last = clauses[clauses.length - 1] ?? '';
  const names = new Set(facts.candidateNames.flatMap((n) => tokens(n).map((t) => t.folded)));
  const verbs = new Set(actionVerbs(last, facts));
  return tokens(last)
    .map((t) => t.folded)
    .filter(
      (w) => (w.length >= 4 || /^\d/.test(w)) && !FUNCTION_WORDS.test(w) && !names.has(w) && !verbs.has(w),
    );
}

/** The comment the writer gets: what was refused and why, in a few lines. */
export function refusalComment(heading: string, refusals: readonly Refusal[]): string {
  const lines = refusals.slice(0, 5).map((r) => {
    const why = r.reasons.slice(0, 3).join('; ');
    return r.sentence === '' ? `- the section: ${why}` : `- “${r.sentence}”: ${why}`;
  });
  const more = refusals.length > 5 ? `\n- and ${refusals.length - 5} more` : '';
  return `CEAD kept the rule-based ${heading} section: the model’s rewrite was refused.\n${lines.join('\n')}${more}`;
}
