import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { markdownToText, readLetter, UnreadableLetter } from '../../src/node/letter-readers';

const dir = mkdtempSync(join(tmpdir(), 'cead-readers-'));

describe('markdownToText', () => {
  it('removes markup, keeps what a reader sees, and maps each character back', () => {
    const md =
      '# Dear Program Director\n\n**Patient Care.** Dr. *Delgado* saw [the patient](http://x.test).\n- one `item`\n<!-- a\nnote -->\n> quoted';
    const { text, offsets } = markdownToText(md);
    expect(text).toBe(
      'Dear Program Director\n\nPatient Care. Dr. Delgado saw the patient.\none item\n\nquoted',
    );
    expect(offsets).toHaveLength(text.length);
    for (let i = 0; i < text.length; i++) expect(md[offsets[i]!]).toBe(text[i]);
  });
  it('keeps placeholders, snake_case and blanks', () => {
    expect(markdownToText('Dear [Name], {{first_name}} ____ _emphasis_').text).toBe(
      'Dear [Name], {{first_name}} ____ emphasis',
    );
  });
});

describe('readLetter', () => {
  it('reads a .docx with paragraphs joined by line breaks', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Dear Program Director:')] }),
            new Paragraph({
              children: [
                new TextRun({ text: 'Patient Care.', bold: true }),
                new TextRun(' Dr. Delgado excelled.'),
              ],
            }),
          ],
        },
      ],
    });
    const path = join(dir, 'letter.docx');
    writeFileSync(path, await Packer.toBuffer(doc));
    const letter = await readLetter(path);
    expect(letter.format).toBe('docx');
    expect(letter.text).toBe('Dear Program Director:\nPatient Care. Dr. Delgado excelled.');
  });
  it('reads .txt with CRLF and a BOM as plain lines', async () => {
    const path = join(dir, 'letter.txt');
    writeFileSync(path, '\uFEFFDear Program Director:\r\nThank you.\r\n');
    expect((await readLetter(path)).text).toBe('Dear Program Director:\nThank you.\n');
  });
  it('refuses what it cannot read', async () => {
    const fake = join(dir, 'fake.docx');
    writeFileSync(fake, 'not a zip');
    await expect(readLetter(fake)).rejects.toBeInstanceOf(UnreadableLetter);
    await expect(readLetter(join(dir, 'missing.txt'))).rejects.toThrow(/no such file/);
    await expect(readLetter(join(dir, 'letter.pdf'))).rejects.toThrow(/not a .docx, .txt or .md/);
  });
});
