/**
 * The Sheets advanced service (Sheets API v4) as Apps Script exposes it, over the same spreadsheets as the
 * SpreadsheetApp fake: `Sheets.Spreadsheets.Values.batchGet` and `.batchUpdate`, and `Sheets.Spreadsheets
 * .get` (sheet properties) and `.batchUpdate` (growing a sheet, number formats). Rules it keeps:
 * - A1 ranges: a sheet name with anything but letters, digits and `_` is quoted (`'My sheet'!A1`, a quote
 *   inside doubled); an unknown sheet is "Unable to parse range"; a range past the sheet's grid is
 *   "exceeds grid limits" — the values API never grows a sheet;
 * - reads leave out trailing empty rows, and trailing empty cells of each row; `UNFORMATTED_VALUE` gives
 *   numbers, booleans and text as stored, a date as its serial number;
 * - writes: `valueInputOption` is required; `RAW` stores a string as that string (`=1+1` stays text, a
 *   leading apostrophe stays a character), `USER_ENTERED` parses it as if typed; a value is a string,
 *   number or boolean (null skips the cell); a cell holds at most 50,000 characters; the data must fit the
 *   range; a request is at most 10 MB; the batch is atomic — one bad range or value writes nothing;
 * - `Spreadsheets.batchUpdate` is atomic too, needs at least one request, and keeps a spreadsheet within
 *   10 million cells.
 * Every method is a counted call (service `Sheets`) and a fault point.
 */
import { columnLetters, columnNumber } from './a1-notation';
import { checkMask, parseFieldMask, project, type Schema } from './field-mask';
import type { GasWorld } from './gas-world';
import {
  type Cell,
  type CellValue,
  displayOf,
  evaluateFormula,
  type FakeSheet,
  type FakeSpreadsheet,
  type FakeSpreadsheetApp,
  isDate,
  isDateFormat,
  MAX_CELL_CHARS,
  parseUserEntered,
  serialOf,
} from './spreadsheet-app';

const SERVICE = 'Sheets';
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
export const MAX_SPREADSHEET_CELLS = 10_000_000;

function apiError(method: string, message: string, code = 400): Error {
  const e = new Error(
    `GoogleJsonResponseException: API call to sheets.spreadsheets.${method} failed with error: ${message}`,
  );
  (e as Error & { details?: unknown }).details = { code, message };
  return e;
}

/** A part of the request the fake does not model: a test-authoring error, never an API answer. */
function notModelled(what: string): Error {
  return new Error(`The Sheets fake does not model ${what}.`);
}

/** A sheet name that may stand unquoted in A1 notation (and is not itself a cell reference). */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CELL_LIKE = /^[A-Za-z]{1,3}\d+$|^R\d*C\d*$/i;

export function a1SheetName(name: string): string {
  return PLAIN_NAME.test(name) && !CELL_LIKE.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A rectangle of one sheet, 1-based and inclusive. */
interface GridRef {
  readonly sheet: FakeSheet;
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

function refA1(ref: GridRef): string {
  const start = `${columnLetters(ref.c1)}${ref.r1}`;
  const end = `${columnLetters(ref.c2)}${ref.r2}`;
  return `${a1SheetName(ref.sheet.getName())}!${start === end ? start : `${start}:${end}`}`;
}

const CELLS = /^([A-Za-z]{0,3})(\d*)(?::([A-Za-z]{0,3})(\d*))?$/;

/** Parses an A1 range as the API does, or throws its error. */
export function parseA1(ss: FakeSpreadsheet, a1: unknown, method: string): GridRef {
  if (typeof a1 !== 'string' || a1.trim() === '') throw apiError(method, `Unable to parse range: ${a1}`);
  let name: string | undefined;
  let cells = '';
  if (a1.startsWith("'")) {
    let i = 1;
    let n = '';
    for (;;) {
      if (i >= a1.length) throw apiError(method, `Unable to parse range: ${a1}`);
      if (a1[i] === "'") {
        if (a1[i + 1] === "'") {
          n += "'";
          i += 2;
          continue;
        }
        break;
      }
      n += a1[i];
      i++;
    }
    name = n;
    const rest = a1.slice(i + 1);
    if (rest !== '' && !rest.startsWith('!')) throw apiError(method, `Unable to parse range: ${a1}`);
    cells = rest.slice(1);
  } else {
    const bang = a1.indexOf('!');
    if (bang >= 0) {
      name = a1.slice(0, bang);
      cells = a1.slice(bang + 1);
    } else if (CELLS.test(a1) && /\d|:/.test(a1)) {
      cells = a1;
    } else {
      name = a1;
    }
    if (name !== undefined && (!PLAIN_NAME.test(name) || CELL_LIKE.test(name))) {
      throw apiError(method, `Unable to parse range: ${a1}`);
    }
  }
  const sheet = name === undefined ? ss.firstSheet() : ss.peekSheet(name);
  if (!sheet) throw apiError(method, `Unable to parse range: ${a1}`);
  const grid = sheet.grid();
  let r1 = 1;
  let c1 = 1;
  let r2 = grid.rows;
  let c2 = grid.columns;
  if (cells !== '') {
    const m = CELLS.exec(cells);
    if (!m || (!m[1] && !m[2]) || (cells.includes(':') && !m[3] && !m[4])) {
      throw apiError(method, `Unable to parse range: ${a1}`);
    }
    const [, sc, sr, ec, er] = m;
    c1 = sc ? columnNumber(sc) : 1;
    r1 = sr ? Number(sr) : 1;
    if (!cells.includes(':')) {
      // One cell needs both its column and its row.
      if (!sc || !sr) throw apiError(method, `Unable to parse range: ${a1}`);
      c2 = c1;
      r2 = r1;
    } else {
      // An open end (`A:A`, `2:2`, `A2:B`) runs to the edge of the grid.
      c2 = ec ? columnNumber(ec) : grid.columns;
      r2 = er ? Number(er) : grid.rows;
    }
    if (r1 < 1 || r2 < 1) throw apiError(method, `Unable to parse range: ${a1}`);
    [r1, r2] = [Math.min(r1, r2), Math.max(r1, r2)];
    [c1, c2] = [Math.min(c1, c2), Math.max(c1, c2)];
  }
  if (r2 > grid.rows || c2 > grid.columns) {
    throw apiError(
      method,
      `Range (${a1}) exceeds grid limits. Max rows: ${grid.rows}, max columns: ${grid.columns}`,
    );
  }
  return { sheet, r1, c1, r2, c2 };
}

type Render = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
type DateRender = 'SERIAL_NUMBER' | 'FORMATTED_STRING';

function readCell(cell: Cell, render: Render, dates: DateRender, timeZone: string): CellValue {
  if (render === 'FORMULA' && cell.formula) return cell.formula;
  if (render === 'FORMATTED_VALUE') return displayOf(cell, timeZone);
  const v = cell.formula ? evaluateFormula(cell.formula) : cell.value;
  const isDateCell = isDate(v) || (typeof v === 'number' && cell.format !== '' && isDateFormat(cell.format));
  if (isDateCell && dates === 'FORMATTED_STRING') return displayOf(cell, timeZone);
  if (isDate(v)) return serialOf(v, timeZone);
  return v;
}

function isEmpty(cell: Cell): boolean {
  return cell.formula === '' && cell.value === '';
}

function readRange(ref: GridRef, render: Render, dates: DateRender): CellValue[][] {
  const tz = ref.sheet.timeZone();
  const rows: CellValue[][] = [];
  for (let r = ref.r1; r <= ref.r2; r++) {
    let last = -1;
    const line: CellValue[] = [];
    for (let c = ref.c1; c <= ref.c2; c++) {
      const cell = ref.sheet.cellAt(r, c);
      line.push(isEmpty(cell) ? '' : readCell(cell, render, dates, tz));
      if (!isEmpty(cell)) last = c - ref.c1;
    }
    rows.push(line.slice(0, last + 1));
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

function oneOf<T extends string>(
  method: string,
  name: string,
  v: unknown,
  allowed: readonly T[],
  dflt: T,
): T {
  if (v === undefined) return dflt;
  if (!(allowed as readonly unknown[]).includes(v)) throw apiError(method, `Invalid ${name}: ${String(v)}`);
  return v as T;
}

const SPREADSHEET: Schema = {
  spreadsheetId: true,
  spreadsheetUrl: true,
  properties: { title: true, locale: true, timeZone: true },
  sheets: {
    properties: {
      sheetId: true,
      title: true,
      index: true,
      sheetType: true,
      gridProperties: { rowCount: true, columnCount: true, frozenRowCount: true },
    },
  },
};

export interface FakeSheets {
  readonly Spreadsheets: {
    readonly Values: {
      batchGet(spreadsheetId: string, options?: Record<string, unknown>): Record<string, unknown>;
      batchUpdate(resource: Record<string, unknown>, spreadsheetId: string): Record<string, unknown>;
    };
    get(spreadsheetId: string, options?: Record<string, unknown>): Record<string, unknown>;
    batchUpdate(resource: Record<string, unknown>, spreadsheetId: string): Record<string, unknown>;
  };
}

export function createSheets(world: GasWorld, app: FakeSpreadsheetApp): FakeSheets {
  const call = (method: string) => world.ledger.record(SERVICE, `Spreadsheets.${method}`);
  const open = (id: string, method: string): FakeSpreadsheet => {
    const ss = app.spreadsheets.get(id);
    const file = world.files.get(id);
    if (!ss || !file || file.trashed) throw apiError(method, 'Requested entity was not found.', 404);
    return ss;
  };

  return {
    Spreadsheets: {
      Values: {
        batchGet(spreadsheetId, options = {}) {
          call('Values.batchGet');
          const method = 'values.batchGet';
          const ss = open(spreadsheetId, method);
          const render = oneOf<Render>(
            method,
            'valueRenderOption',
            options['valueRenderOption'],
            ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'],
            'FORMATTED_VALUE',
          );
          const dates = oneOf<DateRender>(
            method,
            'dateTimeRenderOption',
            options['dateTimeRenderOption'],
            ['SERIAL_NUMBER', 'FORMATTED_STRING'],
            'SERIAL_NUMBER',
          );
          if (options['majorDimension'] !== undefined && options['majorDimension'] !== 'ROWS') {
            throw notModelled('majorDimension other than ROWS');
          }
          const raw = options['ranges'];
          const ranges = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
          if (ranges.length === 0) return { spreadsheetId };
          const refs = ranges.map((r) => parseA1(ss, r, method));
          return {
            spreadsheetId,
            valueRanges: refs.map((ref) => {
              const values = readRange(ref, render, dates);
              return { range: refA1(ref), majorDimension: 'ROWS', ...(values.length ? { values } : {}) };
            }),
          };
        },

        batchUpdate(resource, spreadsheetId) {
          call('Values.batchUpdate');
          const method = 'values.batchUpdate';
          const ss = open(spreadsheetId, method);
          const size = Buffer.byteLength(JSON.stringify(resource ?? {}), 'utf8');
          if (size > MAX_REQUEST_BYTES) {
            throw apiError(
              method,
              `Request payload size exceeds the limit: ${MAX_REQUEST_BYTES} bytes.`,
              413,
            );
          }
          const input = resource?.['valueInputOption'];
          if (input !== 'RAW' && input !== 'USER_ENTERED') {
            throw apiError(method, `Invalid valueInputOption: ${input ?? 'INPUT_VALUE_OPTION_UNSPECIFIED'}`);
          }
          if (resource['includeValuesInResponse'] !== undefined) throw notModelled('includeValuesInResponse');
          const data = (resource['data'] ?? []) as unknown[];
          if (!Array.isArray(data))
            throw apiError(method, "Invalid JSON payload received. 'data' is a list.");
          // Everything is checked before anything is written: the batch is atomic.
          const writes: Array<{
            sheet: FakeSheet;
            row: number;
            col: number;
            value: CellValue;
            formula: string;
          }> = [];
          const responses: Record<string, unknown>[] = [];
          const sheets = new Set<FakeSheet>();
          let cellsUpdated = 0;
          data.forEach((item, k) => {
            const vr = (item ?? {}) as Record<string, unknown>;
            if (vr['majorDimension'] !== undefined && vr['majorDimension'] !== 'ROWS') {
              throw notModelled('majorDimension other than ROWS');
            }
            const ref = parseA1(ss, vr['range'], method);
            const values = vr['values'];
            if (!Array.isArray(values) || values.some((line) => !Array.isArray(line))) {
              throw apiError(method, `Invalid value at 'data[${k}].values': a list of lists.`);
            }
            const tz = ref.sheet.timeZone();
            let rows = 0;
            let cols = 0;
            (values as unknown[][]).forEach((line, i) => {
              const row = ref.r1 + i;
              if (row > ref.r2) {
                throw apiError(
                  method,
                  `Requested writing within range [${String(vr['range'])}], but tried writing to row [${row}]`,
                );
              }
              line.forEach((v, j) => {
                const col = ref.c1 + j;
                if (col > ref.c2) {
                  throw apiError(
                    method,
                    `Requested writing within range [${String(vr['range'])}], but tried writing to column [${columnLetters(col)}]`,
                  );
                }
                if (v === null || v === undefined) return;
                if (typeof v === 'number' && !Number.isFinite(v)) {
                  throw apiError(method, `Invalid value at 'data[${k}].values[${i}][${j}]': not a number.`);
                }
                if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
                  throw apiError(
                    method,
                    `Invalid value at 'data[${k}].values[${i}][${j}]' (type.googleapis.com/google.protobuf.ListValue), ${JSON.stringify(v)}`,
                  );
                }
                if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
                  throw apiError(
                    method,
                    `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
                  );
                }
                const p = input === 'RAW' ? { value: v as CellValue, formula: '' } : parseUserEntered(v, tz);
                writes.push({ sheet: ref.sheet, row, col, ...p });
                rows = Math.max(rows, i + 1);
                cols = Math.max(cols, j + 1);
                cellsUpdated++;
              });
            });
            sheets.add(ref.sheet);
            responses.push({
              spreadsheetId,
              updatedRange: refA1({
                ...ref,
                r2: ref.r1 + Math.max(rows, 1) - 1,
                c2: ref.c1 + Math.max(cols, 1) - 1,
              }),
              updatedRows: rows,
              updatedColumns: cols,
              updatedCells: values.flat().filter((v) => v !== null && v !== undefined).length,
            });
          });
          for (const w of writes) w.sheet.writeCell(w.row, w.col, { value: w.value, formula: w.formula });
          return {
            spreadsheetId,
            totalUpdatedRows: responses.reduce((n, r) => n + (r['updatedRows'] as number), 0),
            totalUpdatedColumns: Math.max(0, ...responses.map((r) => r['updatedColumns'] as number)),
            totalUpdatedCells: cellsUpdated,
            totalUpdatedSheets: sheets.size,
            responses,
          };
        },
      },

      get(spreadsheetId, options = {}) {
        call('get');
        const method = 'get';
        const ss = open(spreadsheetId, method);
        if (options['includeGridData'] || options['ranges']) throw notModelled('reading grid data with get');
        const resource = {
          spreadsheetId,
          spreadsheetUrl: ss.getUrl(),
          properties: { title: ss.getName(), locale: 'en_US', timeZone: ss.timeZoneNow() },
          sheets: ss.sheetNames().map((name, index) => {
            const sheet = ss.peekSheet(name)!;
            const grid = sheet.grid();
            return {
              properties: {
                sheetId: sheet.getSheetId(),
                title: name,
                index,
                sheetType: 'GRID',
                gridProperties: {
                  rowCount: grid.rows,
                  columnCount: grid.columns,
                  ...(sheet.peekFrozenRows() ? { frozenRowCount: sheet.peekFrozenRows() } : {}),
                },
              },
            };
          }),
        };
        const fields = options['fields'];
        if (fields === undefined) return resource;
        let tree: ReturnType<typeof parseFieldMask>;
        try {
          // The Sheets API separates subfields with dots (`sheets.properties(sheetId,title)`).
          tree = parseFieldMask(String(fields).replace(/\./g, '/'));
          checkMask(tree, SPREADSHEET);
        } catch (e) {
          throw apiError(method, (e as Error).message);
        }
        return project(resource, tree) as Record<string, unknown>;
      },

      batchUpdate(resource, spreadsheetId) {
        call('batchUpdate');
        const method = 'batchUpdate';
        const ss = open(spreadsheetId, method);
        const requests = resource?.['requests'];
        if (!Array.isArray(requests) || requests.length === 0) {
          throw apiError(method, 'Must specify at least one request.');
        }
        const byId = new Map(ss.sheetNames().map((n) => [ss.peekSheet(n)!.getSheetId(), ss.peekSheet(n)!]));
        const size = new Map([...byId].map(([id, sheet]) => [id, { ...sheet.grid() }]));
        const grid = (id: unknown, where: string) => {
          const g = size.get(id as number);
          if (!g) throw apiError(method, `Invalid ${where}: No grid with id: ${String(id)}`);
          return g;
        };
        type Apply = () => void;
        const apply: Apply[] = [];
        // Checked against the grid as the earlier requests leave it, then applied: the batch is atomic.
        requests.forEach((request: Record<string, unknown>, i) => {
          const kinds = Object.keys(request ?? {});
          if (kinds.length !== 1)
            throw apiError(method, `Invalid requests[${i}]: exactly one kind of request.`);
          const kind = kinds[0]!;
          const body = request[kind] as Record<string, unknown>;
          const where = `requests[${i}].${kind}`;
          if (kind === 'appendDimension') {
            const g = grid(body['sheetId'], where);
            const length = body['length'];
            if (!Number.isInteger(length) || (length as number) < 1) {
              throw apiError(method, `Invalid ${where}: length must be at least 1.`);
            }
            const rows = body['dimension'] === 'ROWS' ? (length as number) : 0;
            const cols = body['dimension'] === 'COLUMNS' ? (length as number) : 0;
            if (rows === 0 && cols === 0)
              throw apiError(method, `Invalid ${where}: dimension is ROWS or COLUMNS.`);
            g.rows += rows;
            g.columns += cols;
            const total = [...size.values()].reduce((n, s) => n + s.rows * s.columns, 0);
            if (total > MAX_SPREADSHEET_CELLS) {
              throw apiError(
                method,
                `This action would increase the number of cells in the workbook above the limit of ${MAX_SPREADSHEET_CELLS} cells.`,
              );
            }
            const sheet = byId.get(body['sheetId'] as number)!;
            apply.push(() => sheet.growGrid(rows, cols));
          } else if (kind === 'repeatCell') {
            const range = (body['range'] ?? {}) as Record<string, number | undefined>;
            const g = grid(range['sheetId'], where);
            const r0 = range['startRowIndex'] ?? 0;
            const r1 = range['endRowIndex'] ?? g.rows;
            const c0 = range['startColumnIndex'] ?? 0;
            const c1 = range['endColumnIndex'] ?? g.columns;
            if (r0 < 0 || c0 < 0 || r0 >= r1 || c0 >= c1 || r1 > g.rows || c1 > g.columns) {
              throw apiError(
                method,
                `Invalid ${where}: the range is outside the grid (${g.rows} rows, ${g.columns} columns).`,
              );
            }
            const fields = String(body['fields'] ?? '').replace(/\s/g, '');
            if (fields === '') throw apiError(method, `Invalid ${where}: fields must be specified.`);
            if (fields !== 'userEnteredFormat.numberFormat' && fields !== 'userEnteredFormat(numberFormat)') {
              throw notModelled(`repeatCell fields other than userEnteredFormat.numberFormat (${fields})`);
            }
            const cell = (body['cell'] ?? {}) as {
              userEnteredFormat?: { numberFormat?: { type?: string; pattern?: string } };
            };
            const format = cell.userEnteredFormat?.numberFormat;
            const TYPES = [
              'TEXT',
              'NUMBER',
              'PERCENT',
              'CURRENCY',
              'DATE',
              'TIME',
              'DATE_TIME',
              'SCIENTIFIC',
            ];
            if (format && !TYPES.includes(String(format.type))) {
              throw apiError(
                method,
                `Invalid ${where}.cell.userEnteredFormat.numberFormat.type: ${format.type}`,
              );
            }
            const sheet = byId.get(range['sheetId'] as number)!;
            const pattern = format ? (format.pattern ?? (format.type === 'DATE' ? 'yyyy-mm-dd' : '')) : '';
            apply.push(() => {
              for (let r = r0 + 1; r <= r1; r++) {
                for (let c = c0 + 1; c <= c1; c++) sheet.cellAt(r, c, true).format = pattern;
              }
            });
          } else {
            throw notModelled(`the ${kind} request`);
          }
        });
        for (const a of apply) a();
        return { spreadsheetId, replies: requests.map(() => ({})) };
      },
    },
  };
}
