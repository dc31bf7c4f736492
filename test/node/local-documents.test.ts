import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parseAnswersJson } from '../../src/core/answers';
import { composeLetter } from '../../src/core/letter/compose';
import { composeSummary } from '../../src/core/letter/summary';
import { orderIdFor } from '../../src/core/orders';
import { readDocxThreads } from '../../src/node/docx-comments';
import { localClock } from '../../src/node/local-clock';
import {
  applyTextRequests,
  LocalComments,
  LocalDocuments,
  renderOrderFiles,
  withThreadsAsComments,
} from '../../src/node/local-documents';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cead-docs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const clock = localClock(() => new Date('2026-11-25T15:00:00Z'));
const answers = parseAnswersJson(
  JSON.parse(readFileSync(join(__dirname, '../../examples/answers/rosa-delgado.json'), 'utf8')),
).answers;
const letter = composeLetter(answers, { letterDate: '2026-11-25' });
const id = orderIdFor('resp-1');

describe('applyTextRequests', () => {
  it('applies inserts and deletes at Docs indices (1-based) and ignores styles', () => {
    const text = applyTextRequests('', [
      { insertText: { location: { index: 1 }, text: 'Dear Director:\nBody' } },
      {
        updateTextStyle: { range: { startIndex: 1, endIndex: 5 }, textStyle: { bold: true }, fields: 'bold' },
      },
      { insertText: { endOfSegmentLocation: {}, text: '.' } },
      { deleteContentRange: { range: { startIndex: 1, endIndex: 6 } } },
    ]);
    expect(text).toBe('Director:\nBody.');
    expect(() => applyTextRequests('ab', [{ insertText: { location: { index: 9 }, text: 'x' } }])).toThrow(
      /outside/,
    );
  });
});

describe('LocalDocuments and LocalComments', () => {
  async function rendered() {
    const docs = new LocalDocuments(dir);
    const comments = new LocalComments(dir, docs, clock);
    const ref = docs.create(id, 'Draft', 'hash-1');
    const text = letter.text.replace(/\n$/, '');
    docs.write(ref.id, [{ insertText: { location: { index: 1 }, text } }]);
    comments.post(
      ref.id,
      `[CEAD s1-q1] ${letter.openQuestions[0]!.question}`,
      letter.openQuestions[0]!.quote,
    );
    comments.post(ref.id, '[CEAD s1-f1] Please help us check this passage.', 'Dear Program Director:');
    expect(docs.takeWritten()).toEqual([id]);
    const files = await renderOrderFiles(
      dir,
      id,
      letter,
      composeSummary(answers),
      comments.list(id),
      { checkedAt: 'now', findings: [] },
      new Date('2026-11-25T15:00:00Z'),
    );
    docs.markRendered(id, files.letterBytes);
    return { docs, comments, text, path: join(dir, 'orders', id, 'letter.docx') };
  }

  it('keeps the text CEAD wrote and renders its threads as anchored Word comments', async () => {
    const { docs, text, path } = await rendered();
    expect(docs.findByOrder(id)).toEqual({ id, url: `orders/${id}/letter.docx`, letterHash: 'hash-1' });
    expect(docs.text(id)).toBe(text);
    expect(docs.isEdited(id)).toBe(false);
    const threads = await readDocxThreads(readFileSync(path));
    expect(threads.map((t) => [t.text.slice(0, 12), t.quoted])).toEqual([
      ['[CEAD s1-q1]', letter.openQuestions[0]!.quote],
      ['[CEAD s1-f1]', 'Dear Program Director:'],
    ]);
  });

  it('takes a letter.docx changed outside CEAD as edited, and answers with its own text and threads', async () => {
    const { path } = await rendered();
    const zip = await JSZip.loadAsync(readFileSync(path));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(
      'Dear Program Director:',
      'Dear Colleagues:',
    );
    zip.file('word/document.xml', xml);
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));

    const docs = new LocalDocuments(dir);
    const comments = new LocalComments(dir, docs, clock);
    expect(docs.isEdited(id)).toBe(true);
    expect(() => docs.text(id)).toThrow(/edited and has not been read/);
    expect(await docs.prefetchEdited([id])).toEqual([id]);
    expect(docs.text(id)).toContain('Dear Colleagues:');
    comments.post(id, '[CEAD answers edited 2026-11-26] The candidate edited their answers.');
    const listed = comments.list(id);
    expect(listed.map((t) => t.text.slice(0, 13))).toEqual([
      '[CEAD s1-q1] ',
      '[CEAD s1-f1] ',
      '[CEAD answers',
    ]);
  });

  it('anchors a thread whose passage is gone on the first paragraph, and leaves resolved threads out', () => {
    const model = withThreadsAsComments(letter, [
      {
        id: 'c1',
        author: { name: 'CEAD' },
        time: '',
        text: 'Gone',
        quoted: 'no such passage',
        anchored: true,
        resolved: false,
        replies: [],
      },
      {
        id: 'c2',
        author: { name: 'CEAD' },
        time: '',
        text: 'Done',
        anchored: false,
        resolved: true,
        replies: [],
      },
    ]);
    expect(model.openQuestions).toHaveLength(1);
    expect(model.openQuestions[0]).toMatchObject({
      question: 'Gone',
      paragraphIndex: 0,
      range: { start: 0 },
    });
  });
});
