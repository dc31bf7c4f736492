import type { DocsRequest } from '../../src/core/letter/docs-requests';
import { DocsApiError, DocsEmulator, UnsupportedRequestError } from './docs-emulator';

function fresh(): { docs: DocsEmulator; id: string } {
  const docs = new DocsEmulator();
  const { documentId } = docs.create({ title: 'Test' });
  return { docs, id: documentId };
}

const insert = (index: number, text: string): DocsRequest => ({ insertText: { text, location: { index } } });

function errorOf(fn: () => unknown): DocsApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DocsApiError) return e;
    throw e;
  }
  throw new Error('expected a DocsApiError');
}

describe('DocsEmulator', () => {
  it('starts with one empty paragraph: the body text is a single newline', () => {
    const { docs, id } = fresh();
    expect(docs.getText(id)).toBe('\n');
    expect(docs.paragraphs(id)).toHaveLength(1);
  });

  it('inserts at index 1 and builds paragraphs from newlines', () => {
    const { docs, id } = fresh();
    docs.batchUpdate({ requests: [insert(1, 'Dear Program Director:\nSecond')] }, id);
    expect(docs.getText(id)).toBe('Dear Program Director:\nSecond\n');
    expect(docs.paragraphs(id).map((p) => [p.startIndex, p.endIndex])).toEqual([
      [1, 24],
      [24, 31],
    ]);
  });

  it('counts indices in UTF-16 code units (an emoji is two)', () => {
    const { docs, id } = fresh();
    docs.batchUpdate({ requests: [insert(1, '👶 ok')] }, id);
    // "👶 ok" is 5 code units; the final newline sits at index 6 and the segment ends at 7.
    expect(docs.paragraphs(id)[0]).toMatchObject({ startIndex: 1, endIndex: 7 });
    const err = errorOf(() => docs.batchUpdate({ requests: [insert(2, 'x')] }, id));
    expect(err.details).toMatch(/surrogate pair/);
  });

  it('rejects index 0, which is the section break', () => {
    const { docs, id } = fresh();
    const err = errorOf(() => docs.batchUpdate({ requests: [insert(0, 'x')] }, id));
    expect(err.code).toBe(400);
    expect(err.details).toMatch(/^Invalid requests\[0\]\.insertText: The insertion index must be inside/);
  });

  it('rejects an index past the end with the API message', () => {
    const { docs, id } = fresh();
    docs.batchUpdate({ requests: [insert(1, 'a'.repeat(40))] }, id);
    const err = errorOf(() => docs.batchUpdate({ requests: [insert(1, 'b'), insert(57, 'x')] }, id));
    expect(err.details).toBe(
      'Invalid requests[1].insertText: Index 57 must be less than the end index of the referenced segment, 43.',
    );
    expect(err.message).toContain('API call to docs.documents.batchUpdate failed with error');
  });

  it('inserts with endOfSegmentLocation before the final newline', () => {
    const { docs, id } = fresh();
    docs.batchUpdate(
      { requests: [insert(1, 'A'), { insertText: { text: 'B', endOfSegmentLocation: {} } }] },
      id,
    );
    expect(docs.getText(id)).toBe('AB\n');
  });

  it('strips control and private-use characters from inserted text', () => {
    const { docs, id } = fresh();
    docs.batchUpdate({ requests: [insert(1, 'a\r\nb\u0007c\uE000d\u000Be\tf')] }, id);
    expect(docs.getText(id)).toBe('a\nbcd\u000Be\tf\n');
  });

  it('makes the whole batch fail when any request is invalid', () => {
    const { docs, id } = fresh();
    docs.batchUpdate({ requests: [insert(1, 'kept')] }, id);
    const before = docs.get(id);
    expect(() =>
      docs.batchUpdate(
        {
          requests: [
            insert(1, 'lost '),
            { createNamedRange: { name: 'cead:x', range: { startIndex: 1, endIndex: 3 } } },
            {
              updateTextStyle: {
                range: { startIndex: 1, endIndex: 3 },
                textStyle: { bold: true },
                fields: '',
              },
            },
          ],
        },
        id,
      ),
    ).toThrow(DocsApiError);
    expect(docs.get(id)).toEqual(before);
    expect(docs.getText(id)).toBe('kept\n');
  });

  it('requires a fields mask for style updates', () => {
    const { docs, id } = fresh();
    docs.batchUpdate({ requests: [insert(1, 'text')] }, id);
    const noFields = { range: { startIndex: 1, endIndex: 3 }, textStyle: { bold: true } } as unknown as {
      range: { startIndex: number; endIndex: number };
      textStyle: { bold: boolean };
      fields: string;
    };
    const err = errorOf(() => docs.batchUpdate({ requests: [{ updateTextStyle: noFields }] }, id));
    expect(err.details).toMatch(/updateTextStyle: At least one field must be listed in 'fields'/);
    const para = errorOf(() =>
      docs.batchUpdate(
        {
          requests: [
            {
              updateParagraphStyle: {
                range: { startIndex: 1, endIndex: 2 },
                paragraphStyle: {},
                fields: ' ',
              },
            },
          ],
        },
        id,
      ),
    );
    expect(para.details).toMatch(/updateParagraphStyle: At least one field/);
    const unknown = errorOf(() =>
      docs.batchUpdate(
        {
          requests: [
            { updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: {}, fields: 'boldness' } },
          ],
        },
        id,
      ),
    );
    expect(unknown.details).toMatch(/Invalid field mask/);
  });

  it('applies only the masked fields and resets masked fields left unset', () => {
    const { docs, id } = fresh();
    docs.batchUpdate(
      {
        requests: [
          insert(1, 'abcdef'),
          {
            updateTextStyle: {
              range: { startIndex: 1, endIndex: 7 },
              textStyle: { bold: true, italic: true },
              fields: 'bold,italic',
            },
          },
          {
            updateTextStyle: {
              range: { startIndex: 1, endIndex: 4 },
              textStyle: { bold: false },
              fields: 'bold',
            },
          },
          { updateTextStyle: { range: { startIndex: 4, endIndex: 7 }, textStyle: {}, fields: 'italic' } },
        ],
      },
      id,
    );
    const runs = docs.paragraphs(id)[0]!.runs;
    expect(runs.map((r) => [r.text, r.style])).toEqual([
      ['abc', { bold: false, italic: true }],
      ['def', { bold: true }],
      ['\n', {}],
    ]);
  });

  it('gives inserted text the style of its neighbour and new paragraphs the current paragraph style', () => {
    const { docs, id } = fresh();
    docs.batchUpdate(
      {
        requests: [
          insert(1, 'Heading'),
          {
            updateTextStyle: {
              range: { startIndex: 1, endIndex: 8 },
              textStyle: { bold: true },
              fields: 'bold',
            },
          },
          {
            updateParagraphStyle: {
              range: { startIndex: 1, endIndex: 8 },
              paragraphStyle: { namedStyleType: 'HEADING_2' },
              fields: 'namedStyleType',
            },
          },
          insert(8, ' more\nnext'),
        ],
      },
      id,
    );
    const paragraphs = docs.paragraphs(id);
    expect(paragraphs.map((p) => p.text)).toEqual(['Heading more\n', 'next\n']);
    expect(paragraphs.map((p) => p.style['namedStyleType'])).toEqual(['HEADING_2', 'HEADING_2']);
    // The inserted newline took the bold of the "g" before it, so the first paragraph is one bold run.
    expect(paragraphs[0]!.runs).toEqual([{ startIndex: 1, text: 'Heading more\n', style: { bold: true } }]);
    expect(paragraphs[1]!.runs[0]).toMatchObject({ text: 'next', style: { bold: true } });
  });

  it('moves named ranges with insertions and deletions', () => {
    const { docs, id } = fresh();
    const reply = docs.batchUpdate(
      {
        requests: [
          insert(1, 'Intro\nSection text\nEnd'),
          { createNamedRange: { name: 'cead:section', range: { startIndex: 7, endIndex: 19 } } },
        ],
      },
      id,
    );
    expect(reply.replies[1]).toEqual({ createNamedRange: { namedRangeId: expect.any(String) } });
    docs.batchUpdate({ requests: [insert(1, 'New ')] }, id);
    expect(docs.namedRanges(id)[0]).toMatchObject({ startIndex: 11, endIndex: 23 });
    docs.batchUpdate({ requests: [insert(19, 'big ')] }, id);
    expect(docs.namedRanges(id)[0]).toMatchObject({ startIndex: 11, endIndex: 27 });
    const text = docs.getText(id);
    const r = docs.namedRanges(id)[0]!;
    expect(text.slice(r.startIndex - 1, r.endIndex - 1)).toBe('Section big text');
    // Deleting across the range start clips it; deleting all of it removes it.
    docs.batchUpdate({ requests: [{ deleteContentRange: { range: { startIndex: 5, endIndex: 19 } } }] }, id);
    expect(docs.getText(id)).toBe('New big text\nEnd\n');
    expect(docs.namedRanges(id)[0]).toMatchObject({ startIndex: 5, endIndex: 13 });
    docs.batchUpdate({ requests: [{ deleteContentRange: { range: { startIndex: 4, endIndex: 14 } } }] }, id);
    expect(docs.getText(id)).toBe('NewEnd\n');
    expect(docs.namedRanges(id)).toEqual([]);
  });

  it('refuses to delete the final newline or an empty range', () => {
    const { docs, id } = fresh();
    docs.batchUpdate({ requests: [insert(1, 'abc')] }, id);
    expect(
      errorOf(() =>
        docs.batchUpdate(
          { requests: [{ deleteContentRange: { range: { startIndex: 1, endIndex: 5 } } }] },
          id,
        ),
      ).details,
    ).toMatch(/newline character at the end of the segment/);
    expect(
      errorOf(() =>
        docs.batchUpdate(
          { requests: [{ deleteContentRange: { range: { startIndex: 2, endIndex: 2 } } }] },
          id,
        ),
      ).details,
    ).toMatch(/must be greater than the start index/);
  });

  it('merges paragraphs on deleting a newline, keeping the later paragraph style', () => {
    const { docs, id } = fresh();
    docs.batchUpdate(
      {
        requests: [
          insert(1, 'one\ntwo'),
          {
            updateParagraphStyle: {
              range: { startIndex: 5, endIndex: 8 },
              paragraphStyle: { alignment: 'CENTER' },
              fields: 'alignment',
            },
          },
          { deleteContentRange: { range: { startIndex: 4, endIndex: 5 } } },
        ],
      },
      id,
    );
    expect(docs.paragraphs(id).map((p) => [p.text, p.style['alignment']])).toEqual([['onetwo\n', 'CENTER']]);
  });

  it('replaces a named range content and keeps the range on the new text', () => {
    const { docs, id } = fresh();
    docs.batchUpdate(
      {
        requests: [
          insert(1, 'Before\nOld section\nAfter'),
          { createNamedRange: { name: 'cead:patientCare', range: { startIndex: 8, endIndex: 19 } } },
        ],
      },
      id,
    );
    docs.batchUpdate(
      {
        requests: [
          { replaceNamedRangeContent: { namedRangeName: 'cead:patientCare', text: 'A new, longer section' } },
        ],
      },
      id,
    );
    expect(docs.getText(id)).toBe('Before\nA new, longer section\nAfter\n');
    const r = docs.namedRanges(id)[0]!;
    expect(docs.getText(id).slice(r.startIndex - 1, r.endIndex - 1)).toBe('A new, longer section');
    expect(() =>
      docs.batchUpdate(
        { requests: [{ replaceNamedRangeContent: { namedRangeName: 'cead:none', text: 'x' } }] },
        id,
      ),
    ).toThrow(/could not be found/);
  });

  it('replaces all text, case-insensitively unless asked, and reports the count', () => {
    const { docs, id } = fresh();
    docs.batchUpdate({ requests: [insert(1, 'Dr. Smith met dr. smith.')] }, id);
    const reply = docs.batchUpdate(
      { requests: [{ replaceAllText: { containsText: { text: 'Dr. Smith' }, replaceText: 'Dr. Lee' } }] },
      id,
    );
    expect(reply.replies[0]).toEqual({ replaceAllText: { occurrencesChanged: 2 } });
    expect(docs.getText(id)).toBe('Dr. Lee met Dr. Lee.\n');
  });

  it('creates bullets, removing leading tabs as nesting', () => {
    const { docs, id } = fresh();
    docs.batchUpdate(
      {
        requests: [
          insert(1, 'a\n\tb'),
          {
            createParagraphBullets: {
              range: { startIndex: 1, endIndex: 5 },
              bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE',
            },
          },
        ],
      },
      id,
    );
    expect(docs.getText(id)).toBe('a\nb\n');
    expect(docs.paragraphs(id).map((p) => p.bullet?.nestingLevel)).toEqual([0, 1]);
  });

  it('sets the document style and reports it in get()', () => {
    const { docs, id } = fresh();
    docs.batchUpdate(
      {
        requests: [
          {
            updateDocumentStyle: {
              documentStyle: { marginTop: { magnitude: 36, unit: 'PT' } },
              fields: 'marginTop',
            },
          },
        ],
      },
      id,
    );
    expect(docs.get(id)['documentStyle']).toMatchObject({ marginTop: { magnitude: 36, unit: 'PT' } });
  });

  it('checks writeControl.requiredRevisionId', () => {
    const { docs, id } = fresh();
    const first = docs.batchUpdate({ requests: [insert(1, 'a')] }, id);
    docs.batchUpdate({ requests: [insert(1, 'b')] }, id);
    expect(() =>
      docs.batchUpdate({ requests: [insert(1, 'c')], writeControl: first.writeControl }, id),
    ).toThrow(/does not match the latest revision/);
  });

  it('counts calls and fails on demand', () => {
    const docs = new DocsEmulator();
    docs.failNext('create');
    expect(() => docs.create({ title: 'x' })).toThrow(DocsApiError);
    const { documentId } = docs.create({ title: 'x' });
    docs.get(documentId);
    expect(docs.calls).toEqual({ create: 2, get: 1, batchUpdate: 0 });
  });

  it('rejects a misspelt field as the API does, and applies nothing of the batch', () => {
    const { docs, id } = fresh();
    const misspelt = { insertText: { text: 'x', locaton: { index: 1 } } } as unknown as DocsRequest;
    const err = errorOf(() => docs.batchUpdate({ requests: [insert(1, 'kept?'), misspelt] }, id));
    expect(err.details).toBe(
      `Invalid JSON payload received. Unknown name "locaton" at 'requests[1].insert_text': Cannot find field.`,
    );
    const badRange = {
      deleteContentRange: { range: { startIndex: 1, endIndx: 2 } },
    } as unknown as DocsRequest;
    expect(errorOf(() => docs.batchUpdate({ requests: [badRange] }, id)).details).toBe(
      `Invalid JSON payload received. Unknown name "endIndx" at 'requests[0].delete_content_range.range': Cannot find field.`,
    );
    expect(docs.getText(id)).toBe('\n');
  });

  it('says so when a request kind is not emulated, instead of pretending', () => {
    const { docs, id } = fresh();
    const request = {
      insertTable: { rows: 1, columns: 1, location: { index: 1 } },
    } as unknown as DocsRequest;
    expect(() => docs.batchUpdate({ requests: [request] }, id)).toThrow(UnsupportedRequestError);
  });
});
