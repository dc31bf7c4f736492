import fc from 'fast-check';
import { newOrder } from '../../src/core/orders';
import {
  type CellValue,
  columnLetter,
  DEFAULT_LAYOUT,
  isBlankRow,
  LOG_HEADERS,
  literalText,
  logEntryToRow,
  ORDER_COLUMNS,
  ORDER_HEADERS,
  orderLayout,
  orderToCells,
  orderToRow,
  RAW_JSON_CELL_LIMIT,
  responseToRow,
  rowToOrder,
  rowToResponse,
} from '../../src/core/tracker-row';
import { order } from './order-arbitrary';

/**
 * What a Sheet cell holds after `setValues(value)` and what `getValues` then returns, per the rules that
 * bite: a leading apostrophe forces text and is not returned; `=`, `+`, `-`, `@` start a formula; number-,
 * boolean- and date-looking strings are converted (dates come back as ISO because the shell converts them).
 */
function throughSheet(v: CellValue): CellValue | { formula: string } {
  if (typeof v !== 'string') return v;
  if (v.startsWith("'")) return v.slice(1);
  if (/^[=+\-@]/.test(v)) return { formula: v };
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(v)) return Number(v);
  if (/^\s*(true|false)\s*$/i.test(v)) return /true/i.test(v);
  return v;
}

function sheetRoundTrip(row: readonly CellValue[]): CellValue[] {
  return row.map((v) => {
    const stored = throughSheet(v);
    if (typeof stored === 'object' && stored !== null)
      throw new Error(`a formula reached the sheet: ${stored.formula}`);
    return stored;
  });
}

describe('literalText', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1 206 555 0188', "'+1 206 555 0188"],
    ['-sorry', "'-sorry"],
    ['@home', "'@home"],
    ['\tindent', "'\tindent"],
    ['\rreturn', "'\rreturn"],
    ["'quoted'", "''quoted'"],
    ['00123', "'00123"],
    [' 0', "' 0"],
    ['TRUE', "'TRUE"],
    ['Rosa Delgado', 'Rosa Delgado'],
    ['', ''],
  ])('%j becomes %j', (input, expected) => {
    expect(literalText(input)).toBe(expected);
  });

  it('never lets a string reach the sheet as anything but the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(throughSheet(literalText(s))).toBe(s);
      }),
    );
  });
});

describe('Orders sheet columns', () => {
  it('has every product.md column, in order, before the internal ones', () => {
    const visible = ORDER_COLUMNS.filter((c) => !c.internal).map((c) => c.header);
    expect(visible).toEqual([
      'Order ID',
      'Response ID',
      'Submitted',
      'Candidate',
      'Email',
      'Specialty',
      'Recommender',
      'Package',
      'Status',
      'Writer',
      'Reviewer',
      'Start',
      'Original due',
      'Current due',
      'Business days left',
      'Doc link',
      'PDF link',
      'Open threads',
      'Session',
      'Last update',
      'Last error',
      'Model rewrite',
    ]);
    const firstInternal = ORDER_COLUMNS.findIndex((c) => c.internal);
    expect(ORDER_COLUMNS.slice(firstInternal).every((c) => c.internal)).toBe(true);
  });

  it('maps every field of Order exactly once', () => {
    const keys = ORDER_COLUMNS.map((c) => c.key).sort();
    expect(keys).toEqual(Object.keys(newOrder({ responseId: 'r', submitted: '', lastUpdate: '' })).sort());
  });
});

describe('orderToRow / rowToOrder', () => {
  it('round-trips any order through a sheet, with no formula ever written', () => {
    fc.assert(
      fc.property(order, (o) => {
        const back = rowToOrder(sheetRoundTrip(orderToRow(o)), 2);
        expect(back).toEqual({ order: o });
      }),
      { numRuns: 300 },
    );
  });

  it('writes dates and numbers as values Sheets can compute with', () => {
    const o = {
      ...newOrder({ responseId: 'r', submitted: '', lastUpdate: '' }),
      currentDue: '2026-11-27',
      businessDaysLeft: -3,
    };
    const row = orderToRow(o);
    expect(row[DEFAULT_LAYOUT.index.currentDue]).toBe('2026-11-27');
    expect(row[DEFAULT_LAYOUT.index.businessDaysLeft]).toBe(-3);
    expect(row[DEFAULT_LAYOUT.index.businessDaysLeft + 0]).not.toBe('-3');
  });

  it('gives typed cells unescaped for writers that store string cells', () => {
    const o = {
      ...newOrder({ responseId: 'r', submitted: '', lastUpdate: '' }),
      candidate: '=cmd|calc',
      problems: ['a', 'b'],
    };
    const cells = orderToCells(o);
    expect(cells[DEFAULT_LAYOUT.index.candidate]).toBe('=cmd|calc');
    expect(cells[DEFAULT_LAYOUT.index.problems]).toBe('a\nb');
  });

  it('reads what a manager types: lower-case statuses, spaces, serial dates, numeric text', () => {
    const row: CellValue[] = sheetRoundTrip(
      orderToRow(newOrder({ responseId: 'r9', submitted: '', lastUpdate: '' })),
    );
    row[DEFAULT_LAYOUT.index.status] = ' on hold ';
    row[DEFAULT_LAYOUT.index.heldFrom] = 'drafting';
    row[DEFAULT_LAYOUT.index.currentDue] = 46353; // 2026-11-27 as a spreadsheet day serial
    row[DEFAULT_LAYOUT.index.openThreads] = '3';
    const r = rowToOrder(row, 7);
    if (!('order' in r)) throw new Error(r.problems.join('; '));
    expect(r.order.status).toBe('ON_HOLD');
    expect(r.order.heldFrom).toBe('DRAFTING');
    expect(r.order.currentDue).toBe('2026-11-27');
    expect(r.order.openThreads).toBe(3);
  });

  it('reports every unreadable cell by row, header and A1 address, and returns no order', () => {
    const row: CellValue[] = orderToCells(newOrder({ responseId: 'r9', submitted: '', lastUpdate: '' }));
    row[DEFAULT_LAYOUT.index.status] = 'DONE';
    row[DEFAULT_LAYOUT.index.originalDue] = '2026-02-30';
    row[DEFAULT_LAYOUT.index.session] = 'two';
    row[DEFAULT_LAYOUT.index.openThreads] = -1;
    const r = rowToOrder(row, 12);
    expect(r).toEqual({
      problems: [
        'Row 12, "Status" (I12): "DONE" is not a status.',
        'Row 12, "Original due" (M12): "2026-02-30" is not a date.',
        'Row 12, "Open threads" (R12): "-1" is not a count.',
        'Row 12, "Session" (S12): "two" is not a count.',
      ],
    });
  });

  it('refuses a row with no order ID', () => {
    const row: CellValue[] = orderToCells(newOrder({ responseId: 'r9', submitted: '', lastUpdate: '' }));
    row[DEFAULT_LAYOUT.index.orderId] = '  ';
    expect(rowToOrder(row, 4)).toEqual({ problems: ['Row 4 has no order ID.'] });
  });

  it('treats a short row as empty cells', () => {
    expect('problems' in rowToOrder(['CEAD-1', 'r1'], 3)).toBe(true);
    expect(isBlankRow(['', null, undefined, '  '])).toBe(true);
    expect(isBlankRow(['', 0])).toBe(false);
  });
});

describe('orderLayout', () => {
  it('finds moved columns and leaves a manager’s own columns alone', () => {
    const header = ['Notes', ...[...ORDER_HEADERS].reverse().map((h) => ` ${h.toUpperCase()} `)];
    const found = orderLayout(header);
    if (!('layout' in found)) throw new Error(found.problems.join('; '));
    const o = { ...newOrder({ responseId: 'r5', submitted: '', lastUpdate: '' }), candidate: 'Rosa Delgado' };
    const existing = ['call her on Monday', ...Array<string>(ORDER_HEADERS.length).fill('old')];
    const row = orderToRow(o, found.layout, existing);
    expect(row[0]).toBe('call her on Monday');
    expect(row).toHaveLength(header.length);
    expect(rowToOrder(row, 2, found.layout)).toEqual({ order: o });
  });

  it('reports a missing or doubled column instead of guessing', () => {
    const header = ORDER_HEADERS.filter((h) => h !== 'Status').concat(['Candidate']);
    expect(orderLayout(header)).toEqual({
      problems: [
        'The Orders sheet has 2 "Candidate" columns (D, AB).',
        'The Orders sheet has no "Status" column.',
      ],
    });
  });

  it('reads a tracker made before a column was added, and writes nothing where that column would be', () => {
    const header = ORDER_HEADERS.filter((h) => h !== 'PDF link' && h !== 'Model rewrite');
    const found = orderLayout(header);
    if (!('layout' in found)) throw new Error(found.problems.join('; '));
    expect(found.layout.index.pdfUrl).toBe(-1);
    expect(found.layout.index.modelRewrite).toBe(-1);
    const o = {
      ...newOrder({ responseId: 'r6', submitted: '', lastUpdate: '' }),
      pdfUrl: 'https://x/p',
      modelRewrite: '2026-08-10 m (prompt p): rewrote patientCare',
    };
    const row = orderToRow(o, found.layout);
    expect(row).toHaveLength(header.length);
    expect(row).not.toContain('https://x/p');
    expect(row).not.toContain(o.modelRewrite);
    expect(rowToOrder(row, 2, found.layout)).toEqual({ order: { ...o, pdfUrl: '', modelRewrite: '' } });
    // Only columns added later may be missing.
    expect(ORDER_COLUMNS.filter((c) => c.added).map((c) => c.key)).toEqual(['pdfUrl', 'modelRewrite']);
  });

  it('names columns by their letters', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('Log and Responses rows', () => {
  it('writes log entries in header order, literally', () => {
    expect(LOG_HEADERS).toEqual(['Time', 'Actor', 'Order ID', 'Event', 'From', 'To', 'Detail']);
    const row = logEntryToRow({
      time: '2026-09-08T15:00:00Z',
      actor: 'system',
      orderId: 'CEAD-ABCDE-FGHJK',
      event: 'status',
      from: 'NEW',
      to: 'DRAFTING',
      detail: '-1 problems',
    });
    expect(row).toEqual([
      "'2026-09-08T15:00:00Z",
      'system',
      'CEAD-ABCDE-FGHJK',
      'status',
      'NEW',
      'DRAFTING',
      "'-1 problems",
    ]);
  });

  it('keeps raw answers verbatim, split over cells under the Sheets limit', () => {
    const long = '😀'.repeat(RAW_JSON_CELL_LIMIT) + '=not a formula';
    const raw = { 'Full name': '=IMPORTXML("http://evil")', Patient: long, Empty: '' };
    const row = responseToRow('2_ABC', '2026-09-08T14:28:27', raw);
    expect(row.length).toBeGreaterThan(4);
    for (const cell of row) expect(cell.length).toBeLessThanOrEqual(RAW_JSON_CELL_LIMIT + 1);
    expect(rowToResponse(sheetRoundTrip(row))).toEqual({
      responseId: '2_ABC',
      received: '2026-09-08T14:28:27',
      raw,
    });
  });

  it('round-trips any raw record', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string({ unit: 'binary' })), (raw) => {
        const back = rowToResponse(sheetRoundTrip(responseToRow('id', 't', raw)));
        expect(back).toEqual({ responseId: 'id', received: 't', raw });
      }),
    );
  });

  it('reports unreadable raw JSON as a problem', () => {
    expect(rowToResponse(['id', 't', '{"a":'])).toEqual({
      problem: 'Response id: the raw answers are not readable JSON.',
    });
    expect(rowToResponse(['id', 't', '[1]'])).toEqual({
      problem: 'Response id: the raw answers are not a JSON object.',
    });
  });
});

it('keeps a raw answer whose header is __proto__', () => {
  const raw = JSON.parse('{"__proto__":"x","constructor":"y"}') as Record<string, string>;
  expect(rowToResponse(responseToRow('id', 't', raw))).toEqual({ responseId: 'id', received: 't', raw });
  const back = rowToResponse(responseToRow('id', 't', raw));
  expect('raw' in back && Object.keys(back.raw)).toEqual(['__proto__', 'constructor']);
});
