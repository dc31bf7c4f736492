/**
 * The tracker spreadsheet as the core's stores: Orders (OrderStore), Responses (RawResponseStore), Log
 * (EventLog) and Settings (SettingsSource).
 *
 * Every operation is one read and one write: a sheet is read with one `getValues` (kept for the rest of the
 * execution), a change is written with one `setValues` (or `appendRow` for a new row), never cell by cell.
 * Everything written goes through the core's row mappers, which make candidate text literal (Sheets turns a
 * typed `=…` into a formula and `+1` into a number). Dates read back as `Date` objects are turned into ISO
 * text in the team's time zone before the core sees them; the core has no `Date`.
 *
 * `appendRow` is not atomic under concurrent runs: callers hold the script lock.
 */
import type { Order } from '../core/orders';
import type { EventLog, OrderStore, RawResponseStore, SettingsSource } from '../core/ports';
import { parseSettings, type Settings, type SettingsProblem } from '../core/settings';
import {
  type CellValue,
  isBlankRow,
  LOG_HEADERS,
  type LogEntry,
  literalText,
  logEntryToRow,
  ORDER_COLUMNS,
  type OrderLayout,
  orderLayout,
  orderToRow,
  responseToRow,
  rowToOrder,
  rowToResponse,
} from '../core/tracker-row';

export const SHEETS = {
  orders: 'Orders',
  dashboard: 'Dashboard',
  settings: 'Settings',
  log: 'Log',
  responses: 'Responses',
} as const;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Written = string | number | boolean | Date;

/** `Date` from any realm (a value from Apps Script's services fails `instanceof Date` in tests' vm contexts). */
function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** The tracker's spreadsheet, with each sheet looked up once per execution. */
export class Tracker {
  private readonly sheets = new Map<string, Sheet>();

  constructor(readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  sheet(name: string): Sheet {
    let sheet = this.sheets.get(name);
    if (!sheet) {
      const found = this.spreadsheet.getSheetByName(name);
      if (!found) throw new Error(`The tracker has no "${name}" sheet; run setup again to repair it.`);
      sheet = found;
      this.sheets.set(name, sheet);
    }
    return sheet;
  }
}

/** A cell as the core reads it: dates as ISO text in `timeZone`, a whole-day date without a time. */
export function cellForCore(v: unknown, timeZone: string, dateOnly: boolean): CellValue {
  if (isDate(v)) {
    return Utilities.formatDate(v, timeZone, dateOnly ? 'yyyy-MM-dd' : "yyyy-MM-dd'T'HH:mm:ssXXX");
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return v === null || v === undefined ? '' : String(v);
}

/** A cell read from the sheet, ready to be written back unchanged: text stays text. */
function cellForRewrite(v: unknown): Written {
  if (typeof v === 'string') return literalText(v);
  if (typeof v === 'number' || typeof v === 'boolean' || isDate(v)) return v;
  return v === null || v === undefined ? '' : String(v);
}

const DATE_KEYS = new Set(ORDER_COLUMNS.filter((c) => c.kind === 'date').map((c) => c.key as string));

interface OrdersState {
  readonly layout: OrderLayout | undefined;
  readonly problems: string[];
  readonly orders: Order[];
  /** Sheet row (1-based) of each order. */
  readonly rowOf: Map<string, number>;
  /** What each order's row holds, in write form, as last read or written. */
  readonly written: Map<string, Written[]>;
  /** Every row as read, by sheet row: for a manager's edit, which may make its row unreadable. */
  readonly raw: Map<number, unknown[]>;
  nextRow: number;
}

export class TrackerOrders implements OrderStore {
  private state: OrdersState | undefined;

  constructor(
    private readonly tracker: Tracker,
    private readonly timeZone: string,
  ) {}

  private sheet(): Sheet {
    return this.tracker.sheet(SHEETS.orders);
  }

  private load(): OrdersState {
    if (this.state) return this.state;
    const values = this.sheet().getDataRange().getValues();
    const header = (values[0] ?? []).map((v) => cellForCore(v, this.timeZone, false));
    const found = orderLayout(header);
    const state: OrdersState = {
      layout: 'layout' in found ? found.layout : undefined,
      problems: 'problems' in found ? [...found.problems] : [],
      orders: [],
      rowOf: new Map(),
      written: new Map(),
      raw: new Map(),
      nextRow: values.length + 1,
    };
    this.state = state;
    const layout = state.layout;
    if (!layout) return state;
    const dateColumns = new Set(
      ORDER_COLUMNS.filter((c) => DATE_KEYS.has(c.key)).map((c) => layout.index[c.key]),
    );
    for (let i = 1; i < values.length; i++) {
      const raw = values[i] ?? [];
      state.raw.set(i + 1, raw);
      const row = raw.map((v, c) => cellForCore(v, this.timeZone, dateColumns.has(c)));
      if (isBlankRow(row)) continue;
      const parsed = rowToOrder(row, i + 1, layout);
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
      state.written.set(id, orderToRow(parsed.order, layout, raw.map(cellForRewrite) as CellValue[]));
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

  /** The row an order would be written as (the columns CEAD does not own keep what the sheet had). */
  private rowFor(order: Order): Written[] {
    const base = this.load().written.get(order.orderId) ?? [];
    return orderToRow(order, this.layout(), base as CellValue[]);
  }

  put(order: Order): void {
    const state = this.load();
    const values = this.rowFor(order);
    const row = state.rowOf.get(order.orderId);
    if (row !== undefined) {
      this.sheet().getRange(row, 1, 1, values.length).setValues([values]);
    } else {
      this.sheet().appendRow(values);
      state.rowOf.set(order.orderId, state.nextRow);
      state.nextRow += 1;
    }
    state.written.set(order.orderId, values);
  }

  putAll(orders: readonly Order[]): void {
    const state = this.load();
    const changes: Array<{ row: number; id: string; values: Written[]; cols: number[] }> = [];
    for (const order of orders) {
      const row = state.rowOf.get(order.orderId);
      if (row === undefined) {
        // New orders are intake's to add, one row at a time; one showing up here is added the same way.
        this.put(order);
        continue;
      }
      const values = this.rowFor(order);
      const before = state.written.get(order.orderId) ?? [];
      const cols = values.flatMap((v, c) => (String(v) === String(before[c] ?? '') ? [] : [c]));
      if (cols.length > 0) changes.push({ row, id: order.orderId, values, cols });
    }
    if (changes.length === 0) return;
    // One write: the smallest rectangle holding every changed cell. Rows in between are written back with
    // what CEAD last read or wrote there, so a manager's edit elsewhere in the sheet is not touched.
    const rows = changes.map((c) => c.row);
    const cols = changes.flatMap((c) => c.cols);
    const top = Math.min(...rows);
    const bottom = Math.max(...rows);
    const left = Math.min(...cols);
    const right = Math.max(...cols);
    const byRow = new Map<number, Written[]>();
    for (const [id, r] of state.rowOf) byRow.set(r, state.written.get(id) ?? []);
    for (const c of changes) byRow.set(c.row, c.values);
    const block: Written[][] = [];
    const unknownRows: number[] = [];
    for (let r = top; r <= bottom; r++) {
      const line = byRow.get(r);
      if (!line) unknownRows.push(r);
      block.push((line ?? []).slice(left, right + 1));
    }
    if (unknownRows.length > 0) {
      // Rows CEAD could not read (blank or unreadable) sit inside the rectangle: write row by row instead,
      // so they are never overwritten.
      for (const c of changes) this.sheet().getRange(c.row, 1, 1, c.values.length).setValues([c.values]);
    } else {
      this.sheet()
        .getRange(top, left + 1, block.length, right - left + 1)
        .setValues(block);
    }
    for (const c of changes) state.written.set(c.id, c.values);
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
    const cells = raw.map((v, c) =>
      cellForCore(
        v,
        this.timeZone,
        ORDER_COLUMNS.some((col) => DATE_KEYS.has(col.key) && layout.index[col.key] === c),
      ),
    );
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
    state.written.set(id, orderToRow(parsed.order, layout, raw.map(cellForRewrite) as CellValue[]));
    return { order: parsed.order, field, newText };
  }

  /** Sets (or with '' clears) a cell's note, unless it already says that. */
  noteCell(row: number, column: number, note: string): void {
    const range = this.sheet().getRange(row, column);
    if (note === '' && range.getNote() === '') return;
    range.setNote(note);
  }

  /** Puts a cell back to what it was and says why in its note. */
  revertCell(row: number, column: number, text: string, note: string): void {
    const range = this.sheet().getRange(row, column);
    range.setValue(literalText(text));
    range.setNote(note);
  }
}

export class TrackerResponses implements RawResponseStore {
  private index: Map<string, number> | undefined;
  private nextRow = 2;

  constructor(private readonly tracker: Tracker) {}

  private key(responseId: string, received: string): string {
    return `${responseId}\u0000${received}`;
  }

  private load(): Map<string, number> {
    if (this.index) return this.index;
    // Two columns (response ID, received) are enough to know what is stored; the raw JSON stays unread.
    const values = this.tracker.sheet(SHEETS.responses).getRange('A:B').getValues();
    const index = new Map<string, number>();
    let last = 1;
    values.forEach((row, i) => {
      const id = String(row[0] ?? '');
      if (id === '') return;
      last = i + 1;
      if (i > 0) index.set(this.key(id, String(row[1] ?? '')), i + 1);
    });
    this.nextRow = last + 1;
    this.index = index;
    return index;
  }

  has(responseId: string, received: string): boolean {
    return this.load().has(this.key(responseId, received));
  }

  append(responseId: string, received: string, raw: Readonly<Record<string, string>>): void {
    // Appending needs no read: a caller that knows the version is new (intake's first write) pays nothing more.
    this.tracker.sheet(SHEETS.responses).appendRow(responseToRow(responseId, received, raw));
    if (this.index) {
      this.index.set(this.key(responseId, received), this.nextRow);
      this.nextRow += 1;
    }
  }

  get(responseId: string, received: string): Readonly<Record<string, string>> | undefined {
    const row = this.load().get(this.key(responseId, received));
    if (row === undefined) return undefined;
    const sheet = this.tracker.sheet(SHEETS.responses);
    const values = sheet.getRange(row, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    const parsed = rowToResponse(values.map((v) => (typeof v === 'string' ? v : String(v ?? ''))));
    return 'raw' in parsed ? parsed.raw : undefined;
  }
}

export class TrackerLog implements EventLog {
  constructor(private readonly tracker: Tracker) {}

  append(entries: readonly LogEntry[]): void {
    if (entries.length === 0) return;
    const sheet = this.tracker.sheet(SHEETS.log);
    const rows = entries.map(logEntryToRow);
    if (rows.length === 1) {
      sheet.appendRow(rows[0]!);
      return;
    }
    const last = sheet.getLastRow();
    const max = sheet.getMaxRows();
    if (last + rows.length > max) sheet.insertRowsAfter(max, last + rows.length - max);
    sheet.getRange(last + 1, 1, rows.length, LOG_HEADERS.length).setValues(rows);
  }
}

export class TrackerSettings implements SettingsSource {
  private cached: { settings: Settings; problems: readonly SettingsProblem[] } | undefined;

  constructor(
    private readonly tracker: Tracker,
    private readonly fallbackTimeZone: () => string,
  ) {}

  read(): { settings: Settings; problems: readonly SettingsProblem[] } {
    if (!this.cached) {
      const values = this.tracker.sheet(SHEETS.settings).getDataRange().getValues();
      // Settings hold no dates unless a manager typed one; only then is a time zone needed to read it.
      let tz: string | undefined;
      const zone = () => {
        tz ??= this.fallbackTimeZone();
        return tz;
      };
      this.cached = parseSettings(
        values.map((row) => row.map((v) => cellForCore(v, isDate(v) ? zone() : 'UTC', true))),
      );
    }
    return this.cached;
  }
}
