/**
 * `cead google check ORDER` and `cead google pdf ORDER`: one order's draft Doc, checked and exported as
 * the sidebar does it (src/gas/sidebar-server.ts, `checkLetter` and `exportPdf`), from a terminal.
 *
 * The check is the core's, on the Doc's text, with the order's answers from the Responses sheet, the
 * other orders' candidate names and today's date in the team's time zone. The PDF is Drive's export of
 * the Doc (`files.export`), refused as the sidebar refuses it: while the check reports an error, or over
 * the ERAS limit of 1 MB; a Doc not on US Letter pages is set to it first, as the sidebar does.
 *
 * Neither takes the lease: they read the tracker and write nothing to it (the PDF goes to a local file,
 * and the order keeps no link to it, unlike the sidebar's PDF in Drive).
 */
import { blockingProblems, parseAnswerRecord } from '../../core/answers';
import { check, type Finding } from '../../core/check';
import { ERAS_MAX_BYTES, erasPdfName, isUsLetter, US_LETTER_REQUEST } from '../../core/eras-pdf';
import type { Order } from '../../core/orders';
import { bodyText, type DocsDocument } from '../../gas/doc-writer';
import type { openOffice } from './google-office';
import type { GoogleTransport } from './google-transport';

type Office = ReturnType<typeof openOffice>;

/** The order cannot be checked at all (unknown, no draft, no answers): the command's exit status 2. */
export class OrderUnusable extends Error {}

/** The order can be checked, but the PDF is refused (check errors, too large): exit status 1. */
export class PdfRefused extends Error {}

export interface OrderCheck {
  readonly order: Order;
  readonly text: string;
  readonly findings: readonly Finding[];
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  /** The Doc as read for the check (its revision and page size, for the export). */
  readonly doc: DocsDocument & { readonly documentStyle?: PageStyle };
}

interface PageStyle {
  readonly pageSize?: { readonly width?: { magnitude?: number }; readonly height?: { magnitude?: number } };
}

function answersOf(office: Office, order: Order, locale: Parameters<typeof parseAnswerRecord>[1]) {
  const raw = office.deps.raw.get(order.responseId, order.submitted);
  if (!raw)
    throw new OrderUnusable(`The candidate’s answers for ${order.orderId} are not in the Responses sheet.`);
  const parsed = parseAnswerRecord(raw, locale);
  if (blockingProblems(parsed.problems).length > 0 && Object.keys(parsed.answers).length === 0)
    throw new OrderUnusable(`The candidate’s answers for ${order.orderId} cannot be read.`);
  return parsed.answers;
}

export function checkOrder(office: Office, orderId: string): OrderCheck {
  const settings = office.settings.read().settings;
  const { orders } = office.deps.orders.readAll();
  const order = orders.find((o) => o.orderId === orderId);
  if (!order) throw new OrderUnusable(`No order ${orderId} in the tracker.`);
  if (!order.docId) throw new OrderUnusable(`${orderId} has no draft yet (status ${order.status}).`);
  const answers = answersOf(office, order, { locale: settings.dateLocale });
  const doc = office.docs.Documents.get(order.docId) as OrderCheck['doc'];
  const text = bodyText(doc);
  const findings = check(text, answers, {
    otherCandidateNames: orders.filter((o) => o !== order && o.candidate !== '').map((o) => o.candidate),
    letterDate: office.deps.clock.localDate(office.deps.clock.now(), settings.timeZone),
  });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { order, text, findings, counts, doc };
}

export interface OrderPdf {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Whether the Doc's pages were set to US Letter first. */
  readonly resized: boolean;
}

/** The letter's PDF, or on a dry run only its name (`bytes` empty): what would be written, nothing sent. */
export function orderPdf(office: Office, t: GoogleTransport, orderId: string, dryRun = false): OrderPdf {
  const checked = checkOrder(office, orderId);
  const n = checked.counts.error;
  if (n > 0)
    throw new PdfRefused(
      `The letter check reports ${n} error${n === 1 ? '' : 's'}; fix ${n === 1 ? 'it' : 'them'} before exporting.`,
    );
  const { order, doc } = checked;
  const size = doc.documentStyle?.pageSize;
  const resized = !isUsLetter({ width: size?.width?.magnitude ?? 0, height: size?.height?.magnitude ?? 0 });
  const name = erasPdfName(order.candidate, order.recommender, order.orderId);
  if (dryRun) return { name, bytes: new Uint8Array(), resized };
  if (resized) office.docs.Documents.batchUpdate({ requests: [US_LETTER_REQUEST] }, order.docId);
  const bytes = t.call<Uint8Array>(
    'drive',
    'files.export',
    { fileId: order.docId, mimeType: 'application/pdf' },
    true,
  );
  if (bytes.length > ERAS_MAX_BYTES)
    throw new PdfRefused(
      `The PDF is ${Math.ceil(bytes.length / 1000)} KB, over the ERAS limit of 1 MB; remove images from the letter and export again.`,
    );
  return { name, bytes, resized };
}
