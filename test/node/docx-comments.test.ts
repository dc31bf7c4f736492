/** Comment threads as Word writes them: replies linked by w15:paraIdParent, resolution by w15:done. */
import JSZip from 'jszip';
import { DocxError, readDocxThreads } from '../../src/node/docx-comments';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
const W15 = 'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"';

const comment = (id: number, author: string, date: string, paraId: string, ...paragraphs: string[]) =>
  `<w:comment w:id="${id}" w:author="${author}" w:date="${date}" w:initials="X">` +
  paragraphs
    .map(
      (p, i) =>
        `<w:p${i === paragraphs.length - 1 ? ` w14:paraId="${paraId}"` : ''}><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`,
    )
    .join('') +
  '</w:comment>';

async function wordDocx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document ${W}><w:body>` +
      '<w:p><w:r><w:t>I supervised </w:t></w:r><w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/>' +
      '<w:r><w:t>Dr. Delgado</w:t></w:r><w:r><w:tab/><w:t>for four</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>weeks</w:t></w:r><w:commentRangeEnd w:id="0"/><w:commentRangeEnd w:id="1"/>' +
      '<w:r><w:commentReference w:id="0"/></w:r><w:r><w:commentReference w:id="1"/></w:r>' +
      '<w:r><w:delText>deleted words</w:delText></w:r>' +
      '<w:commentRangeStart w:id="2"/><w:r><w:t>She was good.</w:t></w:r><w:commentRangeEnd w:id="2"/>' +
      '<w:r><w:commentReference w:id="2"/></w:r><w:r><w:commentReference w:id="3"/></w:r></w:p>' +
      '</w:body></w:document>',
  );
  zip.file(
    'word/comments.xml',
    `<?xml version="1.0"?><w:comments ${W} ${W14}>` +
      comment(
        0,
        'Ana Writer',
        '2026-04-01T10:00:00Z',
        '1A000000',
        '[CEAD s2-w1] Is this right?',
        'Two lines.',
      ) +
      comment(1, 'Rosa Delgado', '2026-04-02T10:00:00Z', '1B000000', 'Yes, it is.') +
      comment(2, 'Ben Reviewer', '2026-04-01T09:00:00Z', '1C000000', 'Stronger word?') +
      comment(3, 'Ana Writer', '2026-04-02T11:00:00Z', '1D000000', 'Done, thanks.') +
      '</w:comments>',
  );
  zip.file(
    'word/commentsExtended.xml',
    `<?xml version="1.0"?><w15:commentsEx ${W15}>` +
      '<w15:commentEx w15:paraId="1A000000" w15:done="0"/>' +
      '<w15:commentEx w15:paraId="1B000000" w15:paraIdParent="1A000000" w15:done="0"/>' +
      '<w15:commentEx w15:paraId="1C000000" w15:done="1"/>' +
      '<w15:commentEx w15:paraId="1D000000" w15:paraIdParent="1C000000" w15:done="0"/>' +
      '</w15:commentsEx>',
  );
  return zip.generateAsync({ type: 'uint8array' });
}

describe('readDocxThreads', () => {
  it('links replies by paraIdParent, reads resolution and the commented passage', async () => {
    const threads = await readDocxThreads(await wordDocx());
    expect(threads).toEqual([
      {
        id: '0',
        author: { name: 'Ana Writer' },
        time: '2026-04-01T10:00:00Z',
        text: '[CEAD s2-w1] Is this right?\nTwo lines.',
        quoted: 'Dr. Delgado for four weeks',
        anchored: true,
        resolved: false,
        replies: [
          { id: '1', author: { name: 'Rosa Delgado' }, time: '2026-04-02T10:00:00Z', text: 'Yes, it is.' },
        ],
      },
      {
        id: '2',
        author: { name: 'Ben Reviewer' },
        time: '2026-04-01T09:00:00Z',
        text: 'Stronger word?',
        quoted: 'She was good.',
        anchored: true,
        resolved: true,
        replies: [
          { id: '3', author: { name: 'Ana Writer' }, time: '2026-04-02T11:00:00Z', text: 'Done, thanks.' },
        ],
      },
    ]);
  });

  it('finds no threads in a document without comments, and refuses what is not a .docx', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document ${W}><w:body/></w:document>`);
    expect(await readDocxThreads(await zip.generateAsync({ type: 'uint8array' }))).toEqual([]);
    await expect(readDocxThreads(new TextEncoder().encode('plain text'))).rejects.toBeInstanceOf(DocxError);
    const noDoc = new JSZip();
    noDoc.file('content.xml', '<x/>');
    await expect(readDocxThreads(await noDoc.generateAsync({ type: 'uint8array' }))).rejects.toThrow(
      'not a .docx file (no word/document.xml)',
    );
  });

  it('refuses malformed comment XML instead of guessing', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document ${W}><w:body/></w:document>`);
    zip.file('word/comments.xml', `<w:comments ${W}><w:comment w:id="0">`);
    await expect(readDocxThreads(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(
      'word/comments.xml is not well-formed XML',
    );
  });
});
