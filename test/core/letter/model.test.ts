import {
  createDocumentModel,
  letterPlainText,
  markedRun,
  modelParagraphs,
} from '../../../src/core/letter/model';

const blocks = [
  {
    sectionId: 'a',
    answerIds: [],
    paragraphs: [
      { role: 'body' as const, runs: [{ text: 'First 👶 line' }] },
      { role: 'body' as const, runs: [{ text: 'Second ' }, markedRun('x')] },
    ],
  },
  { sectionId: 'b', answerIds: [], paragraphs: [{ role: 'body' as const, runs: [{ text: 'Third' }] }] },
];

describe('createDocumentModel', () => {
  it('joins paragraphs with newlines, one after each, and records UTF-16 offsets', () => {
    const model = createDocumentModel('letter', 'T', blocks, []);
    expect(letterPlainText(model)).toBe('First 👶 line\nSecond ⟦x⟧\nThird\n');
    expect(model.blocks.map((b) => b.range)).toEqual([
      { start: 0, end: 25 },
      { start: 25, end: 31 },
    ]);
    expect(model.blocks[0]!.paragraphRanges).toEqual([
      { start: 0, end: 13 },
      { start: 14, end: 24 },
    ]);
    expect(modelParagraphs(model).map((p) => p.sectionId)).toEqual(['a', 'a', 'b']);
  });

  it('places open questions on their quote, in their own block, with stable ids', () => {
    const model = createDocumentModel('letter', 'T', blocks, [
      { sectionId: 'b', quote: 'hird', question: '?', kind: 'check' },
      { sectionId: 'a', quote: '⟦x⟧', question: '?', kind: 'missing' },
      { sectionId: 'a', quote: 'line', question: '?', kind: 'style' },
    ]);
    expect(model.openQuestions.map((q) => [q.id, q.range, q.paragraphIndex])).toEqual([
      ['b-1', { start: 26, end: 30 }, 2],
      ['a-1', { start: 21, end: 24 }, 1],
      ['a-2', { start: 9, end: 13 }, 0],
    ]);
  });

  it('refuses a quote that is not in its block (a composer bug, not input)', () => {
    expect(() =>
      createDocumentModel('letter', 'T', blocks, [
        { sectionId: 'b', quote: 'First', question: '', kind: 'check' },
      ]),
    ).toThrow(/quote not found/);
    expect(() =>
      createDocumentModel(
        'letter',
        'T',
        [{ sectionId: 'a', answerIds: [], paragraphs: [{ role: 'body', runs: [{ text: 'a\nb' }] }] }],
        [],
      ),
    ).toThrow(/newline/);
  });
});
