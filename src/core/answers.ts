/**
 * Answer parsing: from what a candidate submitted to typed, validated `Answers` and a list of problems in
 * plain words. Three sources, one pipeline:
 *
 * - a JSON object keyed by item id (`cead draft answers.json`, tests);
 * - the CSV that Google Forms and Sheets export: `Timestamp`, `Email Address`/`Email address`, then one
 *   column per item titled as the form shows it (one parsed result per response row);
 * - the list that Apps Script's `FormResponse.getItemResponses()` gives (title, answer), or a record of
 *   answers keyed by title (the `ResponseData.raw` of ports.ts).
 *
 * Nothing here throws on bad input, and nothing a candidate typed is lost: every result carries `raw`, the
 * input verbatim by header (or title, or JSON key), whatever became of it.
 */
import { type CsvProblem, parseCsv } from './csv';
import { formatTimestamp, parseDate, parseTimestamp } from './dates';
import { fnv1a64Hex } from './hash';
import { type Answers, ITEMS, type Item, type ItemId } from './questionnaire';
import { hasOwn, setOwn } from './records';
import { normalizeLine, normalizeText } from './text';

export type ProblemSeverity = 'error' | 'info';

/**
 * Something wrong with the input, in words a candidate understands. `error` problems mean the answers are
 * not usable as they are (the order waits in NEEDS_INFO); `info` problems are for the team (an unknown
 * column, an unreadable timestamp).
 */
export interface Problem {
  readonly severity: ProblemSeverity;
  readonly itemId?: ItemId;
  /** The column header (CSV), title or key the problem is about, as it appears in the input. */
  readonly column?: string;
  /** The spreadsheet row of a CSV response (the header is row 1). */
  readonly row?: number;
  readonly message: string;
}

export interface ParsedResponse {
  readonly responseId: string;
  /** The CSV row (the header is row 1). */
  readonly row?: number;
  /** The submission time from the `Timestamp` column, ISO (see `formatTimestamp`). */
  readonly submitted?: string;
  /** The `Email Address` the form collected. */
  readonly respondentEmail?: string;
  readonly answers: Answers;
  readonly problems: readonly Problem[];
  /** The input verbatim, by header/title/key (a repeated header gets ` (column N)` after its first use). */
  readonly raw: Readonly<Record<string, string>>;
}

export interface ParseOptions {
  /** The export's spreadsheet locale, for `8/9/2026`-style dates (dates.ts). Default `en-US`. */
  readonly locale?: string;
  /** The questionnaire's items; default the CEAD questionnaire. */
  readonly items?: readonly Item[];
}

/** Only `error` problems: what must be fixed before drafting. */
export function blockingProblems(problems: readonly Problem[]): readonly Problem[] {
  return problems.filter((p) => p.severity === 'error');
}

/**
 * A header or title as matched: line-normalized, curly quotes straightened, numbering such as "1. " or
 * "(2)" and trailing punctuation, spaces and required-markers removed, case folded. Form exports keep
 * titles exactly as typed, and teams renumber or punctuate them.
 */
export function headerKey(header: string): string {
  return normalizeLine(header)
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/^(?:\(?\d{1,3}[.)]|\d{1,3}\s*[-–:])\s*/, '')
    .replace(/[\s*.:?!]+$/, '')
    .toLowerCase();
}

type ColumnRole =
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'email' }
  | { readonly kind: 'item'; readonly item: Item }
  | { readonly kind: 'unknown' };

interface Column {
  readonly header: string;
  /** The key under which this column's cell goes in `raw`. */
  readonly rawKey: string;
  readonly role: ColumnRole;
}

const TIMESTAMP_KEYS = ['timestamp'];
const EMAIL_KEYS = ['email address'];

function itemIndex(items: readonly Item[]): Map<string, Item> {
  const index = new Map<string, Item>();
  for (const item of items) {
    index.set(headerKey(item.title), item);
    index.set(headerKey(item.id), item);
  }
  return index;
}

function roleOf(header: string, index: Map<string, Item>): ColumnRole {
  const key = headerKey(header);
  if (TIMESTAMP_KEYS.includes(key)) return { kind: 'timestamp' };
  if (EMAIL_KEYS.includes(key)) return { kind: 'email' };
  const item = index.get(key);
  return item ? { kind: 'item', item } : { kind: 'unknown' };
}

function describeRole(role: ColumnRole): string {
  if (role.kind === 'item') return `"${role.item.title}"`;
  return role.kind === 'timestamp'
    ? 'the timestamp'
    : role.kind === 'email'
      ? 'the email address'
      : 'nothing';
}

/** Raw keys are the headers; a repeated header is told apart by its column number. */
function rawKeys(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const key = h === '' || seen.has(h) ? `${h}${h === '' ? '' : ' '}(column ${i + 1})` : h;
    seen.add(key);
    return key;
  });
}

/**
 * Assigns every header its role and reports, once per input: two columns for the same item (or for the
 * timestamp or email), and columns that are not questionnaire items (kept in `raw`, not used).
 */
function mapColumns(
  headers: readonly string[],
  items: readonly Item[],
): { columns: Column[]; problems: Problem[] } {
  const index = itemIndex(items);
  const keys = rawKeys(headers);
  const columns = headers.map(
    (header, i): Column => ({ header, rawKey: keys[i]!, role: roleOf(header, index) }),
  );
  const problems: Problem[] = [];
  const byTarget = new Map<string, number[]>();
  columns.forEach((c, i) => {
    if (c.role.kind === 'unknown') return;
    const target = c.role.kind === 'item' ? c.role.item.id : c.role.kind;
    byTarget.set(target, [...(byTarget.get(target) ?? []), i]);
  });
  for (const [, at] of byTarget) {
    if (at.length < 2) continue;
    const first = columns[at[0]!]!;
    // Only `info` here: where the columns agree nothing is lost; where they differ the response gets an error.
    problems.push({
      severity: 'info',
      ...(first.role.kind === 'item' ? { itemId: first.role.item.id as ItemId } : {}),
      column: first.header,
      message: `Columns ${at.map((i) => i + 1).join(' and ')} (${at.map((i) => `"${columns[i]!.header}"`).join(', ')}) are all ${describeRole(first.role)}; CEAD uses them only where they agree.`,
    });
  }
  columns.forEach((c, i) => {
    if (c.role.kind !== 'unknown' || normalizeLine(c.header) === '') return;
    problems.push({
      severity: 'info',
      column: c.header,
      message: `Column ${i + 1} ("${show(c.header)}") is not a questionnaire item; its answers are kept but not used.`,
    });
  });
  return { columns, problems };
}

type InputValue = string | number | boolean;

interface Context {
  readonly locale: string;
  readonly items: readonly Item[];
  readonly row?: number;
}

/** Up to 60 characters of a value, on one line, for a message. */
function show(value: string): string {
  const line = normalizeLine(value);
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

function chars(s: string): number {
  return [...s].length;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/;

/** One item's value, checked against its definition: the typed value, or why it cannot be used. */
function interpret(
  item: Item,
  input: InputValue,
  locale: string,
): { value?: string | number; problem?: string } {
  const title = `"${item.title}"`;
  if (typeof input === 'boolean') {
    const yesNo = item.choices?.find((c) => c.toLowerCase() === (input ? 'yes' : 'no'));
    if (item.type === 'choice' && yesNo) return { value: yesNo };
    return { problem: `${title}: ${input} is not an answer to this question.` };
  }
  const rawText = typeof input === 'number' ? String(input) : input;
  const text = item.type === 'paragraph' ? normalizeText(rawText) : normalizeLine(rawText);
  if (text === '') return {};
  const v = item.validation ?? {};
  switch (item.type) {
    case 'number': {
      const n =
        typeof input === 'number' ? input : /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isFinite(n)) return { problem: `${title}: "${show(text)}" is not a number.` };
      if (v.integer && !Number.isInteger(n)) return { problem: `${title}: ${n} is not a whole number.` };
      if (v.min !== undefined && n < v.min) return { problem: `${title}: ${n} is less than ${v.min}.` };
      if (v.max !== undefined && n > v.max) return { problem: `${title}: ${n} is more than ${v.max}.` };
      return { value: n };
    }
    case 'date': {
      if (typeof input === 'number')
        return { problem: `${title}: ${input} is not a date (write it as YYYY-MM-DD).` };
      const d = parseDate(text, locale);
      return d.ok ? { value: d.value } : { problem: `${title}: "${show(text)}" ${d.reason}.` };
    }
    case 'choice': {
      const key = headerKey(text);
      const choice = item.choices?.find((c) => headerKey(c) === key);
      if (choice) return { value: choice };
      if (!item.allowOther) {
        return {
          problem: `${title}: "${show(text)}" is not one of the choices (${(item.choices ?? []).join(', ')}).`,
        };
      }
      break;
    }
    case 'email':
      if (!EMAIL.test(text)) return { problem: `${title}: "${show(text)}" is not an email address.` };
      return { value: text };
  }
  const length = chars(text);
  if (v.minLength !== undefined && length < v.minLength) {
    return {
      problem: `${title} is too short: at least ${v.minLength} characters, please (it has ${length}).`,
    };
  }
  if (v.maxLength !== undefined && length > v.maxLength) {
    return { problem: `${title} is too long: at most ${v.maxLength} characters, please (it has ${length}).` };
  }
  if (v.pattern !== undefined && !safePattern(v.pattern).test(text)) {
    return {
      problem: `${title}: "${show(text)}" does not look like ${v.patternHelp ?? 'what the question asks for'}.`,
    };
  }
  return { value: text };
}

// A team's own questionnaire could carry a broken pattern; that must not make parsing throw.
function safePattern(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    return /[\s\S]*/;
  }
}

/**
 * Validates one response's values by item. `present` says which items had a column or key at all, so a
 * missing column is told apart from a blank answer. Items in `conflicted` already have a problem.
 */
function validate(
  values: ReadonlyMap<ItemId, InputValue>,
  present: ReadonlySet<ItemId>,
  conflicted: ReadonlySet<ItemId>,
  ctx: Context,
  columnOf: (id: ItemId) => string | undefined,
): { answers: Answers; problems: Problem[] } {
  const answers: Record<string, string | number> = {};
  const problems: Problem[] = [];
  const at = (id: ItemId) => {
    const column = columnOf(id);
    return {
      itemId: id,
      ...(column !== undefined ? { column } : {}),
      ...(ctx.row !== undefined ? { row: ctx.row } : {}),
    };
  };
  for (const item of ctx.items) {
    const id = item.id as ItemId;
    if (conflicted.has(id)) continue;
    const input = values.get(id);
    const result = input === undefined ? {} : interpret(item, input, ctx.locale);
    if (result.problem !== undefined) {
      problems.push({ severity: 'error', ...at(id), message: result.problem });
    } else if (result.value !== undefined) {
      answers[id] = result.value;
    } else if (item.required) {
      const message = present.has(id)
        ? `"${item.title}" is required but was left blank.`
        : `"${item.title}" is required, but the answers have no column for it.`;
      problems.push({ severity: 'error', ...at(id), message });
    }
  }
  const start = answers['rotation.start'];
  const end = answers['rotation.end'];
  if (typeof start === 'string' && typeof end === 'string' && end < start) {
    const startTitle = ctx.items.find((i) => i.id === 'rotation.start')?.title ?? 'rotation.start';
    const endTitle = ctx.items.find((i) => i.id === 'rotation.end')?.title ?? 'rotation.end';
    problems.push({
      severity: 'error',
      ...at('rotation.end'),
      message: `"${endTitle}" (${end}) is before "${startTitle}" (${start}).`,
    });
  }
  return { answers: answers as Answers, problems };
}

/**
 * The stable ID of a response. Apps Script gives one (`FormResponse.getId()`), which is used as is. A CSV
 * row has none, so one is derived: `csv-` and the FNV-1a 64 hash of the timestamp, the email and every cell
 * by header (sorted, so reordered columns do not change it). Identical rows, such as a response exported
 * twice, get the same ID and so the same order. An edited response has a new timestamp and therefore a new
 * ID: CSV alone cannot tell an edit from a new response.
 */
export function responseIdFor(source: {
  readonly formResponseId?: string;
  readonly timestamp?: string;
  readonly email?: string;
  readonly raw: Readonly<Record<string, string>>;
}): string {
  const given = source.formResponseId?.trim();
  if (given) return given;
  const cells = Object.keys(source.raw)
    .sort()
    .map((k) => [k, source.raw[k]]);
  const canonical = JSON.stringify([
    source.timestamp?.trim() ?? '',
    source.email?.trim().toLowerCase() ?? '',
    cells,
  ]);
  return `csv-${fnv1a64Hex(canonical)}`;
}

/** One response's cells under already-mapped columns. */
function parseRow(
  columns: readonly Column[],
  cells: readonly string[],
  ctx: Context,
  given: {
    readonly responseId?: string;
    readonly submitted?: string;
    readonly respondentEmail?: string;
  } = {},
): ParsedResponse {
  const raw: Record<string, string> = {};
  columns.forEach((c, i) => {
    setOwn(raw, c.rawKey, cells[i] ?? '');
  });
  const problems: Problem[] = [];
  const where = ctx.row !== undefined ? { row: ctx.row } : {};
  for (let i = columns.length; i < cells.length; i++) {
    if (cells[i] === '') continue;
    setOwn(raw, `(column ${i + 1})`, cells[i]!);
    problems.push({
      severity: 'info',
      ...where,
      message: `Column ${i + 1} has an answer but no header; it is kept but not used.`,
    });
  }

  let submitted = given.submitted;
  let respondentEmail = given.respondentEmail;
  const values = new Map<ItemId, InputValue>();
  const present = new Set<ItemId>();
  const conflicted = new Set<ItemId>();
  const columnOf = new Map<ItemId, string>();
  const seen = new Map<string, string>();
  columns.forEach((c, i) => {
    const cell = cells[i] ?? '';
    if (c.role.kind === 'timestamp') {
      if (cell.trim() === '' || submitted !== undefined) return;
      const t = parseTimestamp(cell, ctx.locale);
      if (t.ok) submitted = formatTimestamp(t.value);
      else
        problems.push({
          severity: 'info',
          ...where,
          column: c.header,
          message: `The timestamp "${show(cell)}" ${t.reason}.`,
        });
    } else if (c.role.kind === 'email') {
      if (respondentEmail === undefined && cell.trim() !== '') respondentEmail = normalizeLine(cell);
    } else if (c.role.kind === 'item') {
      const id = c.role.item.id as ItemId;
      present.add(id);
      if (!columnOf.has(id)) columnOf.set(id, c.header);
      const normalized = c.role.item.type === 'paragraph' ? normalizeText(cell) : normalizeLine(cell);
      if (normalized === '') return;
      const before = seen.get(id);
      if (before === undefined) {
        seen.set(id, normalized);
        values.set(id, cell);
      } else if (before !== normalized && !conflicted.has(id)) {
        conflicted.add(id);
        values.delete(id);
        problems.push({
          severity: 'error',
          itemId: id,
          column: c.header,
          ...where,
          message: `"${c.role.item.title}" has two different answers in two columns; CEAD cannot tell which one is meant.`,
        });
      }
    }
  });

  // A form that collects email addresses may leave out its own email question: the collected one serves.
  if (
    !values.has('candidate.email') &&
    !conflicted.has('candidate.email') &&
    respondentEmail &&
    EMAIL.test(respondentEmail)
  ) {
    if (ctx.items.some((i) => i.id === 'candidate.email')) values.set('candidate.email', respondentEmail);
  }

  const checked = validate(values, present, conflicted, ctx, (id) => columnOf.get(id));
  const responseId =
    given.responseId?.trim() ||
    responseIdFor({ timestamp: submitted ?? '', email: respondentEmail ?? '', raw });
  return {
    responseId,
    ...(ctx.row !== undefined ? { row: ctx.row } : {}),
    ...(submitted !== undefined ? { submitted } : {}),
    ...(respondentEmail !== undefined ? { respondentEmail } : {}),
    answers: checked.answers,
    problems: [...problems, ...checked.problems],
    raw,
  };
}

function contextOf(options: ParseOptions, row?: number): Context {
  return {
    locale: options.locale ?? 'en-US',
    items: options.items ?? ITEMS,
    ...(row !== undefined ? { row } : {}),
  };
}

/**
 * Every response in a Forms or Sheets CSV export. The first non-blank row is the header; blank rows are
 * skipped. `problems` are about the file as a whole (its grammar, repeated or unknown columns); each
 * response has its own.
 */
export function parseResponsesCsv(
  text: string,
  options: ParseOptions = {},
): { readonly responses: readonly ParsedResponse[]; readonly problems: readonly Problem[] } {
  const csv = parseCsv(text);
  const problems: Problem[] = csv.problems.map((p: CsvProblem) => ({
    severity: 'error',
    row: p.row,
    message: p.message,
  }));
  const blank = (r: readonly string[]) => r.every((c) => c.trim() === '');
  const headerAt = csv.rows.findIndex((r) => !blank(r));
  if (headerAt === -1) {
    problems.push({ severity: 'error', message: 'The file has no header row: it is empty.' });
    return { responses: [], problems };
  }
  const headers = csv.rows[headerAt]!;
  const items = options.items ?? ITEMS;
  const mapped = mapColumns(headers, items);
  problems.push(...mapped.problems.map((p) => ({ ...p, row: headerAt + 1 })));
  if (!mapped.columns.some((c) => c.role.kind === 'item')) {
    problems.push({
      severity: 'error',
      row: headerAt + 1,
      message:
        'No column of the file is a questionnaire item: is this the responses export of the CEAD form?',
    });
  }
  const responses: ParsedResponse[] = [];
  csv.rows.forEach((cells, i) => {
    if (i <= headerAt || blank(cells)) return;
    responses.push(parseRow(mapped.columns, cells, contextOf(options, i + 1)));
  });
  return { responses, problems };
}

/**
 * One response given as a record keyed by item title or id, as the form shows it (ports.ts `ResponseData`
 * raw), possibly with `Timestamp` and `Email Address` keys. Unknown keys become `info` problems.
 */
export function parseAnswerRecord(
  record: Readonly<Record<string, string>>,
  options: ParseOptions & {
    readonly responseId?: string;
    readonly submitted?: string;
    readonly respondentEmail?: string;
  } = {},
): ParsedResponse {
  const headers = Object.keys(record);
  const mapped = mapColumns(headers, options.items ?? ITEMS);
  const parsed = parseRow(
    mapped.columns,
    headers.map((h) => record[h] ?? ''),
    contextOf(options),
    options,
  );
  return { ...parsed, problems: [...mapped.problems, ...parsed.problems] };
}

/** An answer as Apps Script's `ItemResponse` gives it: the item's title and the answer (checkboxes as a list). */
export interface ItemResponseLike {
  readonly title: string;
  /** The questionnaire id, when the caller knows it (e.g. from the item's description or a mapping). */
  readonly id?: string;
  readonly answer: string | readonly string[];
}

/**
 * One Forms response from `FormResponse.getItemResponses()` (mapped to plain values by the shell). Items are
 * matched by id when given, else by title; several choices are joined with ", " as the exports join them.
 */
export function parseItemResponses(
  list: readonly ItemResponseLike[],
  options: ParseOptions & {
    readonly responseId: string;
    readonly submitted?: string;
    readonly respondentEmail?: string;
  },
): ParsedResponse {
  const items = options.items ?? ITEMS;
  const headers = list.map((r) => (r.id !== undefined && items.some((i) => i.id === r.id) ? r.id : r.title));
  const cells = list.map((r) => (typeof r.answer === 'string' ? r.answer : r.answer.join(', ')));
  const mapped = mapColumns(headers, items);
  // `raw` keeps the titles the candidate saw, even where the id did the matching.
  const keys = rawKeys(list.map((r) => r.title));
  const columns = mapped.columns.map((c, i) => ({ ...c, rawKey: keys[i]! }));
  const parsed = parseRow(columns, cells, contextOf(options), options);
  return { ...parsed, problems: [...mapped.problems, ...parsed.problems] };
}

/**
 * One response as a JSON object keyed by item id. Values may be strings, numbers, booleans (for yes/no
 * choices) or null (blank). Keys that are not item ids are errors: in a hand-written file they are typos,
 * and the answer they carry would otherwise be silently lost.
 */
export function parseAnswersJson(
  value: unknown,
  options: ParseOptions & { readonly responseId?: string; readonly submitted?: string } = {},
): ParsedResponse {
  const ctx = contextOf(options);
  const raw: Record<string, string> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const shown = JSON.stringify(value) ?? String(value);
    setOwn(raw, '(input)', shown);
    return {
      responseId: options.responseId ?? responseIdFor({ raw }),
      ...(options.submitted !== undefined ? { submitted: options.submitted } : {}),
      answers: {},
      problems: [{ severity: 'error', message: 'The answers are not a JSON object keyed by item id.' }],
      raw,
    };
  }
  const problems: Problem[] = [];
  const values = new Map<ItemId, InputValue>();
  const byId = new Map(ctx.items.map((i) => [i.id, i]));
  for (const key of Object.keys(value)) {
    const v: unknown = (value as Record<string, unknown>)[key];
    setOwn(raw, key, typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));
    const item = byId.get(key);
    if (!item) {
      const near = ctx.items.find((i) => i.id.toLowerCase() === key.trim().toLowerCase());
      problems.push({
        severity: 'error',
        column: key,
        message: `"${show(key)}" is not a questionnaire item id${near ? ` (did you mean "${near.id}"?)` : ''}; its answer was not used.`,
      });
      continue;
    }
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      if (typeof v === 'number' && !Number.isFinite(v)) continue;
      values.set(item.id as ItemId, v);
    } else {
      problems.push({
        severity: 'error',
        itemId: item.id as ItemId,
        column: key,
        message: `"${item.title}": the answer must be text, a number or true/false, not a list or an object.`,
      });
    }
  }
  const present = new Set(Object.keys(value).filter((k) => byId.has(k)) as ItemId[]);
  const bad = new Set(problems.flatMap((p) => (p.itemId ? [p.itemId] : [])));
  const checked = validate(values, present, bad, ctx, (id) => (hasOwn(raw, id) ? id : undefined));
  return {
    responseId: options.responseId ?? responseIdFor({ timestamp: options.submitted ?? '', raw }),
    ...(options.submitted !== undefined ? { submitted: options.submitted } : {}),
    answers: checked.answers,
    problems: [...problems, ...checked.problems],
    raw,
  };
}
