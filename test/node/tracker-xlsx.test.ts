import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { newOrder, type Order } from '../../src/core/orders';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { columnLetter, ORDER_COLUMNS, ORDER_HEADERS } from '../../src/core/tracker-row';
import {
  readTracker,
  SHEETS,
  type TrackerContent,
  TrackerError,
  trackerLockFile,
  writeTracker,
} from '../../src/node/tracker-xlsx';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cead-tracker-'));
  path = join(dir, 'tracker.xlsx');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HOSTILE = [
  '=HYPERLINK("http://x","y")',
  '+1 555 0100',
  '-2',
  '@SUM(A1)',
  "'quoted",
  '00123',
  'TRUE',
  '3/4',
];

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  team: [
    { name: 'Avery Quinn', email: 'avery.quinn@example.org', roles: ['writer'] },
    { name: 'Morgan Ellis', email: 'morgan.ellis@example.org', roles: ['reviewer'] },
  ],
};

function order(i: number, extra: Partial<Order> = {}): Order {
  return {
    ...newOrder({
      responseId: `resp-${i}`,
      submitted: '2026-09-08T10:00:00-04:00',
      lastUpdate: '2026-09-08T10:00:00-04:00',
      candidate: HOSTILE[i % HOSTILE.length],
      email: `c${i}@example.com`,
      specialty: HOSTILE[(i + 1) % HOSTILE.length],
      recommender: 'Helen Varga, MD',
      package: 'standard',
    }),
    ...extra,
  };
}

function content(orders: readonly Order[], extra: Partial<TrackerContent> = {}): TrackerContent {
  return {
    orders,
    settings: SETTINGS,
    log: [
      {
        time: '2026-09-08T10:00:00-04:00',
        actor: 'system',
        orderId: orders[0]?.orderId ?? '',
        event: 'intake',
        from: 'NEW',
        to: 'DRAFTING',
        detail: '=1+1',
      },
    ],
    responses: [
      { responseId: 'resp-0', received: '2026-09-08T10:00:00-04:00', raw: { 'Full name': '=1+1' } },
    ],
    today: '2026-11-30',
    now: new Date('2026-11-30T15:00:00Z'),
    ...extra,
  };
}

const drafting: Partial<Order> = {
  status: 'DRAFTING',
  writer: 'avery.quinn@example.org',
  start: '2026-09-08',
  originalDue: '2026-10-21',
  currentDue: '2026-10-21',
  businessDaysLeft: -28,
  docId: 'doc-1',
  docUrl: 'orders/x/letter.docx',
  openThreads: 3,
  session: 1,
  problems: ['First problem', 'Second problem'],
};

async function sheetXml(file: string, sheet: number): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return (await zip.file(`xl/worksheets/sheet${sheet}.xml`)?.async('string')) ?? '';
}

describe('tracker.xlsx', () => {
  it('reads back the orders it wrote, field for field', async () => {
    const orders = [
      order(0, drafting),
      order(1),
      order(2, { status: 'NEEDS_INFO', problems: ['"Email" is blank.'] }),
    ];
    await writeTracker(path, content(orders));
    const read = await readTracker(path);
    expect(read?.problems).toEqual([]);
    expect([...(read?.orders.values() ?? [])]).toEqual(orders);
    expect(read?.settings?.settings.team).toEqual(SETTINGS.team);
  });

  it('a time zone in the Settings sheet that no time-zone database knows is a problem, and the default is used', async () => {
    await writeTracker(path, content([order(0, drafting)]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const settings = workbook.getWorksheet(SHEETS.settings)!;
    let row = 0;
    settings.eachRow((r, n) => {
      if (r.getCell(1).value === 'Time zone') {
        r.getCell(2).value = 'Mars/Olympus';
        row = n;
      }
    });
    expect(row).toBeGreaterThan(0);
    await workbook.xlsx.writeFile(path);
    const read = await readTracker(path);
    expect(read?.settings?.settings.timeZone).toBe(DEFAULT_SETTINGS.timeZone);
    expect(read?.settings?.problems).toEqual([
      {
        row,
        message: `"Mars/Olympus" is not a time zone name such as America/New_York; ${DEFAULT_SETTINGS.timeZone} is used.`,
      },
    ]);
  });

  it('stores candidate text as string cells, never formulas, and dates as dates', async () => {
    const orders = HOSTILE.map((_, i) => order(i, i === 0 ? drafting : {}));
    await writeTracker(path, content(orders));
    const xml = await sheetXml(path, 1);
    expect(xml).not.toMatch(/<f[ >]/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet(SHEETS.orders)!;
    const col = (header: string) => ORDER_HEADERS.indexOf(header) + 1;
    HOSTILE.forEach((text, i) => {
      const cell = sheet.getRow(i + 2).getCell(col('Candidate'));
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
    });
    const due = sheet.getRow(2).getCell(col('Current due'));
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect(due.numFmt).toBe('yyyy-mm-dd');
    for (const n of [4, 5]) expect(await sheetXml(path, n)).not.toMatch(/<f[ >]/);
  });

  it('has a frozen header, drop-downs for status, writer, reviewer and package, and overdue/at-risk colours', async () => {
    await writeTracker(path, content([order(0, drafting), order(1)]));
    const xml = await sheetXml(path, 1);
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const validation = (column: string) =>
      new RegExp(
        `<dataValidation [^>]*type="list"[^>]*sqref="${column}2:${column}3"[^>]*>\\s*<formula1>([^<]*)</formula1>`,
      ).exec(xml)?.[1];
    expect(validation('I')).toContain('NEEDS_INFO');
    expect(validation('J')).toBe('&quot;avery.quinn@example.org&quot;');
    expect(validation('K')).toBe('&quot;morgan.ellis@example.org&quot;');
    expect(validation('H')).toBe('&quot;standard,expedited,on-demand&quot;');
    // The whole row is coloured: from column A to the last of ORDER_COLUMNS.
    expect(xml).toMatch(
      new RegExp(`<conditionalFormatting sqref="A2:${columnLetter(ORDER_COLUMNS.length - 1)}3">`),
    );
    expect(xml).toContain('$N2&lt;TODAY()');
    expect(xml).toContain('$N2&lt;=WORKDAY(TODAY(),1)');
  });

  it('writes a dashboard of the orders as of the day', async () => {
    await writeTracker(path, content([order(0, drafting), order(1), order(2)]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Orders',
      'Dashboard',
      'Settings',
      'Log',
      'Responses',
    ]);
    const rows = workbook.getWorksheet(SHEETS.dashboard)!.getSheetValues();
    const value = (label: string) => {
      const row = rows.find((r): r is ExcelJS.CellValue[] => Array.isArray(r) && r[1] === label);
      return row?.[2];
    };
    expect(value('NEW')).toBe(2);
    expect(value('DRAFTING')).toBe(1);
    expect(value('Open orders overdue')).toBe(1);
    expect(value('Total')).toBe(3);
  });

  it('keeps columns managers added and rows it cannot read, writing them back as they were', async () => {
    const orders = [order(0, drafting), order(1)];
    await writeTracker(path, content(orders));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet(SHEETS.orders)!;
    sheet.getRow(1).getCell(ORDER_HEADERS.length + 1).value = 'Manager notes';
    sheet.getRow(2).getCell(ORDER_HEADERS.length + 1).value = 'call the recommender';
    sheet.getRow(4).values = ['CEAD-HAND0-ADDED', 'r-hand', '', 'Hand-typed', '', '', '', '', 'DONE'];
    await workbook.xlsx.writeFile(path);

    const snapshot = await readTracker(path);
    expect(snapshot?.extraHeaders).toEqual(['Manager notes']);
    expect(snapshot?.problems.join(' ')).toMatch(/Row 4, "Status" \(I4\): "DONE" is not a status/);
    expect(snapshot?.unreadable.map((u) => u.orderId)).toEqual(['CEAD-HAND0-ADDED']);

    await writeTracker(path, content(orders, { carried: snapshot! }));
    const again = await readTracker(path);
    expect(again?.extraCells.get(orders[0]!.orderId)?.get('Manager notes')).toBe('call the recommender');
    expect(again?.unreadable.map((u) => u.cells.get('Candidate'))).toEqual(['Hand-typed']);
    expect(again?.orders.size).toBe(2);
  });

  it('refuses to read or write a tracker open in LibreOffice or Excel, in one line', async () => {
    await writeTracker(path, content([order(0)]));
    const before = readFileSync(path);
    for (const lock of ['.~lock.tracker.xlsx#', '~$tracker.xlsx']) {
      writeFileSync(join(dir, lock), 'someone,host,1;');
      expect(trackerLockFile(path)).toBe(join(dir, lock));
      await expect(readTracker(path)).rejects.toThrow(TrackerError);
      await expect(readTracker(path)).rejects.toThrow(/^[^\n]*is open in (LibreOffice|Excel)[^\n]*close it/);
      await expect(writeTracker(path, content([order(0), order(1)]))).rejects.toThrow(TrackerError);
      rmSync(join(dir, lock));
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a corrupted tracker in one line and leaves it as it is', async () => {
    writeFileSync(path, 'PK\u0003\u0004 this is not a workbook');
    await expect(readTracker(path)).rejects.toThrow(
      /^[^\n]*cannot be read as a spreadsheet[^\n]*left as it is[^\n]*$/,
    );
    expect(readFileSync(path, 'utf8')).toBe('PK\u0003\u0004 this is not a workbook');
  });

  it('refuses a tracker whose Orders sheet lost a CEAD column', async () => {
    await writeTracker(path, content([order(0)]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    workbook.getWorksheet(SHEETS.orders)!.getRow(1).getCell(9).value = 'State';
    await workbook.xlsx.writeFile(path);
    await expect(readTracker(path)).rejects.toThrow(/no "Status" column/);
  });

  it('splits raw answers over cells Excel can hold, and joined they are the JSON', async () => {
    const raw = { 'Patient Care': `${'x'.repeat(32765)}😀${'y'.repeat(40000)}`, Other: '=1+1' };
    await writeTracker(
      path,
      content([order(0)], { responses: [{ responseId: 'resp-0', received: 'v1', raw }] }),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const row = workbook.getWorksheet(SHEETS.responses)!.getRow(2);
    const parts = (row.values as unknown[]).slice(3).map(String);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(32767);
    expect(JSON.parse(parts.join(''))).toEqual(raw);
  });

  it('has no tracker yet: nothing to read', async () => {
    expect(await readTracker(path)).toBeUndefined();
  });
});
