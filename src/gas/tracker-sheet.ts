/**
 * The tracker spreadsheet as the core's stores: Orders (OrderStore), Responses (RawResponseStore), Log
 * (EventLog) and Settings (SettingsSource), over the Sheets API (sheets-v4.ts).
 *
 * Reading: one `values.batchGet` of the ranges an execution needs (Settings, Orders, the Responses index,
 * the Log's first column), on first use, kept for the rest of the execution. The back office reads them all
 * at once; the sidebar reads Settings alone first, so someone outside the team causes no read of the orders.
 *
 * Writing: the stores stage cells in the `Tracker`, and `commit` sends everything staged as one
 * `values.batchUpdate`; the use cases decide when (intake's durable points, the end of the sweep). A new
 * row's place is computed from what was read — callers hold the script lock, so nobody appends meanwhile —
 * so a retried commit writes the same cells again rather than a second row. Only cells that change are
 * written: a manager's own columns, and formulas in them, are never touched.
 *
 * Writes are `RAW`: text is stored as the text it is (a candidate's `=HYPERLINK(…)` stays a string, with no
 * apostrophe to add or strip), numbers as numbers, and dates as serial numbers, which the date columns'
 * number format (set by setup, and here when a sheet grows) shows as dates and which formulas and
 * conditional formats compare as dates. Read back `UNFORMATTED_VALUE`, a date is that serial number again,
 * and the core's row mapper turns it into an ISO date; the core sees no `Date`.
 *
 * The values API never grows a sheet: a write past the grid fails whole. The tracker then adds `ROOM_ROWS`
 * rows (with the date formats) and writes again — two more calls and a retry, once every few hundred rows.
 *
 * Notes, and putting back a manager's refused edit, go through SpreadsheetApp (the values API has no
 * notes); `finish` flushes it before the caller lets go of the lock.
 */
import type { Order } from '../core/orders';
import {
  type EventLog,
  errorMessage,
  type OrderStore,
  type RawResponseStore,
  type SettingsSource,
  type WriteBatch,
} from '../core/ports';
import { parseSettings, type Settings, type SettingsProblem } from '../core/settings';
import {
  type CellValue,
  columnLetter,
  dateToSerial,
  isBlankRow,
  type LogEntry,
  literalText,
  logEntryToCells,
  ORDER_COLUMNS,
  type OrderLayout,
  orderLayout,
  orderToCells,
  responseToCells,
  rowToOrder,
  rowToResponse,
  serialToDate,
  TRACKER_SHEETS,
} from '../core/tracker-row';
import { type SheetsCell, type SheetsRequest, type SheetsV4, sheetsV4, type ValueRange } from './sheets-v4';

/** The tracker's sheets, as named in the core (the Google tracker and tracker.xlsx are the same). */
export const SHEETS = TRACKER_SHEETS;

/** How Sheets shows a date column's serial numbers: the ISO form the rest of CEAD uses. */
export const DATE_FORMAT = 'yyyy-mm-dd';
/** Rows added when a write runs past the end of a sheet. */
export const ROOM_ROWS = 500;

/** A sheet's name in A1 notation: quoted, which is always allowed and needed for any name with a space. */
export function a1Sheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export type TrackerRange = 'settings' | 'orders' | 'responses' | 'log';

const RANGES: Readonly<Record<TrackerRange, { readonly sheet: string; readonly a1: string }>> = {
  settings: { sheet: SHEETS.settings, a1: a1Sheet(SHEETS.settings) },
  orders: { sheet: SHEETS.orders, a1: a1Sheet(SHEETS.orders) },
  // Response ID and received: enough to know which versions are stored; the raw JSON stays unread.
  responses: { sheet: SHEETS.responses, a1: `${a1Sheet(SHEETS.responses)}!A:B` },
  // Append-only: where the next line goes is all CEAD needs to know of the Log (Time is never blank).
  log: { sheet: SHEETS.log, a1: `${a1Sheet(SHEETS.log)}!A:A` },
};

/** The ranges read together on first use. */
export const BACK_OFFICE_READS: readonly (readonly TrackerRange[])[] = [
  ['settings', 'orders', 'responses', 'log'],
];
export const SIDEBAR_READS: readonly (readonly TrackerRange[])[] = [
  ['settings'],
  ['orders', 'responses', 'log'],
];

const GRID_LIMIT = /exceeds grid limits/i;

type Cell = SheetsCell;

/** The tracker's spreadsheet for one execution: what was read, and the writes staged for the next commit. */
export class Tracker implements WriteBatch {
  private readonly read = new Map<TrackerRange, Cell[][]>();
  /** Staged cells: sheet → row → column (all 1-based) → value. The last value staged for a cell wins. */
  private staged = new Map<string, Map<number, Map<number, Cell>>>();
  private committed: (() => void)[] = [];
  /** The first free row of each sheet as committed, and the rows handed out to the staged writes. */
  private readonly nextFree = new Map<string, number>();
  private allocated = new Map<string, Map<string, number>>();
  private anonymous = 0;
  private readonly dateColumns = new Map<string, () => readonly number[]>();
  private app: GoogleAppsScript.Spreadsheet.Spreadsheet | undefined;
  private readonly appSheets = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();

  constructor(
    readonly spreadsheetId: string,
    private readonly reads: readonly (readonly TrackerRange[])[] = BACK_OFFICE_READS,
    private readonly api: () => SheetsV4 = sheetsV4,
  ) {}

  /** A range's rows as read (ragged: the API leaves out trailing empty cells), read on first use. */
  values(range: TrackerRange): readonly (readonly Cell[])[] {
    let rows = this.read.get(range);
    if (!rows) {
      const group = this.reads.find((g) => g.includes(range)) ?? [range];
      const wanted = group.filter((r) => !this.read.has(r));
      const got = this.api().Spreadsheets.Values.batchGet(this.spreadsheetId, {
        ranges: wanted.map((r) => RANGES[r].a1),
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
      });
      wanted.forEach((r, i) => {
        const values = (got.valueRanges?.[i]?.values ?? []).map((line) => [...line]);
        this.read.set(r, values);
        if (r !== 'settings') this.nextFree.set(RANGES[r].sheet, values.length + 1);
      });
      rows = this.read.get(range) ?? [];
    }
    return rows;
  }

  /** One row of a sheet, read now (for the rare look at a stored response's raw JSON). */
  rowValues(sheet: string, row: number): readonly Cell[] {
    const got = this.api().Spreadsheets.Values.batchGet(this.spreadsheetId, {
      ranges: [`${a1Sheet(sheet)}!${row}:${row}`],
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    return got.valueRanges?.[0]?.values?.[0] ?? [];
  }

  private rangeOf(sheet: string): TrackerRange {
    const found = (Object.keys(RANGES) as TrackerRange[]).find((r) => RANGES[r].sheet === sheet);
    if (!found || found === 'settings') throw new Error(`CEAD does not add rows to the ${sheet} sheet.`);
    return found;
  }

  /**
   * The row a new record goes to: after the last row read, and after the rows already handed out in this
   * batch. The same key gets the same row until the batch is committed or discarded.
   */
  allocate(sheet: string, key?: string): number {
    this.values(this.rangeOf(sheet));
    const mine = this.allocated.get(sheet) ?? new Map<string, number>();
    this.allocated.set(sheet, mine);
    const k = key ?? `\u0000${++this.anonymous}`;
    const had = mine.get(k);
    if (had !== undefined) return had;
    const row = (this.nextFree.get(sheet) ?? 1) + mine.size;
    mine.set(k, row);
    return row;
  }

  /** Whether a record with this key has a row in the staged batch. */
  isAllocated(sheet: string, key: string): boolean {
    return this.allocated.get(sheet)?.has(key) ?? false;
  }

  /** Stages cells of one row (columns 1-based) for the next commit. */
  stage(sheet: string, row: number, cells: Iterable<readonly [number, Cell]>): void {
    const rows = this.staged.get(sheet) ?? new Map<number, Map<number, Cell>>();
    const line = rows.get(row) ?? new Map<number, Cell>();
    for (const [col, value] of cells) line.set(col, value);
    if (line.size === 0) return;
    rows.set(row, line);
    this.staged.set(sheet, rows);
  }

  /** Runs once the staged writes are committed (a store then takes them as what the sheet holds). */
  onCommit(fn: () => void): void {
    this.committed.push(fn);
  }

  /** The columns (1-based) a sheet shows as dates, so rows added to it get the same format. */
  formatDates(sheet: string, columns: () => readonly number[]): void {
    this.dateColumns.set(sheet, columns);
  }

  /** Whether a cell has a value staged for the next commit. */
  isStaged(sheet: string, row: number, column: number): boolean {
    return this.staged.get(sheet)?.get(row)?.has(column) ?? false;
  }

  hasStaged(): boolean {
    return this.staged.size > 0;
  }

  commit(): void {
    if (this.staged.size > 0) {
      const data = this.valueRanges();
      const write = () =>
        this.api().Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data }, this.spreadsheetId);
      try {
        write();
      } catch (e) {
        // Nothing was written (the batch is atomic): make room and write the same cells.
        if (!GRID_LIMIT.test(errorMessage(e))) throw e;
        this.makeRoom();
        write();
      }
    }
    for (const [sheet, rows] of this.allocated) {
      this.nextFree.set(sheet, (this.nextFree.get(sheet) ?? 1) + rows.size);
    }
    const done = this.committed;
    this.clear();
    for (const fn of done) fn();
  }

  discard(): void {
    this.clear();
  }

  private clear(): void {
    this.staged = new Map();
    this.allocated = new Map();
    this.committed = [];
  }

  /**
   * The staged cells as few ranges as possible: each row's runs of adjacent columns, and runs over the same
   * columns in consecutive rows as one block (the sweep's refresh of one column over 10,000 rows is one
   * range). Cells in between that are not staged are never part of a range.
   */
  private valueRanges(): ValueRange[] {
    const out: ValueRange[] = [];
    for (const [sheet, rows] of this.staged) {
      const blocks = new Map<string, { c1: number; c2: number; r1: number; r2: number; values: Cell[][] }>();
      const ordered: { c1: number; c2: number; r1: number; r2: number; values: Cell[][] }[] = [];
      for (const row of [...rows.keys()].sort((a, b) => a - b)) {
        const line = rows.get(row)!;
        const cols = [...line.keys()].sort((a, b) => a - b);
        let start = 0;
        for (let i = 1; i <= cols.length; i++) {
          if (i < cols.length && cols[i] === cols[i - 1]! + 1) continue;
          const c1 = cols[start]!;
          const c2 = cols[i - 1]!;
          const values = cols.slice(start, i).map((c) => line.get(c)!);
          const key = `${c1}:${c2}`;
          const block = blocks.get(key);
          if (block && block.r2 === row - 1) {
            block.r2 = row;
            block.values.push(values);
          } else {
            const fresh = { c1, c2, r1: row, r2: row, values: [values] };
            blocks.set(key, fresh);
            ordered.push(fresh);
          }
          start = i;
        }
      }
      for (const b of ordered) {
        out.push({
          range: `${a1Sheet(sheet)}!${columnLetter(b.c1 - 1)}${b.r1}:${columnLetter(b.c2 - 1)}${b.r2}`,
          majorDimension: 'ROWS',
          values: b.values,
        });
      }
    }
    return out;
  }

  /** Adds rows (and columns) to the sheets the staged cells run past, with their date columns' format. */
  private makeRoom(): void {
    const api = this.api();
    const got = api.Spreadsheets.get(this.spreadsheetId, {
      fields: 'sheets.properties(sheetId,title,gridProperties(rowCount,columnCount))',
    });
    const requests: SheetsRequest[] = [];
    for (const [sheet, rows] of this.staged) {
      const props = got.sheets?.find((s) => s.properties?.title === sheet)?.properties;
      if (props?.sheetId === undefined) {
        throw new Error(`The tracker has no "${sheet}" sheet; run setup again to repair it.`);
      }
      const sheetId = props.sheetId;
      const rowCount = props.gridProperties?.rowCount ?? 0;
      const columnCount = props.gridProperties?.columnCount ?? 0;
      const lastRow = Math.max(...rows.keys());
      const lastCol = Math.max(...[...rows.values()].flatMap((line) => [...line.keys()]));
      if (lastCol > columnCount) {
        requests.push({ appendDimension: { sheetId, dimension: 'COLUMNS', length: lastCol - columnCount } });
      }
      if (lastRow > rowCount) {
        const length = lastRow - rowCount + ROOM_ROWS;
        requests.push({ appendDimension: { sheetId, dimension: 'ROWS', length } });
        for (const col of this.dateColumns.get(sheet)?.() ?? []) {
          requests.push({
            repeatCell: {
              range: {
                sheetId,
                startRowIndex: rowCount,
                endRowIndex: rowCount + length,
                startColumnIndex: col - 1,
                endColumnIndex: col,
              },
              cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: DATE_FORMAT } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          });
        }
      }
    }
    if (requests.length > 0) api.Spreadsheets.batchUpdate({ requests }, this.spreadsheetId);
  }

  /** A sheet through SpreadsheetApp, for notes (the values API has none). */
  sheetApp(name: string): GoogleAppsScript.Spreadsheet.Sheet {
    let sheet = this.appSheets.get(name);
    if (!sheet) {
      this.app ??= SpreadsheetApp.openById(this.spreadsheetId);
      const found = this.app.getSheetByName(name);
      if (!found) throw new Error(`The tracker has no "${name}" sheet; run setup again to repair it.`);
      sheet = found;
      this.appSheets.set(name, sheet);
    }
    return sheet;
  }

  /** SpreadsheetApp holds its writes back: they reach the sheet before the lock is let go. */
  finish(): void {
    if (this.app) SpreadsheetApp.flush();
  }
}

/** What CEAD writes for an order: its cells by sheet column (1-based), text unescaped, dates as serials. */
function orderCells(order: Order, layout: OrderLayout): Map<number, Cell> {
  const cells = new Map<number, Cell>();
  const values = orderToCells(order);
  ORDER_COLUMNS.forEach((c, i) => {
    const at = layout.index[c.key];
    if (at < 0) return;
    const v = values[i]!;
    cells.set(at + 1, c.kind === 'date' && typeof v === 'string' && v !== '' ? dateToSerial(v) : v);
  });
  return cells;
}

interface OrdersState {
  readonly layout: OrderLayout | undefined;
  readonly problems: string[];
  readonly orders: Order[];
  /** Sheet row (1-based) of each order. */
  readonly rowOf: Map<string, number>;
  /** What each order's cells hold, in write form, as last read or written. */
  readonly written: Map<string, Map<number, Cell>>;
  /** Every row as read, by sheet row: for a manager's edit, which may make its row unreadable. */
  readonly raw: Map<number, readonly Cell[]>;
  /** 0-based indexes of the date columns. */
  readonly dateColumns: ReadonlySet<number>;
}

export class TrackerOrders implements OrderStore {
  private state: OrdersState | undefined;

  constructor(private readonly tracker: Tracker) {}

  private load(): OrdersState {
    if (this.state) return this.state;
    const values = this.tracker.values('orders');
    const found = orderLayout((values[0] ?? []).map((v) => v as CellValue));
    const layout = 'layout' in found ? found.layout : undefined;
    const dateColumns = new Set(
      layout
        ? ORDER_COLUMNS.filter((c) => c.kind === 'date' && layout.index[c.key] >= 0).map(
            (c) => layout.index[c.key],
          )
        : [],
    );
    const state: OrdersState = {
      layout,
      problems: 'problems' in found ? [...found.problems] : [],
      orders: [],
      rowOf: new Map(),
      written: new Map(),
      raw: new Map(),
      dateColumns,
    };
    this.state = state;
    this.tracker.formatDates(SHEETS.orders, () => [...dateColumns].map((c) => c + 1));
    if (!layout) return state;
    for (let i = 1; i < values.length; i++) {
      const raw = values[i] ?? [];
      state.raw.set(i + 1, raw);
      // Dates arrive as serial numbers, which `rowToOrder` reads as dates in date columns.
      if (isBlankRow(raw)) continue;
      const parsed = rowToOrder(raw, i + 1, layout);
      if ('problems' in parsed) {
        state.problems.push(...parsed.problems);
        continue;
      }
      const id = parsed.order.orderId;
      if (state.rowOf.has(id)) {
        state.problems.push(
          `Order ${id} is on rows ${state.rowOf.get(id)} and ${i + 1}; CEAD uses the first.`,
        );
        continue;
      }
      state.orders.push(parsed.order);
      state.rowOf.set(id, i + 1);
      state.written.set(id, orderCells(parsed.order, layout));
    }
    return state;
  }

  private layout(): OrderLayout {
    const state = this.load();
    if (!state.layout) throw new Error(`The Orders sheet cannot be used: ${state.problems.join(' ')}`);
    return state.layout;
  }

  readAll(): { orders: Order[]; problems: string[] } {
    const state = this.load();
    return { orders: [...state.orders], problems: [...state.problems] };
  }

  /**
   * Stages an order's cells that differ from what its row holds (all of them on a new row, which goes after
   * the last row read), and those an earlier put of this batch staged, so the last put wins even where it
   * puts a cell back as the row holds it. Written at the tracker's next commit.
   */
  put(order: Order): void {
    const state = this.load();
    const cells = orderCells(order, this.layout());
    const id = order.orderId;
    const known = state.rowOf.get(id);
    const row = known ?? this.tracker.allocate(SHEETS.orders, id);
    const before = known === undefined ? undefined : state.written.get(id);
    this.tracker.stage(
      SHEETS.orders,
      row,
      [...cells].filter(
        ([col, v]) => before?.get(col) !== v || this.tracker.isStaged(SHEETS.orders, row, col),
      ),
    );
    this.tracker.onCommit(() => {
      state.written.set(id, cells);
      state.rowOf.set(id, row);
    });
  }

  /** Stages every order that changed; the commit writes them together (see `Tracker.valueRanges`). */
  putAll(orders: readonly Order[]): void {
    for (const order of orders) this.put(order);
  }

  /**
   * For a manager's one-cell edit (from the same one read): the order as it was before, the field edited
   * and its new text. Undefined for a column CEAD does not own or a row that holds no order.
   */
  beforeEdit(
    row: number,
    column: number,
    oldText: string,
  ): { order: Order; field: keyof Order; newText: string } | { problem: string } | undefined {
    const state = this.load();
    const layout = state.layout;
    if (!layout) return { problem: `The Orders sheet cannot be used: ${state.problems.join(' ')}` };
    const field = ORDER_COLUMNS.find((c) => layout.index[c.key] === column - 1)?.key;
    const raw = state.raw.get(row);
    if (field === undefined || raw === undefined) return undefined;
    // The edit's new text as the core reads it: a date the manager typed is a serial number here.
    const cells: CellValue[] = Array.from({ length: Math.max(raw.length, layout.width) }, (_, c) => {
      const v = raw[c];
      if (typeof v === 'number' && state.dateColumns.has(c)) return serialToDate(v) ?? String(v);
      return v ?? '';
    });
    const newText = String(cells[column - 1] ?? '');
    cells[column - 1] = oldText;
    const parsed = rowToOrder(cells, row, layout);
    if ('problems' in parsed) return { problem: parsed.problems.join(' ') };
    const id = parsed.order.orderId;
    if (!state.rowOf.has(id)) {
      state.rowOf.set(id, row);
      state.orders.push(parsed.order);
    }
    // The row as it was, so that writing the decided order changes exactly what the decision changed.
    state.written.set(id, orderCells(parsed.order, layout));
    return { order: parsed.order, field, newText };
  }

  /** Sets (or with '' clears) a cell's note, unless it already says that. */
  noteCell(row: number, column: number, note: string): void {
    const range = this.tracker.sheetApp(SHEETS.orders).getRange(row, column);
    if (note === '' && range.getNote() === '') return;
    range.setNote(note);
  }

  /** Puts a cell back to what it was and says why in its note. */
  revertCell(row: number, column: number, text: string, note: string): void {
    const range = this.tracker.sheetApp(SHEETS.orders).getRange(row, column);
    range.setValue(literalText(text));
    range.setNote(note);
  }
}

export class TrackerResponses implements RawResponseStore {
  private index: Map<string, number> | undefined;

  constructor(private readonly tracker: Tracker) {}

  private key(responseId: string, received: string): string {
    return `${responseId}\u0000${received}`;
  }

  private load(): Map<string, number> {
    if (this.index) return this.index;
    const index = new Map<string, number>();
    this.tracker.values('responses').forEach((row, i) => {
      const id = String(row[0] ?? '');
      if (i > 0 && id !== '') index.set(this.key(id, String(row[1] ?? '')), i + 1);
    });
    this.index = index;
    return index;
  }

  has(responseId: string, received: string): boolean {
    const key = this.key(responseId, received);
    return this.load().has(key) || this.tracker.isAllocated(SHEETS.responses, key);
  }

  /** Stages the version's row (once per batch, however often a retried step asks). */
  append(responseId: string, received: string, raw: Readonly<Record<string, string>>): void {
    const index = this.load();
    const key = this.key(responseId, received);
    const row = this.tracker.allocate(SHEETS.responses, key);
    const cells = responseToCells(responseId, received, raw);
    this.tracker.stage(
      SHEETS.responses,
      row,
      cells.map((v, i) => [i + 1, v] as const),
    );
    this.tracker.onCommit(() => index.set(key, row));
  }

  get(responseId: string, received: string): Readonly<Record<string, string>> | undefined {
    const row = this.load().get(this.key(responseId, received));
    if (row === undefined) return undefined;
    const values = this.tracker.rowValues(SHEETS.responses, row);
    const parsed = rowToResponse(values.map((v) => String(v)));
    return 'raw' in parsed ? parsed.raw : undefined;
  }
}

export class TrackerLog implements EventLog {
  constructor(private readonly tracker: Tracker) {}

  /** Stages one new row per entry, after the Log's last line. */
  append(entries: readonly LogEntry[]): void {
    for (const e of entries) {
      const row = this.tracker.allocate(SHEETS.log);
      this.tracker.stage(
        SHEETS.log,
        row,
        logEntryToCells(e).map((v, i) => [i + 1, v] as const),
      );
    }
  }
}

export class TrackerSettings implements SettingsSource {
  private cached: { settings: Settings; problems: readonly SettingsProblem[] } | undefined;

  constructor(private readonly tracker: Tracker) {}

  read(): { settings: Settings; problems: readonly SettingsProblem[] } {
    this.cached ??= parseSettings(this.tracker.values('settings').map((row) => [...row]));
    return this.cached;
  }
}
