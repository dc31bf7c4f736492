/**
 * The tracker as an `.xlsx` file, for teams without Google Sheets: the same sheets and columns as the
 * Google tracker (Orders, Dashboard, Settings, Log, Responses), written with exceljs.
 *
 * - Every cell is typed: text is a string cell, never a formula, whatever it starts with (`=HYPERLINK(…)`
 *   typed by a candidate stays text); dates are date cells so conditional formatting can compare them.
 *   So rows come from `orderToCells`, not from `orderToRow`, whose apostrophes are for `setValues`.
 * - Status, Writer, Reviewer and Package are drop-downs; rows overdue are red and rows due within a
 *   business day amber (by formulas on TODAY(), so the colours stay right on the days between runs; they
 *   skip weekends but not federal holidays, which Business days left does count); the header is frozen.
 * - The file is replaced atomically (a temporary file in the same folder, then a rename), and never
 *   written while Excel or LibreOffice holds it open, which they show with a lock file next to it.
 * - A file that cannot be read is never overwritten: `readTracker` throws a `TrackerError` whose message
 *   is one line saying what to do, and the orders stay in the folder store.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { type Dashboard, dashboardOf } from '../core/dashboard';
import { ORDER_STATUSES, type Order } from '../core/orders';
import type { IsoDate } from '../core/questionnaire';
import {
  DEFAULT_SETTINGS,
  membersWithRole,
  parseSettings,
  type Settings,
  type SettingsProblem,
  settingsToRows,
} from '../core/settings';
import {
  type CellValue,
  columnLetter,
  isBlankRow,
  LOG_HEADERS,
  type LogEntry,
  ORDER_COLUMNS,
  ORDER_HEADERS,
  orderLayout,
  orderToCells,
  RESPONSE_HEADERS,
  responseToRow,
  rowToOrder,
  TRACKER_SHEETS,
} from '../core/tracker-row';
import { assertArchiveWithinLimits, XLSX_LIMITS } from './archive-limits';
import { writeStreamAtomic } from './atomic-file';
import { fitCell, orderFile, splitForCells } from './cell-limit';
import { readSheets, type SheetRow } from './xlsx-sheets';
import { xmlSafe } from './xml-safe';

/** The tracker's sheets, as named in the core (the Google tracker and tracker.xlsx are the same). */
export const SHEETS = TRACKER_SHEETS;

/** Why the tracker cannot be used now; the message is one line a manager can act on. */
export class TrackerError extends Error {
  override readonly name = 'TrackerError';
}

/** The lock file Excel (`~$name`) or LibreOffice (`.~lock.name#`) keeps next to a file it has open. */
export function trackerLockFile(path: string): string | undefined {
  const dir = dirname(path);
  const name = basename(path);
  return [`.~lock.${name}#`, `~$${name}`].map((n) => join(dir, n)).find((p) => existsSync(p));
}

function assertNotOpen(path: string): void {
  const lock = trackerLockFile(path);
  if (lock) {
    const app = basename(lock).startsWith('~$') ? 'Excel' : 'LibreOffice';
    throw new TrackerError(
      `${path} is open in ${app} (lock file ${basename(lock)}): close it and run again; the orders are kept in ${join(dirname(path), 'orders')}.`,
    );
  }
}

/** A row of a sheet as header text → cell, for columns CEAD does not own. */
export type RowByHeader = ReadonlyMap<string, CellValue>;

/** What an existing tracker holds that the next write must carry over. */
export interface TrackerSnapshot {
  /** Rows read as orders, by order ID. */
  readonly orders: ReadonlyMap<string, Order>;
  /** Headers of columns managers added to the Orders sheet, left to right. */
  readonly extraHeaders: readonly string[];
  /** Each row's cells in those columns, by order ID (or by the row's own cells for unreadable rows). */
  readonly extraCells: ReadonlyMap<string, RowByHeader>;
  /** Rows that could not be read as orders, every cell by header, to be written back as they were. */
  readonly unreadable: readonly { readonly orderId: string; readonly cells: RowByHeader }[];
  /** Problems with rows of the Orders sheet, one line each. */
  readonly problems: readonly string[];
  /** The Settings sheet as managers left it, or undefined when the sheet is missing. */
  readonly settings?: { readonly settings: Settings; readonly problems: readonly SettingsProblem[] };
}

/** A cell as the core's row readers take it: dates as ISO days, links as their target, formulas as results. */
export function plainCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return value.hyperlink;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? ''
      : plainCell(result as ExcelJS.CellValue);
  }
  if ('error' in value) return value.error;
  return '';
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The Settings sheet as the core reads it, and a time zone Node knows: the core can only check a name's
 * shape (`Mars/Olympus` passes), and every date the run computes needs a real zone. An unknown one is a
 * problem like any other bad setting: the default is used.
 */
function readSettings(rows: readonly (readonly CellValue[])[]): NonNullable<TrackerSnapshot['settings']> {
  const read = parseSettings(rows);
  const zone = read.settings.timeZone;
  if (isTimeZone(zone)) return read;
  const key = (r: readonly CellValue[]) =>
    String(r[0] ?? '')
      .trim()
      .toLowerCase();
  const row = rows.findIndex((r) => key(r) === 'time zone') + 1;
  return {
    settings: { ...read.settings, timeZone: DEFAULT_SETTINGS.timeZone },
    problems: [
      ...read.problems,
      {
        row,
        message: `"${zone}" is not a time zone name such as America/New_York; ${DEFAULT_SETTINGS.timeZone} is used.`,
      },
    ],
  };
}

/**
 * Reads the tracker, or returns undefined when there is none yet. Throws `TrackerError` when the file is
 * open elsewhere, is not a readable workbook, or its Orders sheet lacks CEAD's columns: then nothing may
 * overwrite it.
 */
export async function readTracker(path: string): Promise<TrackerSnapshot | undefined> {
  if (!existsSync(path)) return undefined;
  assertNotOpen(path);
  let sheets: Map<string, SheetRow[]>;
  try {
    const bytes = readFileSync(path);
    assertArchiveWithinLimits(bytes, XLSX_LIMITS);
    sheets = await readSheets(bytes, [SHEETS.orders, SHEETS.settings]);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new TrackerError(
      `${path} cannot be read as a spreadsheet (${why}); it was left as it is: move it away or restore it, then run again (the orders are kept in ${join(dirname(path), 'orders')}).`,
    );
  }
  const rows = sheets.get(SHEETS.orders);
  if (!rows) {
    throw new TrackerError(
      `${path} has no "${SHEETS.orders}" sheet; it was left as it is: rename the sheet back or move the file away, then run again.`,
    );
  }
  const settingsRows = sheets.get(SHEETS.settings);
  const settings = settingsRows ? readSettings(settingsGrid(settingsRows)) : undefined;
  return { ...readOrdersSheet(path, rows), ...(settings ? { settings } : {}) };
}

/** A sheet's row as the core reads it: `width` plain cells from column A. */
function plainRow(row: SheetRow | undefined, width: number): CellValue[] {
  return Array.from({ length: width }, (_, i) => plainCell(row?.cells[i] ?? null));
}

/** The Settings sheet as a grid from row 1, empty rows included: the core counts rows by position. */
function settingsGrid(rows: readonly SheetRow[]): CellValue[][] {
  const width = Math.max(4, ...rows.map((r) => r.cells.length));
  const last = Math.max(0, ...rows.map((r) => r.number));
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  return Array.from({ length: last }, (_, i) => plainRow(byNumber.get(i + 1), width));
}

/** The Orders sheet's rows as orders, managers' columns and rows CEAD cannot read. */
function readOrdersSheet(path: string, rows: readonly SheetRow[]): Omit<TrackerSnapshot, 'settings'> {
  const first = rows.find((r) => r.number === 1);
  const width = Math.max(first?.cells.length ?? 0, ORDER_COLUMNS.length);
  const header = plainRow(first, width).map((v) => String(v ?? '').trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const found = orderLayout(header);
  if ('problems' in found) {
    throw new TrackerError(
      `${path}: ${found.problems.join(' ')} It was left as it is: restore the column, then run again.`,
    );
  }
  const ours = new Set(ORDER_COLUMNS.map((c) => found.layout.index[c.key]));
  const extraHeaders = header.filter((h, i) => !ours.has(i) && h !== '');
  const orders = new Map<string, Order>();
  const extraCells = new Map<string, RowByHeader>();
  const unreadable: { orderId: string; cells: RowByHeader }[] = [];
  const problems: string[] = [];
  const idIndex = found.layout.index.orderId;
  for (const row of rows) {
    const r = row.number;
    if (r < 2) continue;
    const cells = plainRow(row, header.length);
    if (isBlankRow(cells)) continue;
    const byHeader = new Map(header.flatMap((h, i) => (h === '' ? [] : [[h, cells[i]] as const])));
    const orderId = String(cells[idIndex] ?? '').trim();
    const read = rowToOrder(cells, r, found.layout);
    if ('problems' in read || orders.has(orderId)) {
      problems.push(
        ...('problems' in read
          ? read.problems
          : [`Row ${r}: order ${orderId} appears twice; this row was kept as it is.`]),
      );
      unreadable.push({ orderId, cells: byHeader });
      continue;
    }
    orders.set(orderId, read.order);
    extraCells.set(orderId, new Map(extraHeaders.map((h) => [h, byHeader.get(h) ?? ''] as const)));
  }
  return { orders, extraHeaders, extraCells, unreadable, problems };
}

export interface TrackerContent {
  readonly orders: readonly Order[];
  readonly settings: Settings;
  readonly log: readonly LogEntry[];
  /** Every stored response version; read once, as the Responses sheet is written. */
  readonly responses: Iterable<{
    readonly responseId: string;
    readonly received: string;
    readonly raw: Readonly<Record<string, string>>;
  }>;
  /** The team's calendar day, for the Dashboard. */
  readonly today: IsoDate;
  /** Stamped as the workbook's creation and modification time. */
  readonly now: Date;
  /** What an earlier tracker held beyond the recorded orders (managers' columns, unreadable rows). */
  readonly carried?: Pick<TrackerSnapshot, 'extraHeaders' | 'extraCells' | 'unreadable'>;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EAED' } };
const RED: Partial<ExcelJS.Style> = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF4C7C3' } },
  font: { color: { argb: 'FF9C0006' } },
};
const AMBER: Partial<ExcelJS.Style> = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFCE8B2' } },
  font: { color: { argb: 'FF7F6000' } },
};
const DATE_FORMAT = 'yyyy-mm-dd';
// A literal list in a drop-down is limited to 255 characters by the file format; longer lists refer to cells.
const MAX_LITERAL_LIST = 255;

function utcDay(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

const FROZEN_HEADER: Partial<ExcelJS.AddWorksheetOptions> = {
  views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
};

/**
 * The header row, bold on grey. The streaming writer writes a row once a later one is committed, so the
 * header is styled as it is added, and each sheet's column widths are set before its first row.
 */
function addHeader(sheet: ExcelJS.Worksheet, headers: readonly string[]): void {
  const row = sheet.addRow(headers.map((h) => xmlSafe(fitCell(h))));
  for (let i = 1; i <= headers.length; i++) {
    const cell = row.getCell(i);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  }
}

/**
 * A data row, every text in a form XML allows (see xml-safe.ts) and within Excel's cell limit (see
 * cell-limit.ts; `fullTextIn` is the file a cut text is whole in), written out at once.
 */
function addDataRow(
  sheet: ExcelJS.Worksheet,
  values: readonly ExcelJS.CellValue[],
  fullTextIn?: string,
): void {
  sheet.addRow(values.map((v) => xmlSafeValue(fitValue(v, fullTextIn)))).commit();
}

function fitValue(value: ExcelJS.CellValue, fullTextIn: string | undefined): ExcelJS.CellValue {
  if (typeof value === 'string') return fitCell(value, fullTextIn);
  if (value !== null && typeof value === 'object' && 'hyperlink' in value)
    return { ...value, text: fitCell(value.text, fullTextIn) };
  return value;
}

function setWidths(sheet: ExcelJS.Worksheet, widths: readonly number[]): void {
  for (const [i, width] of widths.entries()) sheet.getColumn(i + 1).width = width;
}

/** Plain values for a sheet whose cells came through `literalText` (settings, responses): apostrophes off. */
function unliteral(value: string | number): string | number {
  return typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
}

function listValidation(
  values: readonly string[],
  fallbackRange: string | undefined,
  strict: boolean,
): ExcelJS.DataValidation | undefined {
  const literal = `"${values.join(',')}"`;
  const usable =
    values.every((v) => !v.includes(',') && !v.includes('"')) && literal.length <= MAX_LITERAL_LIST;
  const formula = usable ? literal : fallbackRange;
  if (values.length === 0 || formula === undefined) return undefined;
  return {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: strict ? 'stop' : 'warning',
    errorTitle: 'Not in the list',
    error: strict ? 'Choose a value from the list.' : 'This is not in the Settings sheet; keep it anyway?',
  };
}

/**
 * exceljs 4.4 has `workvalidations(sheet).add(range, rule)` (lib/doc/data-validations.js), which writes one
 * rule for a whole range, but its typings only declare the per-cell `cell.dataValidation`.
 */
function validations(sheet: ExcelJS.Worksheet): { add(range: string, rule: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;
}

function addOrdersSheet(
  workbook: ExcelJS.Workbook,
  content: TrackerContent,
  settingsRows: (string | number)[][],
): void {
  const sheet = workbook.addWorksheet(SHEETS.orders, FROZEN_HEADER);
  const carried = content.carried;
  const extra = carried?.extraHeaders ?? [];
  const headers = [...ORDER_HEADERS, ...extra];
  ORDER_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (c.kind === 'date') column.numFmt = DATE_FORMAT;
    column.width =
      c.kind === 'date' ? 12 : c.kind === 'count' || c.kind === 'signed' ? 10 : c.kind === 'list' ? 40 : 18;
  });
  addHeader(sheet, headers);
  const at = (key: keyof Order) => ORDER_COLUMNS.findIndex((c) => c.key === key);
  for (const order of content.orders) {
    const cells: ExcelJS.CellValue[] = orderToCells(order).map((v, i) => {
      const column = ORDER_COLUMNS[i]!;
      if (column.kind === 'date' && typeof v === 'string' && v !== '') return utcDay(v);
      if (column.kind === 'url' && v !== '') return { text: String(v), hyperlink: String(v) };
      return v;
    });
    const mine = carried?.extraCells.get(order.orderId);
    for (const h of extra) cells.push(mine?.get(h) ?? '');
    addDataRow(sheet, cells, orderFile(order.orderId));
  }
  for (const kept of carried?.unreadable ?? []) {
    addDataRow(
      sheet,
      headers.map((h) => kept.cells.get(h) ?? ''),
    );
  }
  const last = 1 + content.orders.length + (carried?.unreadable.length ?? 0);
  if (last < 2) return;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };

  const range = (key: keyof Order) => `${columnLetter(at(key))}2:${columnLetter(at(key))}${last}`;
  const status = listValidation(ORDER_STATUSES, undefined, true);
  if (status) validations(sheet).add(range('status'), status);
  const teamStart = settingsRows.findIndex((r) => r[0] === 'Name') + 2;
  const teamEnd = teamStart + content.settings.team.length - 1;
  const teamRange =
    content.settings.team.length > 0 ? `${SHEETS.settings}!$B$${teamStart}:$B$${teamEnd}` : undefined;
  for (const [key, role] of [
    ['writer', 'writer'],
    ['reviewer', 'reviewer'],
  ] as const) {
    const people = membersWithRole(content.settings, role).map((m) => m.email);
    const v = listValidation(people, teamRange, false);
    if (v) validations(sheet).add(range(key), v);
  }
  const packages = listValidation(
    content.settings.catalog.map((p) => p.name),
    undefined,
    true,
  );
  if (packages) validations(sheet).add(range('package'), packages);

  const dueCol = `$${columnLetter(at('currentDue'))}2`;
  const statusCol = `$${columnLetter(at('status'))}2`;
  const open = `${statusCol}<>"FINALIZED",${statusCol}<>"DELIVERED",${statusCol}<>"CANCELLED"`;
  sheet.addConditionalFormatting({
    ref: `A2:${columnLetter(headers.length - 1)}${last}`,
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: [`AND(ISNUMBER(${dueCol}),${dueCol}<TODAY(),${open})`],
        style: RED,
      },
      {
        type: 'expression',
        priority: 2,
        formulae: [`AND(ISNUMBER(${dueCol}),${dueCol}>=TODAY(),${dueCol}<=WORKDAY(TODAY(),1),${open})`],
        style: AMBER,
      },
    ],
  });
}

function addDashboardSheet(workbook: ExcelJS.Workbook, dashboard: Dashboard): void {
  // A few dozen rows: kept until the sheet is committed, so cells can still be formatted after their row.
  const sheet = workbook.addWorksheet(SHEETS.dashboard);
  setWidths(sheet, [44, 22]);
  sheet.addRow(['CEAD dashboard']).font = { bold: true, size: 14 };
  sheet.addRow(['As of', utcDay(dashboard.asOf)]);
  sheet.getCell('B2').numFmt = DATE_FORMAT;
  sheet.addRow(['Recomputed by every cead run from the orders; edit orders in the Orders sheet.']);
  sheet.addRow([]);
  sheet.addRow(['Status', 'Orders']).font = { bold: true };
  for (const s of dashboard.byStatus) sheet.addRow([s.status, s.count]);
  sheet.addRow(['Total', dashboard.total]).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow(['Open orders overdue', dashboard.overdue]);
  sheet.addRow(['Open orders due within a business day', dashboard.atRisk]);
  const rate = sheet.addRow([
    'On-time rate (finalized or delivered)',
    dashboard.onTimeRate === null ? 'no finished letters yet' : dashboard.onTimeRate,
  ]);
  if (dashboard.onTimeRate !== null) rate.getCell(2).numFmt = '0%';
  sheet.addRow([
    'Finished on time / finished with a due date',
    `${dashboard.finishedOnTime} / ${dashboard.finishedWithDue}`,
  ]);
  sheet.addRow([]);
  // exceljs cannot write charts: the weekly counts are a table here, where the Google tracker draws a chart.
  sheet.addRow(['Week of (Monday)', 'Open orders due']).font = { bold: true };
  for (const w of dashboard.dueByWeek) {
    const row = sheet.addRow([utcDay(w.weekOf), w.count]);
    row.getCell(1).numFmt = DATE_FORMAT;
  }
}

function addSettingsSheet(workbook: ExcelJS.Workbook, rows: (string | number)[][]): void {
  const sheet = workbook.addWorksheet(SHEETS.settings);
  setWidths(sheet, [24, 30, 24, 40]);
  for (const row of rows) {
    const added = sheet.addRow(row.map((v) => (typeof v === 'string' ? xmlSafe(fitCell(v)) : v)));
    if (row[0] === 'Setting' || row[0] === 'Name' || row[0] === 'Package') added.font = { bold: true };
  }
}

function addLogSheet(workbook: ExcelJS.Workbook, log: readonly LogEntry[]): void {
  const sheet = workbook.addWorksheet(SHEETS.log, FROZEN_HEADER);
  setWidths(sheet, [26, 18, 18, 16, 16, 16, 60]);
  addHeader(sheet, LOG_HEADERS);
  for (const e of log)
    addDataRow(sheet, [e.time, e.actor, e.orderId, e.event, e.from, e.to, e.detail], 'log.jsonl');
}

function addResponsesSheet(workbook: ExcelJS.Workbook, responses: TrackerContent['responses']): void {
  const sheet = workbook.addWorksheet(SHEETS.responses, FROZEN_HEADER);
  setWidths(sheet, [26, 26, 80]);
  addHeader(sheet, RESPONSE_HEADERS);
  for (const r of responses) {
    const [id, received, ...json] = responseToRow(r.responseId, r.received, r.raw).map(unliteral);
    // The same "Raw JSON" columns as the Google tracker, read by joining them; only the cut points differ.
    addDataRow(sheet, [id, received, ...splitForCells(json.join(''))], 'responses/');
  }
}

function xmlSafeValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (typeof value === 'string') return xmlSafe(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ('hyperlink' in value)
    return { ...value, text: xmlSafe(value.text), hyperlink: xmlSafe(value.hyperlink) };
  if ('richText' in value)
    return { ...value, richText: value.richText.map((r) => ({ ...r, text: xmlSafe(r.text) })) };
  return value;
}

/**
 * The tracker's sheets written to `stream` as they are built, with exceljs's streaming writer: each order,
 * Log line and response becomes XML as its row is added, so no sheet of 10,000 rows is ever held as cell
 * objects, and the zip is written out instead of assembled in memory. Text is written in its cells
 * (inline strings, which Excel, LibreOffice and Sheets read; Excel rewrites them as shared strings when it
 * saves), not in a shared-strings part, which exceljs can only write once every cell is known.
 */
async function streamTracker(stream: NodeJS.WritableStream, content: TrackerContent): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: stream as unknown as import('node:stream').Stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'CEAD';
  workbook.created = content.now;
  workbook.modified = content.now;
  const settingsRows = settingsToRows(content.settings).map((r) => r.map(unliteral));
  addOrdersSheet(workbook, content, settingsRows);
  addDashboardSheet(workbook, dashboardOf(content.orders, content.today));
  addSettingsSheet(workbook, settingsRows);
  addLogSheet(workbook, content.log);
  addResponsesSheet(workbook, content.responses);
  await workbook.commit();
}

/** Writes the whole tracker, replacing the file atomically; refuses while the file is open elsewhere. */
export async function writeTracker(path: string, content: TrackerContent): Promise<void> {
  assertNotOpen(path);
  await writeStreamAtomic(path, (stream) => streamTracker(stream, content), {
    durable: true,
    // Checked again before the rename: the file may have been opened while the workbook was being built.
    beforeReplace: () => assertNotOpen(path),
  });
}
