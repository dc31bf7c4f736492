/**
 * The .docx opened by a real reader: LibreOffice converts every example letter and summary to PDF (page
 * counts) and back to .docx (comments survive). Conversions are batched into two soffice calls, each with
 * its own profile directory so parallel test runs do not collide.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { composeLetter } from '../../src/core/letter/compose';
import type { DocumentModel } from '../../src/core/letter/model';
import { composeSummary } from '../../src/core/letter/summary';
import { documentDocx } from '../../src/node/docx-letter';
import { exampleAnswers, exampleNames } from '../examples/example-answers';

const names = exampleNames();
const work = mkdtempSync(join(tmpdir(), 'cead-docx-'));
const models = new Map<string, DocumentModel>();

function soffice(args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', ...args], {
    cwd: work,
    stdio: 'pipe',
    timeout: 120_000,
  });
}

function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

async function part(docx: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(docx));
  return (await zip.file(name)?.async('string')) ?? '';
}

const count = (xml: string, tag: string) => (xml.match(new RegExp(`<${tag}[ >/]`, 'g')) ?? []).length;
const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of each comment, in document order. */
function commentTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:comment [\s\S]*?<\/w:comment>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(''),
  );
}

beforeAll(async () => {
  const files: string[] = [];
  for (const name of names) {
    const letter = composeLetter(exampleAnswers(name));
    const summary = composeSummary(exampleAnswers(name));
    models.set(`${name}-letter`, letter);
    models.set(`${name}-summary`, summary);
    for (const [kind, model] of [
      ['letter', letter],
      ['summary', summary],
    ] as const) {
      const file = `${name}-${kind}.docx`;
      writeFileSync(join(work, file), documentDocx(model, { date: new Date('2026-11-26T12:00:00Z') }));
      files.push(file);
    }
  }
  soffice(['--convert-to', 'pdf', '--outdir', join(work, 'pdf'), ...files]);
  soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(work, 'roundtrip'), ...files]);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('letter .docx through LibreOffice', () => {
  it.each(names)('%s: the letter is one or two US Letter pages', (name) => {
    const pdf = join(work, 'pdf', `${name}-letter.pdf`);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(
      /Page size:\s+612 x 792 pts \(letter\)/,
    );
  });

  it.each(names)('%s: the summary is one page', (name) => {
    expect(pageCount(join(work, 'pdf', `${name}-summary.pdf`))).toBe(1);
  });

  it.each(names)(
    '%s: every open question is a comment anchored on its passage, before and after a round trip',
    async (name) => {
      const model = models.get(`${name}-letter`)!;
      for (const file of [
        join(work, `${name}-letter.docx`),
        join(work, 'roundtrip', `${name}-letter.docx`),
      ]) {
        const comments = await part(file, 'word/comments.xml');
        const document = await part(file, 'word/document.xml');
        expect(count(comments, 'w:comment')).toBe(model.openQuestions.length);
        expect(count(document, 'w:commentRangeStart')).toBe(model.openQuestions.length);
        expect(count(document, 'w:commentRangeEnd')).toBe(model.openQuestions.length);
        expect(commentTexts(comments).sort()).toEqual(model.openQuestions.map((q) => q.question).sort());
      }
    },
  );

  it('sets US Letter with 1-inch margins and the letter font in the .docx', async () => {
    const document = await part(join(work, 'rosa-delgado-letter.docx'), 'word/document.xml');
    expect(document).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(document).toMatch(/<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/);
    expect(document).toContain('w:ascii="Times New Roman"');
  });

  it('anchors the comparison comment exactly on the comparison sentence', async () => {
    const model = models.get('rosa-delgado-letter')!;
    const id = model.openQuestions.findIndex((q) => q.kind === 'comparison');
    const document = await part(join(work, 'rosa-delgado-letter.docx'), 'word/document.xml');
    const anchored = new RegExp(
      `<w:commentRangeStart w:id="${id}"/>([\\s\\S]*?)<w:commentRangeEnd w:id="${id}"/>`,
    ).exec(document)?.[1];
    const text = (anchored ?? '').replace(/<[^>]+>/g, '');
    expect(text).toBe(model.openQuestions[id]!.quote);
  });
});
