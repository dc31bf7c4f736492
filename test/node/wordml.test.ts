/**
 * The hand-written WordprocessingML package (wordml.ts, docx-letter.ts): every part well-formed, the
 * properties in the schema's order, text that `w:t` cannot hold written as Word writes it, and the same
 * bytes for the same letter. LibreOffice reading the files is docx-letter.test.ts.
 */
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { composeLetter } from '../../src/core/letter/compose';
import { createDocumentModel } from '../../src/core/letter/model';
import { documentDocx } from '../../src/node/docx-letter';
import { paragraphXml, runXml, xmlText } from '../../src/node/wordml';
import { exampleAnswers } from '../examples/example-answers';

const decoder = new TextDecoder();
const date = new Date('2026-11-26T12:00:00Z');

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([name, data]) => [name, decoder.decode(data)]),
  );
}

function parseErrors(xml: string): string[] {
  const errors: string[] = [];
  new DOMParser({
    errorHandler: (level: string, message: unknown) => {
      if (level !== 'warning') errors.push(String(message));
    },
  }).parseFromString(xml, 'text/xml');
  return errors;
}

describe('the .docx package', () => {
  const letter = composeLetter(exampleAnswers('rosa-delgado'), { letterDate: '2026-11-25' });

  it('holds every part Word needs, each well-formed XML, the content types first', () => {
    const files = parts(documentDocx(letter, { date }));
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    for (const name of [
      '_rels/.rels',
      'word/document.xml',
      'word/_rels/document.xml.rels',
      'word/styles.xml',
      'word/numbering.xml',
      'word/settings.xml',
      'word/comments.xml',
      'docProps/core.xml',
    ]) {
      expect(files[name]).toBeDefined();
    }
    for (const [name, xml] of Object.entries(files)) expect([name, parseErrors(xml)]).toEqual([name, []]);
  });

  it('gives the same bytes for the same letter and date, and different ones for another date', () => {
    const once = documentDocx(letter, { date });
    expect(documentDocx(letter, { date }).equals(once)).toBe(true);
    expect(documentDocx(letter, { date: new Date('2026-11-27T12:00:00Z') }).equals(once)).toBe(false);
  });

  it('dates the comments and the document properties to the second', () => {
    const files = parts(documentDocx(letter, { date }));
    expect(files['word/comments.xml']).toContain('w:date="2026-11-26T12:00:00Z"');
    expect(files['docProps/core.xml']).toContain('>2026-11-26T12:00:00Z</dcterms:created>');
  });

  it('escapes markup in the title and the text, and drops what XML forbids', () => {
    const model = createDocumentModel(
      'letter',
      'A <b> & "C"',
      [
        {
          sectionId: 'opening',
          answerIds: [],
          paragraphs: [{ role: 'body', runs: [{ text: 'x < y & z\u0001' }] }],
        },
      ],
      [],
    );
    const files = parts(documentDocx(model, { date }));
    expect(files['docProps/core.xml']).toContain('<dc:title>A &lt;b&gt; &amp; &quot;C&quot;</dc:title>');
    expect(files['word/document.xml']).toContain('>x &lt; y &amp; z\uFFFD</w:t>');
    expect(parseErrors(files['word/document.xml']!)).toEqual([]);
  });
});

describe('runs and paragraphs', () => {
  const look = { font: 'Times New Roman', halfPoints: 22 };

  it('writes a tab as w:tab and a line break as w:br, never inside w:t', () => {
    expect(runXml('a\tb\nc', look)).toContain(
      '<w:t xml:space="preserve">a</w:t><w:tab/><w:t xml:space="preserve">b</w:t><w:br/><w:t xml:space="preserve">c</w:t>',
    );
  });

  it('writes nothing for an empty run', () => {
    expect(runXml('', look)).toBe('');
  });

  it('orders run properties as CT_RPr does: fonts, bold, italic, size, highlight', () => {
    const xml = runXml('x', { ...look, bold: true, italic: true, highlight: true });
    const order = ['<w:rFonts', '<w:b/>', '<w:i/>', '<w:sz ', '<w:highlight'].map((tag) => xml.indexOf(tag));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('orders paragraph properties as CT_PPrBase does: keepNext, numPr, spacing', () => {
    const xml = paragraphXml({ before: 0, after: 60, keepNext: true, bullet: true }, '');
    const order = ['<w:keepNext/>', '<w:numPr>', '<w:spacing '].map((tag) => xml.indexOf(tag));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('escapes the characters markup uses', () => {
    expect(xmlText('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});
