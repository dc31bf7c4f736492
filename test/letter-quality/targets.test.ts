import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocumentModel } from '../../src/core/letter/model';
import { STRESS_DIR, stressAnswers, stressNames } from './corpus';
import { inventedFacts, parseTarget } from './facts';
import { SECTION_BUDGET_WORDS } from './measure';
import { wordCount } from './sentences';

const TARGETS = join(STRESS_DIR, 'targets');
const names = readdirSync(TARGETS)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''));

// The targets are the yardstick for "facts kept", so they are held to the rules a draft is held to.
describe('target letters', () => {
  it('exist for at least ten stress sets, each of which exists', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) expect(stressNames()).toContain(name);
  });

  it.each(names)('%s: has every section, lists facts, and keeps each section within budget', (name) => {
    const target = parseTarget(readFileSync(join(TARGETS, `${name}.md`), 'utf8'));
    for (const id of ['relationship', 'patientCare', 'medicalKnowledge', 'practiceBasedLearning'] as const)
      expect(target.sections.has(id)).toBe(true);
    for (const id of ['communication', 'professionalism', 'systemsBasedPractice'] as const)
      expect(target.sections.has(id)).toBe(true);
    expect([...target.listed.values()].flat().length).toBeGreaterThanOrEqual(20);
    for (const [id, text] of target.sections)
      expect({ id, words: Math.min(wordCount(text), SECTION_BUDGET_WORDS + 1) }).toEqual({
        id,
        words: Math.min(wordCount(text), SECTION_BUDGET_WORDS),
      });
  });

  it.each(names)('%s: states no number, name or uncommon term the answers do not give', (name) => {
    const target = parseTarget(readFileSync(join(TARGETS, `${name}.md`), 'utf8'));
    const blocks = [...target.sections].map(([sectionId, text]) => ({
      sectionId,
      answerIds: [],
      paragraphs: [{ role: 'body' as const, runs: [{ text: 'Heading. ', bold: true }, { text }] }],
    }));
    // The relationship paragraph has no run-in heading.
    const model = createDocumentModel(
      'letter',
      name,
      blocks.map((b) =>
        b.sectionId === 'relationship'
          ? { ...b, paragraphs: [{ role: 'body' as const, runs: [b.paragraphs[0]!.runs[1]!] }] }
          : b,
      ),
      [],
    );
    expect(inventedFacts(model, stressAnswers(name))).toEqual([]);
  });
});
