import { COMPETENCIES } from '../../../src/core/competencies';
import { blockOf, paragraphText } from '../../../src/core/letter/model';
import { renderDocsRequests } from '../../../src/core/letter/render-docs';
import { composeSummary } from '../../../src/core/letter/summary';
import { exampleAnswers, exampleNames } from '../../examples/example-answers';
import { DocsEmulator } from '../../fakes/docs-emulator';

describe('composeSummary', () => {
  it('lists the rotation facts and one bullet per competency, in the candidate’s own words', () => {
    const model = composeSummary(exampleAnswers('rosa-delgado'));
    const facts = blockOf(model, 'facts')!.paragraphs.map(paragraphText);
    expect(facts).toEqual([
      'The rotation',
      'Candidate: Rosa Delgado (“Dr. Delgado”, she/her) · International medical graduate · Universidad Central de Venezuela, 2023',
      'Applying to: Internal Medicine',
      'Rotation: Internal Medicine externship — externship, inpatient',
      'Where: Harborview Community Hospital, Seattle, Washington',
      'When: March 2 to March 27, 2026 (four weeks)',
      'With you: about 45 hours a week',
      'How you supervised me: My attending on the teaching service; I presented to him every morning',
      'FERPA: I do not waive my right to see this letter.',
    ]);
    const examples = blockOf(model, 'examples')!.paragraphs;
    expect(examples.slice(1).map((p) => p.runs[0]!.text)).toEqual(COMPETENCIES.map((c) => `${c.title}: `));
    expect(paragraphText(examples[1]!)).toBe(
      `Patient Care: ${exampleAnswers('rosa-delgado')['competency.patientCare']}`,
    );
    expect(model.openQuestions).toEqual([]);
  });

  it('says "not given" for missing facts instead of guessing', () => {
    const model = composeSummary(exampleAnswers('noah-lindqvist'));
    expect(model.text).toContain('With you: hours a week not given');
    expect(blockOf(model, 'highlights')).toBeUndefined();
  });

  it('cuts a very long example at a sentence and keeps the cut text in a question', () => {
    const answers = exampleAnswers('aisha-rahman');
    const model = composeSummary(answers);
    const q = model.openQuestions.find((x) => x.quote === 'Patient Care:')!;
    expect(q.kind).toBe('length');
    const cut = /“([\s\S]*)”$/.exec(q.question)![1]!.replace(/^…/, '');
    expect(answers['competency.patientCare']!.endsWith(cut)).toBe(true);
    expect(model.text).toMatch(/⟦\+\d+ words in the comment⟧/);
  });

  it.each(exampleNames())('%s: builds in the Docs emulator with the same text', (name) => {
    const model = composeSummary(exampleAnswers(name));
    const docs = new DocsEmulator();
    const { documentId } = docs.create({ title: model.title });
    docs.batchUpdate({ requests: renderDocsRequests(model) }, documentId);
    expect(docs.getText(documentId)).toBe(model.text);
    expect(docs.namedRanges(documentId).map((r) => r.name)[0]).toBe('cead-summary:title');
    const bullets = docs.paragraphs(documentId).filter((p) => p.bullet);
    expect(bullets.length).toBe(
      model.blocks.flatMap((b) => b.paragraphs).filter((p) => p.role === 'bullet').length,
    );
  });
});
