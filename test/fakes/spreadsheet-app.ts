/**
 * An in-memory SpreadsheetApp. It enforces the rules that bite real code:
 * - a string written with setValue/setValues/appendRow is parsed as if a user typed it: `=…` becomes a
 *   formula (its displayed value is evaluated, or `#ERROR!`), number-, boolean- and date-looking text becomes
 *   a number, boolean or Date, and only a leading apostrophe keeps text literal (shown without it);
 * - a cell holds at most 50,000 characters;
 * - setValues needs data of exactly the range's shape;
 * - a range outside the sheet's rows and columns is an error (a new sheet has 1,000 rows and 26 columns;
 *   appendRow and insertRowsAfter grow it);
 * - a sheet name is unique in its spreadsheet;
 * - a date is a number with a date format: `getValues` returns a `Date` for a number in a cell formatted
 *   as a date (as the Sheets API writes dates), and the Sheets API reads a `Date` back as its serial number.
 */
import { columnLetters, columnNumber } from './a1-notation';
import { type GasWorld, MIME, registerFile } from './gas-world';
import { instantOf, wallTime } from './time-zone';

export type CellValue = string | number | boolean | Date;

export interface Cell {
  value: CellValue;
  formula: string;
  note: string;
  /** The number format ('' for automatic): a number in a cell with a date format is a date. */
  format: string;
}

const SERVICE = 'SpreadsheetApp';
export const MAX_CELL_CHARS = 50000;

function emptyCell(): Cell {
  return { value: '', formula: '', note: '', format: '' };
}

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Whether a number format shows dates or times (quoted literals and [colour] sections aside). */
export function isDateFormat(pattern: string): boolean {
  return /[dyhs]/i.test(pattern.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

const DAY_MS = 86400000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** The serial number Sheets stores for an instant: days since 1899-12-30 on the wall clock of `timeZone`. */
export function serialOf(date: Date, timeZone: string): number {
  const w = wallTime(date, timeZone);
  return (Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s, w.ms) - SERIAL_EPOCH) / DAY_MS;
}

/** The instant a serial number stands for, read on the wall clock of `timeZone`. */
export function dateOfSerial(serial: number, timeZone: string): Date {
  const wall = new Date(SERIAL_EPOCH + Math.round(serial * DAY_MS));
  return instantOf(
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    timeZone,
  );
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?\d+(\.\d+)?%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** What a written value becomes in the cell: Sheets parses text as user input unless it starts with `'`. */
export function parseUserEntered(input: unknown, timeZone = 'UTC'): { value: CellValue; formula: string } {
  if (input === undefined) {
    throw new Error('Exception: The parameters (undefined) don’t match the method signature.');
  }
  if (input === null || input === '') return { value: '', formula: '' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { value: '#NUM!', formula: '' };
    return { value: input, formula: '' };
  }
  if (typeof input === 'boolean') return { value: input, formula: '' };
  if (isDate(input)) return { value: new Date(input.getTime()), formula: '' };
  if (typeof input !== 'string') return { value: String(input), formula: '' };
  if (input.length > MAX_CELL_CHARS) {
    throw new Error(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  }
  if (input.startsWith("'")) return { value: input.slice(1), formula: '' };
  if (input.startsWith('=') && input.length > 1) return { value: '', formula: input };
  const t = input.trim();
  if (t !== '' && NUMBER.test(t) && /\d/.test(t)) return { value: Number(t.replace(/,/g, '')), formula: '' };
  if (PERCENT.test(t)) return { value: Number(t.slice(0, -1)) / 100, formula: '' };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', formula: '' };
  const iso = ISO_DATE.exec(t);
  const us = US_DATE.exec(t);
  const parts = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
    : us
      ? [us[3], us[1], us[2], us[4], us[5], us[6]]
      : undefined;
  if (parts) {
    const [y, m, d, hh, mm, ss] = parts.map((p) => (p === undefined ? 0 : Number(p))) as number[];
    // Sheets stores a typed date as that wall time in the spreadsheet's time zone.
    if (validDate(y!, m!, d!)) return { value: instantOf(y!, m!, d!, hh!, mm!, ss!, timeZone), formula: '' };
  }
  return { value: input, formula: '' };
}

/** A tiny evaluator: enough to show that a formula was evaluated rather than kept as text. */
export function evaluateFormula(formula: string): CellValue {
  const hyperlink = /^=HYPERLINK\(\s*"([^"]*)"\s*(?:[,;]\s*"([^"]*)"\s*)?\)$/i.exec(formula);
  if (hyperlink) return hyperlink[2] ?? hyperlink[1] ?? '';
  const arithmetic = /^=\s*([+-]?\d+(?:\.\d+)?)\s*([+\-*/])\s*([+-]?\d+(?:\.\d+)?)\s*$/.exec(formula);
  if (arithmetic) {
    const a = Number(arithmetic[1]);
    const b = Number(arithmetic[3]);
    switch (arithmetic[2]) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      default:
        return b === 0 ? '#DIV/0!' : a / b;
    }
  }
  return '#ERROR!';
}

export function displayOf(cell: Cell, timeZone: string): string {
  const v = cellValue(cell, timeZone);
  if (isDate(v)) {
    const w = wallTime(v, timeZone);
    return `${w.mo}/${w.d}/${w.y}`;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** What `getValues` returns for a cell: a number shown as a date comes back as a `Date`. */
export function cellValue(cell: Cell, timeZone: string): CellValue {
  const v = cell.formula ? evaluateFormula(cell.formula) : cell.value;
  if (typeof v === 'number' && cell.format !== '' && isDateFormat(cell.format))
    return dateOfSerial(v, timeZone);
  return isDate(v) ? new Date(v.getTime()) : v;
}

export class FakeDataValidation {
  constructor(
    readonly criteriaType: 'VALUE_IN_LIST' | 'VALUE_IN_RANGE',
    readonly criteriaValues: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType(): string {
    return this.criteriaType;
  }
  getCriteriaValues(): unknown[] {
    return [...this.criteriaValues];
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
}

class DataValidationBuilder {
  private type: 'VALUE_IN_LIST' | 'VALUE_IN_RANGE' | undefined;
  private values: unknown[] = [];
  private allowInvalid = true;
  private help = '';
  requireValueInList(values: string[], showDropdown = true): this {
    if (!Array.isArray(values) || values.length === 0)
      throw new Error('Exception: The list of values is empty.');
    this.type = 'VALUE_IN_LIST';
    this.values = [[...values], showDropdown];
    return this;
  }
  requireValueInRange(range: FakeRange, showDropdown = true): this {
    this.type = 'VALUE_IN_RANGE';
    this.values = [range, showDropdown];
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.help = text;
    return this;
  }
  build(): FakeDataValidation {
    if (!this.type) throw new Error('Exception: A data validation rule needs a criterion.');
    return new FakeDataValidation(this.type, this.values, this.allowInvalid, this.help);
  }
}

export class FakeConditionalFormatRule {
  constructor(
    readonly formula: string,
    readonly background: string | null,
    readonly fontColor: string | null,
    readonly ranges: FakeRange[],
  ) {}
  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
  getBooleanCondition() {
    return {
      getCriteriaType: () => 'CUSTOM_FORMULA',
      getCriteriaValues: () => [this.formula],
      getBackground: () => this.background,
      getFontColor: () => this.fontColor,
    };
  }
  copy(): ConditionalFormatRuleBuilder {
    const b = new ConditionalFormatRuleBuilder().whenFormulaSatisfied(this.formula).setRanges(this.ranges);
    if (this.background) b.setBackground(this.background);
    if (this.fontColor) b.setFontColor(this.fontColor);
    return b;
  }
}

class ConditionalFormatRuleBuilder {
  private formula = '';
  private background: string | null = null;
  private fontColor: string | null = null;
  private ranges: FakeRange[] = [];
  whenFormulaSatisfied(formula: string): this {
    if (!formula.startsWith('='))
      throw new Error('Exception: Invalid formula: a custom formula starts with "=".');
    this.formula = formula;
    return this;
  }
  setBackground(color: string): this {
    this.background = color;
    return this;
  }
  setFontColor(color: string): this {
    this.fontColor = color;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this.ranges = [...ranges];
    return this;
  }
  build(): FakeConditionalFormatRule {
    if (!this.formula) throw new Error('Exception: A conditional format rule needs a condition.');
    if (this.ranges.length === 0)
      throw new Error('Exception: A conditional format rule needs at least one range.');
    return new FakeConditionalFormatRule(this.formula, this.background, this.fontColor, this.ranges);
  }
}

export class FakeChart {
  constructor(
    readonly id: string,
    readonly type: string,
    readonly ranges: FakeRange[],
    readonly position: readonly [number, number],
    readonly options: Record<string, unknown>,
  ) {}
  getChartId(): string {
    return this.id;
  }
  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
  getOptions() {
    return { get: (key: string) => this.options[key] };
  }
  modify(): ChartBuilder {
    const b = new ChartBuilder(this.id);
    b.setChartType(this.type);
    for (const r of this.ranges) b.addRange(r);
    b.setPosition(this.position[0], this.position[1], 0, 0);
    for (const [k, v] of Object.entries(this.options)) b.setOption(k, v);
    return b;
  }
}

class ChartBuilder {
  private type = '';
  private ranges: FakeRange[] = [];
  private position: [number, number] = [1, 1];
  private options: Record<string, unknown> = {};
  constructor(private readonly id: string) {}
  setChartType(type: string): this {
    this.type = type;
    return this;
  }
  addRange(range: FakeRange): this {
    this.ranges.push(range);
    return this;
  }
  setPosition(row: number, col: number, _offsetX: number, _offsetY: number): this {
    this.position = [row, col];
    return this;
  }
  setOption(key: string, value: unknown): this {
    this.options[key] = value;
    return this;
  }
  build(): FakeChart {
    if (!this.type) throw new Error('Exception: Chart type is required.');
    if (this.ranges.length === 0) throw new Error('Exception: A chart needs at least one data range.');
    return new FakeChart(this.id, this.type, this.ranges, this.position, this.options);
  }
}

export class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}

  private call(method: string, kind: 'io' | 'handle' = 'io'): void {
    this.sheet.world.ledger.record(SERVICE, `Range.${method}`, kind);
  }

  private cells<T>(fn: (cell: Cell, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numCols; c++)
        line.push(fn(this.sheet.cellAt(this.row + r, this.col + c), r, c));
      out.push(line);
    }
    return out;
  }

  getSheet(): FakeSheet {
    return this.sheet;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getA1Notation(): string {
    const start = `${columnLetters(this.col)}${this.row}`;
    if (this.numRows === 1 && this.numCols === 1) return start;
    return `${start}:${columnLetters(this.col + this.numCols - 1)}${this.row + this.numRows - 1}`;
  }

  getValues(): CellValue[][] {
    this.call('getValues');
    const tz = this.sheet.timeZone();
    return this.cells((c) => cellValue(c, tz));
  }
  getValue(): CellValue {
    this.call('getValue');
    return cellValue(this.sheet.cellAt(this.row, this.col), this.sheet.timeZone());
  }
  getDisplayValues(): string[][] {
    this.call('getDisplayValues');
    return this.cells((c) => displayOf(c, this.sheet.timeZone()));
  }
  getDisplayValue(): string {
    this.call('getDisplayValue');
    return displayOf(this.sheet.cellAt(this.row, this.col), this.sheet.timeZone());
  }
  getFormulas(): string[][] {
    this.call('getFormulas');
    return this.cells((c) => c.formula);
  }
  getFormula(): string {
    this.call('getFormula');
    return this.sheet.cellAt(this.row, this.col).formula;
  }
  getNotes(): string[][] {
    this.call('getNotes');
    return this.cells((c) => c.note);
  }
  getNote(): string {
    this.call('getNote');
    return this.sheet.cellAt(this.row, this.col).note;
  }

  setValues(values: unknown[][]): this {
    this.call('setValues');
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw new Error(
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this.numRows}.`,
      );
    }
    for (const line of values) {
      if (!Array.isArray(line) || line.length !== this.numCols) {
        throw new Error(
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(line) ? line.length : 0} but the range has ${this.numCols}.`,
        );
      }
    }
    // Parse everything first: a rejected cell rejects the whole write, as the real call does.
    const tz = this.sheet.timeZone();
    const parsed = values.map((line) => line.map((v) => parseUserEntered(v, tz)));
    parsed.forEach((line, r) => {
      line.forEach((p, c) => {
        this.sheet.writeCell(this.row + r, this.col + c, p);
      });
    });
    return this;
  }
  setValue(value: unknown): this {
    this.call('setValue');
    const p = parseUserEntered(value, this.sheet.timeZone());
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numCols; c++) this.sheet.writeCell(this.row + r, this.col + c, p);
    }
    return this;
  }
  setFormula(formula: string): this {
    this.call('setFormula');
    if (!formula.startsWith('=')) throw new Error('Exception: A formula starts with "=".');
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numCols; c++)
        this.sheet.writeCell(this.row + r, this.col + c, { value: '', formula });
    }
    return this;
  }
  setFormulas(formulas: string[][]): this {
    this.call('setFormulas');
    if (formulas.length !== this.numRows || formulas.some((l) => l.length !== this.numCols)) {
      throw new Error('Exception: The number of rows or columns in the data does not match the range.');
    }
    formulas.forEach((line, r) => {
      line.forEach((f, c) => {
        this.sheet.writeCell(this.row + r, this.col + c, parseUserEntered(f, this.sheet.timeZone()));
      });
    });
    return this;
  }
  setNote(note: string | null): this {
    this.call('setNote');
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numCols; c++)
        this.sheet.cellAt(this.row + r, this.col + c, true).note = note ?? '';
    }
    return this;
  }
  clearNote(): this {
    return this.setNote('');
  }
  clearContent(): this {
    this.call('clearContent');
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numCols; c++)
        this.sheet.writeCell(this.row + r, this.col + c, { value: '', formula: '' });
    }
    return this;
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    this.call('setDataValidation');
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numCols; c++) this.sheet.setValidation(this.row + r, this.col + c, rule);
    }
    return this;
  }
  getDataValidation(): FakeDataValidation | null {
    this.call('getDataValidation');
    return this.sheet.validationAt(this.row, this.col);
  }
  /** Formatting is recorded per range (and counted), not modelled cell by cell. */
  private format(method: string, value: unknown): this {
    this.call(method);
    this.sheet.formats.push({ a1: this.getA1Notation(), method, value });
    return this;
  }
  setBackground(color: string | null): this {
    return this.format('setBackground', color);
  }
  setFontWeight(weight: string | null): this {
    return this.format('setFontWeight', weight);
  }
  setNumberFormat(format: string): this {
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numCols; c++)
        this.sheet.cellAt(this.row + r, this.col + c, true).format = format;
    }
    return this.format('setNumberFormat', format);
  }
  setWrap(wrap: boolean): this {
    return this.format('setWrap', wrap);
  }
  setHorizontalAlignment(alignment: string): this {
    return this.format('setHorizontalAlignment', alignment);
  }
}

export class FakeSheet {
  private rows: (Cell | undefined)[][] = [];
  private readonly validations = new Map<string, FakeDataValidation>();
  private conditionalRules: FakeConditionalFormatRule[] = [];
  private readonly charts: FakeChart[] = [];
  private frozenRows = 0;
  readonly formats: Array<{ a1: string; method: string; value: unknown }> = [];

  constructor(
    readonly world: GasWorld,
    private readonly parent: FakeSpreadsheet,
    private name: string,
    readonly sheetId: number,
    private maxRows = 1000,
    private maxColumns = 26,
  ) {}

  private call(method: string, kind: 'io' | 'handle' = 'io'): void {
    this.world.ledger.record(SERVICE, `Sheet.${method}`, kind);
  }

  /** The cell at (row, col), 1-based; with `create`, allocates it. */
  cellAt(row: number, col: number, create = false): Cell {
    const line = this.rows[row - 1];
    const cell = line?.[col - 1];
    if (cell) return cell;
    if (!create) return emptyCell();
    if (!this.rows[row - 1]) this.rows[row - 1] = [];
    const fresh = emptyCell();
    (this.rows[row - 1] as (Cell | undefined)[])[col - 1] = fresh;
    return fresh;
  }

  writeCell(row: number, col: number, p: { value: CellValue; formula: string }): void {
    const cell = this.cellAt(row, col, true);
    cell.value = p.value;
    cell.formula = p.formula;
  }

  setValidation(row: number, col: number, rule: FakeDataValidation | null): void {
    const key = `${row},${col}`;
    if (rule) this.validations.set(key, rule);
    else this.validations.delete(key);
  }

  validationAt(row: number, col: number): FakeDataValidation | null {
    return this.validations.get(`${row},${col}`) ?? null;
  }

  private hasContent(cell: Cell | undefined): boolean {
    return !!cell && (cell.formula !== '' || cell.value !== '');
  }

  private lastRowIndex(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      if (this.rows[r - 1]?.some((c) => this.hasContent(c))) return r;
    }
    return 0;
  }

  private lastColumnIndex(): number {
    let last = 0;
    for (const line of this.rows) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) {
        if (this.hasContent(line[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  timeZone(): string {
    return this.parent.timeZoneNow();
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.call('setName');
    if (this.parent.sheetNames().some((n) => n === name && n !== this.name)) {
      throw new Error(
        `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    this.name = name;
    return this;
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getParent(): FakeSpreadsheet {
    return this.parent;
  }
  getMaxRows(): number {
    this.call('getMaxRows');
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.call('getMaxColumns');
    return this.maxColumns;
  }
  getLastRow(): number {
    this.call('getLastRow');
    return this.lastRowIndex();
  }
  getLastColumn(): number {
    this.call('getLastColumn');
    return this.lastColumnIndex();
  }

  getRange(a: number | string, col?: number, numRows = 1, numCols = 1): FakeRange {
    this.call('getRange', 'handle');
    if (typeof a === 'string') return this.rangeFromA1(a);
    return this.makeRange(a, col ?? 1, numRows, numCols);
  }

  private makeRange(row: number, col: number, numRows: number, numCols: number): FakeRange {
    if (![row, col, numRows, numCols].every((n) => Number.isInteger(n))) {
      throw new Error('Exception: The parameters don’t match the method signature.');
    }
    if (row < 1 || col < 1)
      throw new Error('Exception: The starting row or column of the range is too small.');
    if (numRows < 1) throw new Error('Exception: The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Error('Exception: The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || col + numCols - 1 > this.maxColumns) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, col, numRows, numCols);
  }

  private rangeFromA1(a1: string): FakeRange {
    const m = /^([A-Z]+)?(\d+)?(?::([A-Z]+)?(\d+)?)?$/i.exec(a1.trim());
    if (!m || (!m[1] && !m[2])) throw new Error(`Exception: Range not found: ${a1}`);
    const c1 = m[1] ? columnNumber(m[1]) : 1;
    const r1 = m[2] ? Number(m[2]) : 1;
    const hasEnd = a1.includes(':');
    const c2 = hasEnd ? (m[3] ? columnNumber(m[3]) : m[1] ? this.maxColumns : this.maxColumns) : c1;
    const r2 = hasEnd ? (m[4] ? Number(m[4]) : this.maxRows) : r1;
    return this.makeRange(Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1);
  }

  getDataRange(): FakeRange {
    this.call('getDataRange', 'handle');
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRowIndex()), Math.max(1, this.lastColumnIndex()));
  }

  insertRowsAfter(after: number, howMany: number): this {
    this.call('insertRowsAfter');
    if (after < 1 || after > this.maxRows) throw new Error('Exception: Those rows are out of bounds.');
    this.rows.splice(after, 0, ...Array.from({ length: howMany }, () => []));
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number): this {
    this.call('insertColumnsAfter');
    if (after < 1 || after > this.maxColumns) throw new Error('Exception: Those columns are out of bounds.');
    for (const line of this.rows) line?.splice(after, 0, ...Array.from({ length: howMany }, () => undefined));
    this.maxColumns += howMany;
    return this;
  }

  appendRow(values: unknown[]): this {
    this.call('appendRow');
    const tz = this.timeZone();
    const parsed = values.map((v) => parseUserEntered(v, tz));
    const row = this.lastRowIndex() + 1;
    if (row > this.maxRows) this.maxRows = row;
    if (parsed.length > this.maxColumns) this.maxColumns = parsed.length;
    parsed.forEach((p, c) => {
      this.writeCell(row, c + 1, p);
    });
    return this;
  }

  setFrozenRows(n: number): void {
    this.call('setFrozenRows');
    this.frozenRows = n;
  }
  getFrozenRows(): number {
    this.call('getFrozenRows');
    return this.frozenRows;
  }
  setColumnWidth(_col: number, _width: number): this {
    this.call('setColumnWidth');
    return this;
  }
  setTabColor(_color: string | null): this {
    this.call('setTabColor');
    return this;
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.call('getConditionalFormatRules');
    return [...this.conditionalRules];
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.call('setConditionalFormatRules');
    for (const rule of rules) {
      if (rule.getRanges().some((r) => r.getSheet() !== this)) {
        throw new Error('Exception: A conditional format rule cannot reference a different sheet.');
      }
    }
    this.conditionalRules = [...rules];
  }

  newChart(): ChartBuilder {
    return new ChartBuilder(this.world.ids.next('chart'));
  }
  insertChart(chart: FakeChart): void {
    this.call('insertChart');
    if (this.charts.some((c) => c.id === chart.id))
      throw new Error('Exception: The chart is already in the sheet.');
    this.charts.push(chart);
  }
  updateChart(chart: FakeChart): void {
    this.call('updateChart');
    const i = this.charts.findIndex((c) => c.id === chart.id);
    if (i < 0) throw new Error('Exception: The chart is not in the sheet.');
    this.charts[i] = chart;
  }
  removeChart(chart: FakeChart): void {
    this.call('removeChart');
    const i = this.charts.findIndex((c) => c.id === chart.id);
    if (i >= 0) this.charts.splice(i, 1);
  }
  getCharts(): FakeChart[] {
    this.call('getCharts');
    return [...this.charts];
  }

  clear(): this {
    this.call('clear');
    this.rows = [];
    this.validations.clear();
    return this;
  }

  // For the Sheets API fake, which counts its own calls: the grid and its growth.
  /** The grid's size (a new sheet: 1,000 rows, 26 columns). */
  grid(): { rows: number; columns: number } {
    return { rows: this.maxRows, columns: this.maxColumns };
  }
  /** Adds rows and columns at the end of the grid; new cells are blank and unformatted. */
  growGrid(rows: number, columns: number): void {
    this.maxRows += rows;
    this.maxColumns += columns;
  }
  /** Row and column (1-based) of the last cell with content, 0 when none. */
  lastContent(): { row: number; column: number } {
    return { row: this.lastRowIndex(), column: this.lastColumnIndex() };
  }

  // Test helpers (not Apps Script): read and seed without counting calls.
  /** The sheet's content as getDataRange().getValues() would return it, without counting a call. */
  peekValues(): CellValue[][] {
    const rows = Math.max(1, this.lastRowIndex());
    const cols = Math.max(1, this.lastColumnIndex());
    const tz = this.timeZone();
    return new FakeRange(this, 1, 1, rows, cols)['cells']((c) => cellValue(c, tz));
  }
  peekFormulas(): string[][] {
    const rows = Math.max(1, this.lastRowIndex());
    const cols = Math.max(1, this.lastColumnIndex());
    return new FakeRange(this, 1, 1, rows, cols)['cells']((c) => c.formula);
  }
  peekNote(row: number, col: number): string {
    return this.cellAt(row, col).note;
  }
  /** Stores values exactly as given (already typed), growing the sheet: for seeding large fixtures. */
  seedRows(startRow: number, values: CellValue[][]): void {
    const end = startRow + values.length - 1;
    if (end > this.maxRows) this.maxRows = end;
    values.forEach((line, r) => {
      if (line.length > this.maxColumns) this.maxColumns = line.length;
      this.rows[startRow - 1 + r] = line.map((v) => ({ value: v, formula: '', note: '', format: '' }));
    });
  }
  /** A manager typing into a cell: the value is parsed as user input, and the onEdit event is returned. */
  userEdit(row: number, col: number, typed: string, user: string) {
    const range = new FakeRange(this, row, col, 1, 1);
    const oldCell = this.cellAt(row, col);
    const oldValue = displayOf(oldCell, this.timeZone());
    this.writeCell(row, col, parseUserEntered(typed, this.timeZone()));
    return {
      range,
      source: this.parent,
      value: typed,
      oldValue: oldCell.value === '' && !oldCell.formula ? undefined : oldValue,
      user: { getEmail: () => user },
      authMode: 'FULL',
      triggerUid: 'edit-trigger',
    };
  }
  /** A manager pasting a block: Apps Script gives no `oldValue` for an edit of more than one cell. */
  userPaste(row: number, col: number, typed: string[][], user: string) {
    typed.forEach((line, r) => {
      line.forEach((t, c) => {
        this.writeCell(row + r, col + c, parseUserEntered(t, this.timeZone()));
      });
    });
    return {
      range: new FakeRange(this, row, col, typed.length, typed[0]?.length ?? 0),
      source: this.parent,
      user: { getEmail: () => user },
      authMode: 'FULL',
      triggerUid: 'edit-trigger',
    };
  }
  peekConditionalRules(): FakeConditionalFormatRule[] {
    return [...this.conditionalRules];
  }
  peekCharts(): FakeChart[] {
    return [...this.charts];
  }
  peekFrozenRows(): number {
    return this.frozenRows;
  }
  peekValidation(row: number, col: number): FakeDataValidation | null {
    return this.validationAt(row, col);
  }
}

export class FakeSpreadsheet {
  private readonly sheets: FakeSheet[] = [];
  private timeZone: string;
  private nextSheetId = 0;

  constructor(
    readonly world: GasWorld,
    readonly id: string,
    private name: string,
  ) {
    this.timeZone = world.timeZone;
  }

  private call(method: string, kind: 'io' | 'handle' = 'io'): void {
    this.world.ledger.record(SERVICE, `Spreadsheet.${method}`, kind);
  }

  /** The spreadsheet's time zone, without counting a call (cells use it to parse and show dates). */
  timeZoneNow(): string {
    return this.timeZone;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.getName());
  }

  addSheet(name: string, rows?: number, cols?: number): FakeSheet {
    const sheet = new FakeSheet(this.world, this, name, this.nextSheetId, rows, cols);
    this.nextSheetId += 1;
    this.sheets.push(sheet);
    return sheet;
  }

  getId(): string {
    return this.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getName(): string {
    return this.name;
  }
  rename(name: string): void {
    this.call('rename');
    this.name = name;
  }
  getSpreadsheetTimeZone(): string {
    this.call('getSpreadsheetTimeZone');
    return this.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this.call('setSpreadsheetTimeZone');
    this.timeZone = tz;
  }
  getSheets(): FakeSheet[] {
    this.call('getSheets', 'handle');
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    this.call('getSheetByName', 'handle');
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }
  insertSheet(name?: string, index?: number): FakeSheet {
    this.call('insertSheet');
    const sheetName = name ?? `Sheet${this.sheets.length + 1}`;
    if (this.sheets.some((s) => s.getName() === sheetName)) {
      throw new Error(
        `Exception: A sheet with the name "${sheetName}" already exists. Please enter another name.`,
      );
    }
    const sheet = this.addSheet(sheetName);
    if (index !== undefined) {
      this.sheets.pop();
      this.sheets.splice(index, 0, sheet);
    }
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    this.call('deleteSheet');
    if (this.sheets.length === 1)
      throw new Error('Exception: You can’t remove all the sheets in a document.');
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error('Exception: Sheet not found.');
    this.sheets.splice(i, 1);
  }
  /** The first sheet (what an A1 range without a sheet name refers to), without counting a call. */
  firstSheet(): FakeSheet | undefined {
    return this.sheets[0];
  }
  /** Test helper: a sheet without counting a call. */
  peekSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.getName() === name);
  }
}

export interface FakeSpreadsheetApp {
  readonly spreadsheets: Map<string, FakeSpreadsheet>;
  create(name: string, rows?: number, columns?: number): FakeSpreadsheet;
  openById(id: string): FakeSpreadsheet;
  getActiveSpreadsheet(): FakeSpreadsheet | null;
  flush(): void;
  newDataValidation(): DataValidationBuilder;
  newConditionalFormatRule(): ConditionalFormatRuleBuilder;
  readonly DataValidationCriteria: Record<string, string>;
}

export function createSpreadsheetApp(world: GasWorld): FakeSpreadsheetApp {
  const spreadsheets = new Map<string, FakeSpreadsheet>();
  const call = (method: string) => world.ledger.record(SERVICE, method);
  return {
    spreadsheets,
    create(name, rows, columns) {
      call('create');
      const id = world.ids.next('1sS');
      const ss = new FakeSpreadsheet(world, id, name);
      ss.addSheet('Sheet1', rows, columns);
      spreadsheets.set(id, ss);
      registerFile(world, { id, name, mimeType: MIME.spreadsheet });
      return ss;
    },
    openById(id) {
      call('openById');
      const ss = spreadsheets.get(id);
      const file = world.files.get(id);
      if (!ss || !file || file.trashed) {
        throw new Error(
          'Exception: Unexpected error while getting the method or property openById on object SpreadsheetApp.',
        );
      }
      return ss;
    },
    getActiveSpreadsheet() {
      call('getActiveSpreadsheet');
      // A standalone script has no container.
      return null;
    },
    flush() {
      call('flush');
    },
    newDataValidation: () => new DataValidationBuilder(),
    newConditionalFormatRule: () => new ConditionalFormatRuleBuilder(),
    DataValidationCriteria: { VALUE_IN_LIST: 'VALUE_IN_LIST', VALUE_IN_RANGE: 'VALUE_IN_RANGE' },
  };
}

export const FakeCharts = {
  ChartType: {
    AREA: 'AREA',
    BAR: 'BAR',
    COLUMN: 'COLUMN',
    LINE: 'LINE',
    PIE: 'PIE',
    TABLE: 'TABLE',
  },
};
