/**
 * Rows of the tracker spreadsheet: the Orders sheet (one row per order), the Log sheet and the Responses
 * sheet, as column lists with their header text and the mapping to and from the core's records.
 *
 * Writing and reading are not symmetric on purpose. `orderToRow` gives values for `Range.setValues`, which
 * parses strings as if typed (a leading `=` makes a formula, `2026-11-27` becomes a date): text goes through
 * `literalText`. A writer that stores cells with a type — the Node `.xlsx` writer, and the Apps Script
 * tracker, which writes through the Sheets API with `valueInputOption: 'RAW'` — uses `orderToCells` instead
 * and stores text as string cells (an apostrophe there would be kept as a visible character) and dates as
 * dates (`dateToSerial` for the Sheets API). `rowToOrder` takes a row as read: text without any apostrophe
 * Sheets hid, and dates as ISO strings or as serial numbers (the Sheets API's `UNFORMATTED_VALUE`); the core
 * has no `Date`.
 */
import { addDays, daysBetween, isIsoDate, parseDate } from './dates';
import { isOrderStatus, type Order, type OrderStatus } from './orders';
import type { IsoDate } from './questionnaire';
import { recordFrom } from './records';

/** The tracker's sheets, by role: the same names in the Google tracker and in the local tracker.xlsx. */
export const TRACKER_SHEETS = {
  orders: 'Orders',
  dashboard: 'Dashboard',
  settings: 'Settings',
  log: 'Log',
  responses: 'Responses',
} as const;

/** A value as a Sheet holds it once the shell has turned dates into ISO strings. */
export type CellValue = string | number | boolean | null | undefined;

/**
 * Makes `s` literal text for `setValues`/`appendRow`. Sheets evaluates a string that starts with `=` as a
 * formula, and spreadsheet programs treat `+`, `-`, `@`, tab and CR the same way once a file is exported
 * (CWE-1236). The same parser turns `00123`, `1e5`, `3/4`, `$5`, `(5)` or `TRUE` into numbers, dates or
 * booleans, and swallows one leading apostrophe. A leading `'` forces text in every one of these cases and
 * Sheets does not show it, so it is added whenever the first character could start any of them.
 */
export function literalText(s: string): string {
  if (s === '') return s;
  // Sheets trims spaces before it parses a number (` 0` is the number 0), so they do not protect.
  if (/^\s*[=+\-@\t\r\n'0-9.$(%,]/.test(s) || /^(true|false)$/i.test(s.trim())) return `'${s}`;
  return s;
}

/**
 * - `text`: free text, written literally;
 * - `status`: an `OrderStatus` (a drop-down in the Sheet), `''` allowed only for `heldFrom`;
 * - `date`: an `IsoDate`, written as `YYYY-MM-DD` so Sheets stores a real date for conditional formatting;
 * - `count`: a whole number; `signed` may be negative or empty (business days left);
 * - `url`: a link CEAD made (never candidate text), written as is so Sheets links it;
 * - `list`: several texts, one per line in the cell.
 */
export type ColumnKind = 'text' | 'status' | 'date' | 'count' | 'signed' | 'url' | 'list';

export interface OrderColumn {
  readonly key: keyof Order;
  readonly header: string;
  readonly kind: ColumnKind;
  /** Kept for the automation (SLA pause, ERROR retries); placed after the columns managers read. */
  readonly internal: boolean;
  /**
   * Added after trackers were already in use: a sheet without it is still read (the field reads as empty)
   * until setup, or the next local run, adds the column. Only for columns nothing decides on.
   */
  readonly added: boolean;
}

function col(
  key: keyof Order,
  header: string,
  kind: ColumnKind,
  internal = false,
  added = false,
): OrderColumn {
  return { key, header, kind, internal, added };
}

/** The Orders sheet, left to right. Header text is what the sheet shows and what `orderLayout` matches. */
export const ORDER_COLUMNS: readonly OrderColumn[] = [
  col('orderId', 'Order ID', 'text'),
  col('responseId', 'Response ID', 'text'),
  col('submitted', 'Submitted', 'text'),
  col('candidate', 'Candidate', 'text'),
  col('email', 'Email', 'text'),
  col('specialty', 'Specialty', 'text'),
  col('recommender', 'Recommender', 'text'),
  col('package', 'Package', 'text'),
  col('status', 'Status', 'status'),
  col('writer', 'Writer', 'text'),
  col('reviewer', 'Reviewer', 'text'),
  col('start', 'Start', 'date'),
  col('originalDue', 'Original due', 'date'),
  col('currentDue', 'Current due', 'date'),
  col('businessDaysLeft', 'Business days left', 'signed'),
  col('docUrl', 'Doc link', 'url'),
  col('pdfUrl', 'PDF link', 'url', false, true),
  col('openThreads', 'Open threads', 'count'),
  col('session', 'Session', 'count'),
  col('lastUpdate', 'Last update', 'text'),
  col('lastError', 'Last error', 'text'),
  col('modelRewrite', 'Model rewrite', 'text', false, true),
  col('heldFrom', 'Held from', 'status', true),
  col('pausedDays', 'Paused business days', 'count', true),
  col('pausedSince', 'Paused since', 'date', true),
  col('docId', 'Doc ID', 'text', true),
  col('errorStep', 'Error step', 'text', true),
  col('problems', 'Answer problems', 'list', true),
];

export const ORDER_HEADERS: readonly string[] = ORDER_COLUMNS.map((c) => c.header);

/**
 * Where each field sits in a sheet's row (0-based indexes), and how wide the sheet's rows are. An `added`
 * column the sheet does not have yet has index -1: it reads as empty and is not written.
 */
export interface OrderLayout {
  readonly index: { readonly [K in keyof Order]: number };
  readonly width: number;
}

export const DEFAULT_LAYOUT: OrderLayout = {
  index: Object.fromEntries(ORDER_COLUMNS.map((c, i) => [c.key, i])) as OrderLayout['index'],
  width: ORDER_COLUMNS.length,
};

function headerKey(v: CellValue): string {
  return String(v ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * Finds the columns in the Orders sheet's header row. Managers may move columns or add their own (those are
 * left alone); a missing or duplicated CEAD column is a problem, because reading the wrong cell as a status
 * or a due date would be worse than stopping.
 */
export function orderLayout(
  header: readonly CellValue[],
): { readonly layout: OrderLayout } | { readonly problems: readonly string[] } {
  const problems: string[] = [];
  const index: Partial<Record<keyof Order, number>> = {};
  for (const c of ORDER_COLUMNS) {
    const hits = header.flatMap((h, i) => (headerKey(h) === headerKey(c.header) ? [i] : []));
    if (hits.length === 0 && c.added) index[c.key] = -1;
    else if (hits.length === 0) problems.push(`The Orders sheet has no "${c.header}" column.`);
    else if (hits.length > 1) {
      problems.push(
        `The Orders sheet has ${hits.length} "${c.header}" columns (${hits.map(columnLetter).join(', ')}).`,
      );
    } else index[c.key] = hits[0]!;
  }
  if (problems.length > 0) return { problems };
  return { layout: { index: index as OrderLayout['index'], width: header.length } };
}

/** `A`, `B`, … `Z`, `AA`: how a manager finds a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Typed cell values with no spreadsheet escaping, in canonical column order (for `.xlsx` and RAW writes). */
export function orderToCells(order: Order): (string | number)[] {
  return ORDER_COLUMNS.map((c) => {
    const v = order[c.key];
    if (v === null) return '';
    if (c.kind === 'list') return (v as readonly string[]).join('\n');
    return v as string | number;
  });
}

/**
 * Values for `setValues`: text made literal. With a layout, values go to that sheet's columns and cells of
 * columns CEAD does not own keep their value from `existing` (the row as read), so a manager's own columns
 * survive a rewrite.
 */
export function orderToRow(
  order: Order,
  layout: OrderLayout = DEFAULT_LAYOUT,
  existing: readonly CellValue[] = [],
): (string | number | boolean)[] {
  const row: (string | number | boolean)[] = [];
  for (let i = 0; i < layout.width; i++) {
    const v = existing[i];
    row.push(v === null || v === undefined ? '' : v);
  }
  const cells = orderToCells(order);
  ORDER_COLUMNS.forEach((c, i) => {
    const v = cells[i]!;
    if (layout.index[c.key] < 0) return;
    row[layout.index[c.key]] =
      typeof v === 'string' && (c.kind === 'text' || c.kind === 'list') ? literalText(v) : v;
  });
  return row;
}

/** Spreadsheet day serials count from 1899-12-30 (Sheets; Excel after 1900-03-01). */
export function serialToDate(n: number): IsoDate | undefined {
  if (!Number.isFinite(n) || n < 1 || n > 109574) return undefined; // 1899-12-31 … 2199-12-31
  return addDays('1899-12-30', Math.floor(n));
}

/**
 * A date as the number Sheets stores for it: what a typed write (the Sheets API's `RAW`) sends, so that the
 * cell is a date that formulas and conditional formats can compare, shown as one by its column's format.
 */
export function dateToSerial(d: IsoDate): number {
  return daysBetween('1899-12-30', d);
}

function text(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/**
 * An order from a row as `getValues` returns it (dates already ISO strings). `rowNumber` is the sheet's
 * 1-based row, for messages. Every cell that cannot be read is reported; no half-read order is returned.
 */
export function rowToOrder(
  row: readonly CellValue[],
  rowNumber: number,
  layout: OrderLayout = DEFAULT_LAYOUT,
): { readonly order: Order } | { readonly problems: readonly string[] } {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const c of ORDER_COLUMNS) {
    const idx = layout.index[c.key];
    const v = idx < 0 ? '' : row[idx];
    const where = `Row ${rowNumber}, "${c.header}" (${columnLetter(idx)}${rowNumber})`;
    const s = text(v).trim();
    switch (c.kind) {
      case 'text':
      case 'url':
        out[c.key] = text(v);
        break;
      case 'list':
        out[c.key] = text(v)
          .split(/\r?\n/)
          .filter((line) => line.trim() !== '');
        break;
      case 'status': {
        const upper = s.toUpperCase().replace(/[\s-]+/g, '_');
        if (s === '' && c.key === 'heldFrom') out[c.key] = null;
        else if (isOrderStatus(upper)) out[c.key] = upper as OrderStatus;
        else problems.push(`${where}: "${s}" is not a status.`);
        break;
      }
      case 'date': {
        if (s === '') out[c.key] = null;
        else if (typeof v === 'number') {
          const d = serialToDate(v);
          if (d) out[c.key] = d;
          else problems.push(`${where}: ${v} is not a date.`);
        } else {
          const d = isIsoDate(s) ? { ok: true as const, value: s } : parseDate(s);
          if (d.ok) out[c.key] = d.value;
          else problems.push(`${where}: "${s}" is not a date.`);
        }
        break;
      }
      case 'count':
      case 'signed': {
        if (s === '') out[c.key] = c.kind === 'signed' ? null : 0;
        else {
          const n = typeof v === 'number' ? v : /^[+-]?\d+(\.0+)?$/.test(s) ? Number(s) : Number.NaN;
          if (!Number.isInteger(n) || (c.kind === 'count' && n < 0)) {
            problems.push(`${where}: "${s}" is not a ${c.kind === 'count' ? 'count' : 'whole number'}.`);
          } else out[c.key] = n;
        }
        break;
      }
    }
  }
  if (!problems.length) {
    if (String(out['orderId']).trim() === '') problems.push(`Row ${rowNumber} has no order ID.`);
    if (String(out['responseId']).trim() === '') problems.push(`Row ${rowNumber} has no response ID.`);
  }
  if (problems.length) return { problems };
  return { order: out as unknown as Order };
}

/** Whether a row read from the sheet is blank (a gap a manager left, or the end of the data). */
export function isBlankRow(row: readonly CellValue[]): boolean {
  return row.every((v) => text(v).trim() === '');
}

/** The Log sheet: append-only, one row per status change or automation event. */
export const LOG_HEADERS = ['Time', 'Actor', 'Order ID', 'Event', 'From', 'To', 'Detail'] as const;

export interface LogEntry {
  /** ISO date-time. */
  readonly time: string;
  /** A team member's email, or `system` for the automation. */
  readonly actor: string;
  readonly orderId: string;
  /** e.g. `status`, `intake`, `doc-created`, `session-opened`, `error`, `retry`, `edit-reverted`. */
  readonly event: string;
  readonly from: OrderStatus | '';
  readonly to: OrderStatus | '';
  /**
   * Identifiers, counts and CEAD's own messages only, never answers: the Log is read by the whole team and
   * kept forever, while answers live in the Responses sheet and the order's Doc.
   */
  readonly detail: string;
}

/** A Log line of the automation's own (actor `system`). */
export function systemLog(
  when: { readonly now: string },
  orderId: string,
  event: string,
  from: OrderStatus | '',
  to: OrderStatus | '',
  detail: string,
): LogEntry {
  return { time: when.now, actor: 'system', orderId, event, from, to, detail };
}

export function logEntryToRow(e: LogEntry): string[] {
  return logEntryToCells(e).map(literalText);
}

/** A Log row as typed string cells, unescaped (for `RAW` writes). */
export function logEntryToCells(e: LogEntry): string[] {
  return [e.time, e.actor, e.orderId, e.event, e.from, e.to, e.detail];
}

/**
 * The Responses sheet: every response verbatim, as JSON of its raw cells by header. A Sheets cell holds at
 * most 50,000 characters, and six competency examples of up to 5,000 characters each (escaped in JSON) can
 * exceed that, so the JSON is split over as many "Raw JSON" columns as needed and joined when read.
 */
export const RESPONSE_HEADERS = ['Response ID', 'Received', 'Raw JSON'] as const;
export const RAW_JSON_CELL_LIMIT = 45000;

export function responseToRow(
  responseId: string,
  received: string,
  raw: Readonly<Record<string, string>>,
): string[] {
  return responseToCells(responseId, received, raw).map(literalText);
}

/** A Responses row as typed string cells, unescaped (for `RAW` writes). */
/** Text cut into pieces of at most `limit` characters, never between the halves of a surrogate pair. */
export function splitAtLimit(text: string, limit: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + limit, text.length);
    // Each half of a pair alone is not storable text.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

export function responseToCells(
  responseId: string,
  received: string,
  raw: Readonly<Record<string, string>>,
): string[] {
  const parts = splitAtLimit(JSON.stringify(raw), RAW_JSON_CELL_LIMIT);
  return [responseId, received, ...(parts.length ? parts : ['{}'])];
}

export function rowToResponse(
  row: readonly CellValue[],
):
  | { readonly responseId: string; readonly received: string; readonly raw: Record<string, string> }
  | { readonly problem: string } {
  const responseId = text(row[0]).trim();
  const json = row.slice(2).map(text).join('');
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { problem: `Response ${responseId}: the raw answers are not a JSON object.` };
    }
    const raw = recordFrom(
      Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as const),
    );
    return { responseId, received: text(row[1]).trim(), raw };
  } catch {
    return { problem: `Response ${responseId}: the raw answers are not readable JSON.` };
  }
}
