/**
 * `cead google check ORDER` and `cead google pdf ORDER` against the REST emulator: the check is the core's
 * on the draft Doc's text with the order's answers (the same findings as checking the letter intake
 * wrote), the PDF is Drive's export of the Doc, refused while the check reports an error, and an order
 * that cannot be used is exit status 2.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAnswerRecord } from '../../../src/core/answers';
import { check } from '../../../src/core/check';
import { orderIdFor } from '../../../src/core/orders';
import { restDocs } from '../../../src/node/google/rest-services';
import { UsageError } from '../../../src/node/io';
import { expectedDraft, GoogleHarness, RAW } from './google-harness';

const h = new GoogleHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

/** A synced submission: its order ID and the Doc intake made. */
async function drafted(): Promise<{ orderId: string; docId: string; responseId: string }> {
  await h.fresh();
  await h.cead('setup');
  const responseId = await h.submit();
  await h.cead('sync');
  const docs = await h.drafts();
  return { orderId: orderIdFor(responseId), docId: docs[0]?.id ?? '', responseId };
}

type Found = { code: string; severity: string; start: number; end: number };

/** The draft with every error finding's passage replaced by a sentence: what a writer does before export. */
async function fixErrors(docId: string, findings: readonly Found[]): Promise<void> {
  const docs = restDocs(h.transport());
  // From the end, so the earlier offsets still hold; Doc indices are the text's offsets plus one.
  const errors = findings.filter((f) => f.severity === 'error').sort((a, b) => b.start - a.start);
  const requests = errors.flatMap((f) => [
    { deleteContentRange: { range: { startIndex: f.start + 1, endIndex: f.end + 1 } } },
    {
      insertText: {
        location: { index: f.start + 1 },
        text: 'Among the students I have supervised in ten years, she ranks in the top ten percent.',
      },
    },
  ]);
  docs.Documents.batchUpdate({ requests }, docId);
}

describe('cead google check', () => {
  it('reports the findings of the core check on the draft, and exits 1 on an error finding', async () => {
    const { orderId, responseId } = await drafted();
    const run = await h.cead('check', orderId);
    const expected = expectedDraft(responseId);
    const answers = parseAnswerRecord(RAW).answers;
    const findings = check(expected.text, answers, { otherCandidateNames: [], letterDate: '2026-11-30' });
    expect(findings.some((f) => f.severity === 'error')).toBe(true);
    expect(run.code).toBe(1);
    expect(run.json['findings']).toEqual(JSON.parse(JSON.stringify(findings)));
    expect(run.json['counts']).toEqual({
      error: findings.filter((f) => f.severity === 'error').length,
      warning: findings.filter((f) => f.severity === 'warning').length,
      info: findings.filter((f) => f.severity === 'info').length,
    });
    // The tracker read, the response's raw answers, the Doc: reads only.
    expect(run.calls.map((c) => c.method).sort()).toEqual([
      'docs.documents.get',
      'sheets.spreadsheets.values.batchGet',
      'sheets.spreadsheets.values.batchGet',
    ]);
  });

  it('exits 0 once the writer fixed the errors', async () => {
    const { orderId, docId } = await drafted();
    await fixErrors(docId, (await h.cead('check', orderId)).json['findings'] as Found[]);
    const run = await h.cead('check', orderId);
    expect([run.code, (run.json['counts'] as { error: number }).error]).toEqual([0, 0]);
  });

  it('refuses an order the tracker does not have, or one without a draft, as unusable input', async () => {
    await h.fresh();
    await h.cead('setup');
    await expect(h.cead('check', 'CEAD-AAAAA-AAAAA')).rejects.toThrow(UsageError);
    await expect(h.cead('check', 'CEAD-AAAAA-AAAAA')).rejects.toThrow(
      'No order CEAD-AAAAA-AAAAA in the tracker.',
    );
    // An intake that failed before its Doc: the order is there, without a draft.
    const responseId = await h.submit();
    await h.emulator.failNth('drive.files.create', 1, { status: 403 });
    expect((await h.cead('sync')).code).toBe(1);
    await expect(h.cead('check', orderIdFor(responseId))).rejects.toThrow(
      /has no draft yet \(status ERROR\)/,
    );
    await expect(h.cead('check')).rejects.toThrow('check takes one ORDER id');
    await expect(h.cead('sync', 'CEAD-AAAAA-AAAAA')).rejects.toThrow('sync takes no ORDER');
  });
});

describe('cead google pdf', () => {
  it('refuses while the check reports an error, and exports nothing', async () => {
    const { orderId } = await drafted();
    const out = mkdtempSync(join(tmpdir(), 'cead-pdf-'));
    const run = await h.cead('pdf', orderId, '--out', out);
    expect(run.code).toBe(1);
    expect(run.json['refused']).toBe('The letter check reports 1 error; fix it before exporting.');
    expect(run.calls.map((c) => c.method)).not.toContain('drive.files.export');
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a PDF over the ERAS limit of 1 MB, and writes no file', async () => {
    const { orderId, docId } = await drafted();
    await fixErrors(docId, (await h.cead('check', orderId)).json['findings'] as Found[]);
    await h.emulator.control('imageBytes', { documentId: docId, bytes: 1_000_000 });
    const out = mkdtempSync(join(tmpdir(), 'cead-pdf-'));
    const run = await h.cead('pdf', orderId, '--out', out);
    expect(run.code).toBe(1);
    expect(run.json['refused']).toMatch(/^The PDF is 10\d\d KB, over the ERAS limit of 1 MB;/);
    expect(run.calls.map((c) => c.method)).toContain('drive.files.export');
    expect(readdirSync(out)).toEqual([]);
  });

  it('writes the exported PDF under its ERAS name, setting a Doc on A4 to US Letter first', async () => {
    const { orderId, docId } = await drafted();
    await fixErrors(docId, (await h.cead('check', orderId)).json['findings'] as Found[]);
    const a4 = { width: { magnitude: 595.3, unit: 'PT' }, height: { magnitude: 841.9, unit: 'PT' } };
    restDocs(h.transport()).Documents.batchUpdate(
      {
        requests: [{ updateDocumentStyle: { documentStyle: { pageSize: a4 }, fields: 'pageSize' } }],
      } as never,
      docId,
    );
    const out = mkdtempSync(join(tmpdir(), 'cead-pdf-'));
    const dry = await h.cead('pdf', orderId, '--out', out, '--dry-run');
    expect([dry.code, dry.json['resized']]).toEqual([0, true]);
    expect(dry.calls.map((c) => c.method)).not.toContain('drive.files.export');
    expect(readdirSync(out)).toEqual([]);

    const run = await h.cead('pdf', orderId, '--out', out);
    expect([run.code, run.json['resized']]).toEqual([0, true]);
    expect(readdirSync(out)).toEqual(['Rosa Delgado - LOR - Michael Chen, MD.pdf']);
    const file = run.json['file'] as string;
    expect(existsSync(file)).toBe(true);
    const pdf = readFileSync(file).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/MediaBox [0 0 612 792]');
    expect(pdf).toContain('she ranks in the top ten percent');
    expect(run.json['bytes']).toBe(readFileSync(file).length);
    // Exported again, the Doc is already on US Letter.
    expect((await h.cead('pdf', orderId, '--out', out)).json['resized']).toBe(false);
  });
});
