/**
 * `cead google check ORDER` and `cead google pdf ORDER [--out DIR]`: the report of one order's letter, as
 * `cead check` words its findings, with the exit statuses of the other commands: 0 done, 1 error
 * findings (check) or a refused PDF, 2 an order that cannot be used (unknown, no draft, no answers).
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-file';
import { checkOrder, OrderUnusable, orderPdf, PdfRefused } from '../google/google-letter';
import type { openOffice } from '../google/google-office';
import type { GoogleTransport } from '../google/google-transport';
import { EXIT, type Io, UsageError } from '../io';
import { formatFindings } from './check';

type Office = ReturnType<typeof openOffice>;

export interface LetterRun {
  readonly office: Office;
  readonly t: GoogleTransport;
  readonly orderId: string;
  readonly json: boolean;
  readonly dryRun: boolean;
  /** pdf: the folder the PDF goes to (absolute). */
  readonly outDir: string;
}

function checkReport(run: LetterRun, io: Io): number {
  const c = checkOrder(run.office, run.orderId);
  if (run.json) {
    const { order, findings, counts } = c;
    const report = { command: 'check', orderId: order.orderId, docId: order.docId, status: order.status };
    io.out(`${JSON.stringify({ ...report, counts, findings, requests: run.t.requests() })}\n`);
  } else {
    const letter = { format: 'txt' as const, text: c.text, source: c.text, sourceOffset: (o: number) => o };
    io.out(formatFindings(c.findings, letter, run.orderId));
  }
  return c.counts.error > 0 ? EXIT.problems : EXIT.ok;
}

function pdfReport(run: LetterRun, io: Io): number {
  let pdf: ReturnType<typeof orderPdf>;
  try {
    pdf = orderPdf(run.office, run.t, run.orderId, run.dryRun);
  } catch (e) {
    if (!(e instanceof PdfRefused)) throw e;
    const report = { command: 'pdf', orderId: run.orderId, refused: e.message, requests: run.t.requests() };
    io.out(run.json ? `${JSON.stringify(report)}\n` : `${run.orderId}: ${e.message}\n`);
    return EXIT.problems;
  }
  const file = join(run.outDir, pdf.name);
  if (!run.dryRun) writeFileAtomic(file, pdf.bytes);
  const { dryRun } = run;
  if (run.json) {
    const report = { command: 'pdf', dryRun, orderId: run.orderId, file, bytes: pdf.bytes.length };
    io.out(`${JSON.stringify({ ...report, resized: pdf.resized, requests: run.t.requests() })}\n`);
  } else {
    const resized = pdf.resized ? ' (its pages set to US Letter first)' : '';
    io.out(
      dryRun
        ? `Would write ${file}${pdf.resized ? ', setting the Doc to US Letter pages first' : ''}.\n`
        : `Wrote ${file}, ${Math.ceil(pdf.bytes.length / 1000)} KB${resized}.\n`,
    );
  }
  return EXIT.ok;
}

export function runLetterCommand(sub: 'check' | 'pdf', run: LetterRun, io: Io): number {
  try {
    return sub === 'check' ? checkReport(run, io) : pdfReport(run, io);
  } catch (e) {
    if (e instanceof OrderUnusable) throw new UsageError(e.message);
    throw e;
  }
}
