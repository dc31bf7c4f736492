import { composeLetter } from '../../../src/core/letter/compose';
import { MARK_OPEN, modelParagraphs } from '../../../src/core/letter/model';
import { LETTER_FONT, MARK_COLOR, renderDocsRequests } from '../../../src/core/letter/render-docs';
import { exampleAnswers, exampleNames } from '../../examples/example-answers';
import { DocsEmulator } from '../../fakes/docs-emulator';

function build(name: string) {
  const model = composeLetter(
    exampleAnswers(name),
    name === 'rosa-delgado' ? { letterDate: '2026-04-02' } : {},
  );
  const requests = renderDocsRequests(model);
  const docs = new DocsEmulator();
  const { documentId } = docs.create({ title: model.title });
  docs.batchUpdate({ requests }, documentId);
  return { model, requests, docs, documentId };
}

describe('renderDocsRequests', () => {
  it.each(exampleNames())('%s: the emulated document text equals the letter plain text', (name) => {
    const { model, docs, documentId } = build(name);
    expect(docs.getText(documentId)).toBe(model.text);
    expect(docs.paragraphs(documentId)).toHaveLength(modelParagraphs(model).length);
  });

  it.each(exampleNames())('%s: a named range per section covers exactly that section', (name) => {
    const { model, docs, documentId } = build(name);
    const text = docs.getText(documentId);
    const ranges = docs.namedRanges(documentId);
    expect(ranges.map((r) => r.name)).toEqual(model.blocks.map((b) => `cead:${b.sectionId}`));
    for (const block of model.blocks) {
      const r = ranges.find((x) => x.name === `cead:${block.sectionId}`)!;
      expect(text.slice(r.startIndex - 1, r.endIndex - 1)).toBe(
        model.text.slice(block.range.start, block.range.end - 1),
      );
    }
  });

  it('sets US Letter with 1-inch margins', () => {
    const { docs, documentId } = build('rosa-delgado');
    expect(docs.documentStyle(documentId)).toMatchObject({
      pageSize: { width: { magnitude: 612, unit: 'PT' }, height: { magnitude: 792, unit: 'PT' } },
      marginTop: { magnitude: 72 },
      marginBottom: { magnitude: 72 },
      marginLeft: { magnitude: 72 },
      marginRight: { magnitude: 72 },
    });
  });

  it('styles every character with the letter font, bolds run-in headings and highlights only marked text', () => {
    const { docs, documentId } = build('noah-lindqvist');
    const runs = docs.paragraphs(documentId).flatMap((p) => p.runs);
    // All but the body's final newline, which no range touches (the API guards that character).
    const last = runs[runs.length - 1]!;
    expect(last.text.endsWith('\n')).toBe(true);
    for (const r of runs.slice(0, -1))
      expect(r.style['weightedFontFamily']).toEqual({ fontFamily: LETTER_FONT });
    if (last.text !== '\n') expect(last.style['weightedFontFamily']).toEqual({ fontFamily: LETTER_FONT });
    const highlighted = runs.filter((r) => r.style['backgroundColor'] !== undefined);
    expect(highlighted.length).toBeGreaterThan(0);
    for (const r of highlighted) {
      expect(r.text.startsWith(MARK_OPEN)).toBe(true);
      expect(r.style['backgroundColor']).toEqual({ color: { rgbColor: MARK_COLOR } });
    }
    // Every marked character is highlighted: the ⟦ count equals the highlighted runs' ⟦ count.
    const allText = runs.map((r) => r.text).join('');
    const markCount = (s: string) => s.split(MARK_OPEN).length - 1;
    expect(markCount(highlighted.map((r) => r.text).join(''))).toBe(markCount(allText));
    const heading = runs.find((r) => r.text.startsWith('Patient Care.'));
    expect(heading?.style['bold']).toBe(true);
    const after = runs[runs.indexOf(heading!) + 1];
    expect(after?.style['bold']).toBe(false);
  });

  it('handles text with emoji (surrogate pairs) and diacritics at the right indices', () => {
    for (const name of ['hannah-kowalczyk', 'jose-nunez-overgaard']) {
      const { model, docs, documentId } = build(name);
      expect(docs.getText(documentId)).toBe(model.text);
    }
  });

  it('is one batch: every request is valid in order, and none is an unsupported kind', () => {
    const { requests, docs } = build('aisha-rahman');
    expect(docs.calls.batchUpdate).toBe(1);
    expect(requests[0]).toHaveProperty('insertText');
  });
});
