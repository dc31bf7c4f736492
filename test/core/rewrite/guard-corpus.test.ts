/**
 * The rewrite corpus (test/rewrite-corpus/proposals.json): proposed sections for the example answers,
 * faithful ones and ones with one seeded defect each. The guard must catch every seeded defect and may
 * refuse at most 1 in 20 faithful rewrites; both figures are printed.
 */
import { readFileSync } from 'node:fs';
import { parseAnswersJson } from '../../../src/core/answers';
import { composeLetter } from '../../../src/core/letter/compose';
import { guardSection, wordBudgetFor } from '../../../src/core/rewrite/fact-guard';
import { planSections, type SectionInput } from '../../../src/core/rewrite/section-inputs';

interface Entry {
  readonly answers: string;
  readonly section: string;
  readonly kind: string;
  readonly proposal: string;
}

const corpus = JSON.parse(readFileSync('test/rewrite-corpus/proposals.json', 'utf8')) as Entry[];

function inputFor(e: Entry): SectionInput {
  const raw = JSON.parse(readFileSync(`examples/answers/${e.answers}.json`, 'utf8'));
  const answers = parseAnswersJson(raw).answers;
  const plan = planSections(composeLetter(answers, { letterDate: '2026-08-10' }), answers).find(
    (p) => (p.ok ? p.input.sectionId : p.sectionId) === e.section,
  );
  if (!plan?.ok) throw new Error(`${e.answers} ${e.section} has no rewritable section`);
  return plan.input;
}

function guard(e: Entry) {
  const input = inputFor(e);
  return guardSection({
    proposal: e.proposal,
    ruleText: input.ruleText,
    source: input.source,
    facts: input.facts,
    wordBudget: wordBudgetFor(input.ruleText),
  });
}

describe('the fact guard on the rewrite corpus', () => {
  const results = corpus.map((e) => ({ e, r: guard(e) }));
  const faithful = results.filter((x) => x.e.kind === 'faithful');
  const seeded = results.filter((x) => x.e.kind !== 'faithful');

  it('holds at least 40 sections, faithful and with each kind of seeded defect', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(seeded.map((x) => x.e.kind));
    for (const k of [
      'number',
      'procedure',
      'drug',
      'patientDetail',
      'name',
      'pronoun',
      'firstPerson',
      'ranking',
      'outcome',
    ])
      expect(kinds).toContain(k);
    expect(faithful.length).toBeGreaterThanOrEqual(20);
  });

  it('catches every seeded defect and refuses at most 1 in 20 faithful rewrites', () => {
    const caught = seeded.filter((x) => !x.r.accepted).length;
    const refused = faithful.filter((x) => !x.r.accepted);
    console.log(
      `fact guard: caught ${caught} of ${seeded.length} seeded defects (${((100 * caught) / seeded.length).toFixed(0)}%); ` +
        `refused ${refused.length} of ${faithful.length} faithful rewrites (${((100 * refused.length) / faithful.length).toFixed(1)}%)`,
    );
    const missed = seeded.filter((x) => x.r.accepted).map((x) => `${x.e.answers} ${x.e.section} ${x.e.kind}`);
    expect(missed).toEqual([]);
    for (const x of refused)
      console.log(`refused faithful: ${x.e.answers} ${x.e.section}: ${JSON.stringify(x.r.refusals)}`);
    const why = refused.map((x) => `${x.e.answers} ${x.e.section}: ${JSON.stringify(x.r.refusals)}`);
    expect(why.length * 20).toBeLessThanOrEqual(faithful.length);
  });

  it('falls back to the rule-based text exactly when it refuses', () => {
    for (const { e, r } of results) {
      const input = inputFor(e);
      expect(r.text).toBe(r.accepted ? e.proposal : input.ruleText);
      expect(r.accepted).toBe(r.refusals.length === 0);
    }
  });
});
