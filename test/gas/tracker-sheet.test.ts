/**
 * The tracker stores over the Sheets API fake (with the SpreadsheetApp fake's sheets behind it): one read
 * for every range, one write per commit with only the cells that change, new rows after the last row and
 * never twice, text stored as the text it is, dates as dates, a manager's own columns left alone, sheets
 * grown when a write runs past them.
 */
import { newOrder, type Order } from '../../src/core/orders';
import { LOG_HEADERS, ORDER_COLUMNS, ORDER_HEADERS, RESPONSE_HEADERS } from '../../src/core/tracker-row';
import {
  DATE_FORMAT,
  ROOM_ROWS,
  Tracker,
  TrackerLog,
  TrackerOrders,
  TrackerResponses,
  TrackerSettings,
} from '../../src/gas/tracker-sheet';
import { type CallLedger, permanentError } from '../fakes/gas-world';
import { createGasFakes, installGasFakes } from '../fakes/install-gas-fakes';
import { formatDate } from '../fakes/script-services';

const TZ = 'America/New_York';

/** A tracker as setup leaves it: headers, date columns formatted as dates, a Settings block. */
function tracker() {
  const fakes = createGasFakes({ timeZone: TZ });
  installGasFakes(globalThis, fakes);
  const ss = fakes.SpreadsheetApp.create('Tracker');
  const orders = ss.insertSheet('Orders').insertColumnsAfter(26, ORDER_HEADERS.length - 26);
  orders.getRange(1, 1, 1, ORDER_HEADERS.length).setValues([[...ORDER_HEADERS]]);
  ORDER_COLUMNS.forEach((c, i) => {
    if (c.kind === 'date') orders.getRange(2, i + 1, 999, 1).setNumberFormat(DATE_FORMAT);
  });
  ss.insertSheet('Responses')
    .getRange(1, 1, 1, 3)
    .setValues([[...RESPONSE_HEADERS]]);
  ss.insertSheet('Log')
    .getRange(1, 1, 1, LOG_HEADERS.length)
    .setValues([[...LOG_HEADERS]]);
  ss.insertSheet('Settings')
    .getRange(1, 1, 2, 2)
    .setValues([
      ['Setting', 'Value'],
      ['Time zone', TZ],
    ]);
  const t = () => new Tracker(ss.getId());
  return { fakes, ss, t, ledger: fakes.world.ledger };
}

function order(n: number, extra: Partial<Order> = {}): Order {
  return {
    ...newOrder({
      responseId: `R${n}`,
      submitted: '2026-11-30T08:55:00-05:00',
      lastUpdate: '2026-11-30T08:55:00-05:00',
    }),
    candidate: `Candidate ${n}`,
    status: 'DRAFTING',
    package: 'standard',
    start: '2026-11-30',
    originalDue: '2027-01-13',
    currentDue: '2027-01-13',
    businessDaysLeft: 30,
    ...extra,
  };
}

const methods = (ledger: CallLedger, mark: number) =>
  ledger.since(mark).map((c) => `${c.service}.${c.method}`);
const reads = (ledger: CallLedger, mark: number) =>
  methods(ledger, mark).filter((m) => m === 'Sheets.Spreadsheets.Values.batchGet').length;
const writes = (ledger: CallLedger, mark: number) =>
  methods(ledger, mark).filter((m) => m === 'Sheets.Spreadsheets.Values.batchUpdate').length;

/** Writes orders as a committed batch. */
function seed(t: Tracker, orders: readonly Order[]): void {
  const store = new TrackerOrders(t);
  store.readAll();
  for (const o of orders) store.put(o);
  t.commit();
}

describe('TrackerOrders', () => {
  it('round-trips orders: text stored as the same text, dates as dates, numbers as numbers', () => {
    const { ss, t } = tracker();
    const hostile = order(1, {
      candidate: '=HYPERLINK("x","y")',
      specialty: '+1',
      recommender: "'quoted",
      email: '-2',
      lastError: '00123',
      problems: ['=1+1', 'TRUE'],
    });
    seed(t(), [hostile]);
    expect(new TrackerOrders(t()).readAll()).toEqual({ orders: [hostile], problems: [] });
    const sheet = ss.peekSheet('Orders')!;
    expect(sheet.peekFormulas().flat().filter(Boolean)).toEqual([]);
    const row = sheet.peekValues()[1]!;
    const at = (h: string) => row[ORDER_HEADERS.indexOf(h)];
    expect([at('Candidate'), at('Recommender'), at('Last error')]).toEqual([
      '=HYPERLINK("x","y")',
      "'quoted",
      '00123',
    ]);
    // A date column holds a date (the column's format shows the serial number as one), days left a number.
    expect(formatDate(at('Current due') as Date, TZ, 'yyyy-MM-dd')).toBe('2027-01-13');
    expect(at('Business days left')).toBe(30);
  });

  it('reads every range in one call, and writes a batch of changes to several orders in one call', () => {
    const { t, ledger } = tracker();
    const tr = t();
    const mark = ledger.mark();
    new TrackerSettings(tr).read();
    const store = new TrackerOrders(tr);
    store.readAll();
    new TrackerResponses(tr).has('R1', 'v1');
    store.put(order(1));
    store.put(order(2));
    store.put({ ...order(1), status: 'ON_HOLD', heldFrom: 'DRAFTING' });
    new TrackerLog(tr).append([
      { time: 't', actor: 'system', orderId: 'x', event: 'e', from: '', to: '', detail: '' },
    ]);
    tr.commit();
    expect(methods(ledger, mark)).toEqual([
      'Sheets.Spreadsheets.Values.batchGet',
      'Sheets.Spreadsheets.Values.batchUpdate',
    ]);
    expect(new TrackerOrders(t()).readAll().orders.map((o) => o.status)).toEqual(['ON_HOLD', 'DRAFTING']);
  });

  it('puts a new order after the last row, once, however often a failed commit is retried', () => {
    const { t, ss, ledger } = tracker();
    seed(t(), [order(1)]);
    const tr = t();
    const store = new TrackerOrders(tr);
    store.readAll();
    ledger.failOn('Sheets', 'Spreadsheets.Values.batchUpdate', 1, permanentError('batchUpdate'));
    store.put(order(2));
    expect(() => tr.commit()).toThrow(/Invalid argument/);
    // The retried step puts the order again; it goes to the same row.
    store.put(order(2));
    tr.commit();
    expect(
      ss
        .peekSheet('Orders')!
        .peekValues()
        .map((r) => r[0]),
    ).toEqual(['Order ID', order(1).orderId, order(2).orderId]);
    // Written once more it changes its row, not a new one.
    store.put({ ...order(2), status: 'EDITING' });
    tr.commit();
    expect(new TrackerOrders(t()).readAll().orders.map((o) => [o.orderId, o.status])).toEqual([
      [order(1).orderId, 'DRAFTING'],
      [order(2).orderId, 'EDITING'],
    ]);
  });

  it('an order put twice in one batch is written as the second put has it, cells put back included', () => {
    const { t, ledger } = tracker();
    seed(t(), [order(1)]);
    const tr = t();
    const store = new TrackerOrders(tr);
    store.readAll();
    // A failure record whose commit failed stays staged; the order is then put again as it was read.
    store.put({
      ...order(1),
      status: 'ERROR',
      heldFrom: 'DRAFTING',
      errorStep: 'recordDraft',
      lastError: 'x',
    });
    ledger.failOn('Sheets', 'Spreadsheets.Values.batchUpdate', 1, permanentError('batchUpdate'));
    expect(() => tr.commit()).toThrow(/Invalid argument/);
    store.put(order(1));
    tr.commit();
    expect(new TrackerOrders(t()).readAll().orders).toEqual([order(1)]);
  });

  it('forgets a discarded batch: nothing is written and the next new row takes the same place', () => {
    const { t, ss, ledger } = tracker();
    const tr = t();
    const store = new TrackerOrders(tr);
    store.readAll();
    store.put(order(1));
    tr.discard();
    const mark = ledger.mark();
    tr.commit();
    expect(writes(ledger, mark)).toBe(0);
    store.put(order(2));
    tr.commit();
    expect(
      ss
        .peekSheet('Orders')!
        .peekValues()
        .map((r) => r[0]),
    ).toEqual(['Order ID', order(2).orderId]);
  });

  it('writes only the cells that changed: one range for a column over consecutive rows, nothing when unchanged', () => {
    const { t, ss, ledger, fakes } = tracker();
    seed(
      t(),
      Array.from({ length: 50 }, (_, i) => order(i + 1)),
    );
    const tr = t();
    const store = new TrackerOrders(tr);
    const all = store.readAll().orders;
    let mark = ledger.mark();
    store.putAll(all);
    tr.commit();
    expect(writes(ledger, mark)).toBe(0);

    const sheet = ss.peekSheet('Orders')!;
    const spy = jest.spyOn(fakes.Sheets.Spreadsheets.Values, 'batchUpdate');
    mark = ledger.mark();
    store.putAll(all.map((o, i) => (i >= 10 && i < 40 ? { ...o, businessDaysLeft: 29 } : o)));
    tr.commit();
    expect(writes(ledger, mark)).toBe(1);
    const col = ORDER_HEADERS.indexOf('Business days left') + 1;
    const letter = String.fromCharCode(64 + col);
    expect((spy.mock.calls[0]![0] as { data: { range: string }[] }).data.map((d) => d.range)).toEqual([
      `'Orders'!${letter}12:${letter}41`,
    ]);
    expect(
      new TrackerOrders(t())
        .readAll()
        .orders.map((o) => o.businessDaysLeft)
        .filter((d) => d === 29),
    ).toHaveLength(30);
    expect(sheet.peekValues()[1]![col - 1]).toBe(30);
    spy.mockRestore();
  });

  it('leaves a manager’s own column, and the formula in it, alone when CEAD rewrites the row around it', () => {
    const { t, ss } = tracker();
    seed(t(), [order(1)]);
    const sheet = ss.peekSheet('Orders')!;
    // The manager's column sits between two of CEAD's.
    const header = [...ORDER_HEADERS];
    header.splice(9, 0, 'Manager notes');
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    const values = sheet.peekValues();
    const row = [...values[1]!];
    row.splice(9, 0, '');
    sheet
      .getRange(1, 1, 2, header.length)
      .setValues([header, row.map((v) => (typeof v === 'string' ? `'${v}` : v))]);
    sheet.getRange(2, 10).setFormula('=1+2');
    const store = new TrackerOrders(t());
    const [o] = store.readAll().orders;
    const tr2 = t();
    const again = new TrackerOrders(tr2);
    again.readAll();
    again.put({ ...o!, status: 'ON_HOLD', heldFrom: 'DRAFTING', writer: 'ana@x.example' });
    tr2.commit();
    expect(sheet.getRange(2, 10).getFormula()).toBe('=1+2');
    expect(new TrackerOrders(t()).readAll().orders[0]).toMatchObject({
      status: 'ON_HOLD',
      writer: 'ana@x.example',
    });
  });

  it('reports unreadable rows and never overwrites them', () => {
    const { t, ss } = tracker();
    seed(t(), [order(1), order(2), order(3)]);
    const sheet = ss.peekSheet('Orders')!;
    sheet.getRange(3, 9).setValue('Drafted');
    const tr = t();
    const store = new TrackerOrders(tr);
    const read = store.readAll();
    expect(read.problems.join()).toMatch(/Row 3, "Status".*"Drafted" is not a status/);
    store.putAll(read.orders.map((o) => ({ ...o, businessDaysLeft: 1 })));
    tr.commit();
    expect(sheet.getRange(3, 9).getValue()).toBe('Drafted');
    expect(sheet.peekValues()[2]![ORDER_HEADERS.indexOf('Business days left')]).toBe(30);
  });

  it('refuses to write through a sheet whose header it cannot read', () => {
    const { t, ss } = tracker();
    ss.peekSheet('Orders')!.getRange(1, 9).setValue('State');
    const store = new TrackerOrders(t());
    expect(store.readAll().problems.join()).toMatch(/no "Status" column/);
    expect(() => store.put(order(1))).toThrow(/cannot be used/);
  });

  it('links the PDF an order records in the PDF link column', () => {
    const { t, ss } = tracker();
    seed(t(), [order(1, { pdfUrl: 'https://drive.google.com/file/d/pdf1/view' })]);
    const row = ss.peekSheet('Orders')!.peekValues()[1]!;
    expect(row[ORDER_HEADERS.indexOf('PDF link')]).toBe('https://drive.google.com/file/d/pdf1/view');
  });

  it('grows a full sheet when a new row runs past it, with the date columns formatted as dates', () => {
    const { t, ss, ledger } = tracker();
    const sheet = ss.peekSheet('Orders')!;
    seed(
      t(),
      Array.from({ length: 999 }, (_, i) => order(i + 1)),
    );
    expect(sheet.grid().rows).toBe(1000);
    const tr = t();
    const store = new TrackerOrders(tr);
    store.readAll();
    store.put(order(1000));
    const mark = ledger.mark();
    tr.commit();
    expect(methods(ledger, mark)).toEqual([
      'Sheets.Spreadsheets.Values.batchUpdate',
      'Sheets.Spreadsheets.get',
      'Sheets.Spreadsheets.batchUpdate',
      'Sheets.Spreadsheets.Values.batchUpdate',
    ]);
    expect(sheet.grid().rows).toBe(1001 + ROOM_ROWS);
    const last = new TrackerOrders(t()).readAll().orders.at(-1)!;
    expect(last).toEqual(order(1000));
    const due = sheet.getRange(1001, ORDER_HEADERS.indexOf('Current due') + 1).getValue();
    expect(formatDate(due as Date, TZ, 'yyyy-MM-dd')).toBe('2027-01-13');
    // The next rows fit: no more growing.
    const next = t();
    const s2 = new TrackerOrders(next);
    s2.readAll();
    s2.put(order(1001));
    const m2 = ledger.mark();
    next.commit();
    expect(methods(ledger, m2)).toEqual(['Sheets.Spreadsheets.Values.batchUpdate']);
  });
});

describe('TrackerResponses, TrackerLog and TrackerSettings', () => {
  it('stores each response version once, verbatim, split over cells when long', () => {
    const { t, ss, ledger } = tracker();
    const raw = { 'Full name': '=1+1', Example: 'x'.repeat(120000), Emoji: '🩺 שלום', Quote: "'kept" };
    const tr = t();
    const store = new TrackerResponses(tr);
    const mark = ledger.mark();
    expect(store.has('R1', 'v1')).toBe(false);
    store.append('R1', 'v1', raw);
    // Staged counts as stored: a retried step does not append it twice.
    expect(store.has('R1', 'v1')).toBe(true);
    store.append('R1', 'v1', raw);
    tr.commit();
    expect(reads(ledger, mark)).toBe(1);
    expect(writes(ledger, mark)).toBe(1);
    expect(new TrackerResponses(t()).get('R1', 'v1')).toEqual(raw);
    const sheet = ss.peekSheet('Responses')!;
    expect(sheet.peekValues()).toHaveLength(2);
    expect(sheet.peekValues()[1]!.length).toBeGreaterThan(4);
    expect(sheet.peekFormulas().flat().filter(Boolean)).toEqual([]);
  });

  it('appends log entries after the last line in one write, as the text they are', () => {
    const { t, ss, ledger } = tracker();
    const entry = {
      time: '2026-11-30T10:00:00-05:00',
      actor: 'system',
      orderId: 'CEAD-1',
      event: 'x',
      from: '' as const,
      to: '' as const,
      detail: '=bad',
    };
    const tr = t();
    const mark = ledger.mark();
    new TrackerLog(tr).append([entry, { ...entry, event: 'y' }]);
    new TrackerLog(tr).append([{ ...entry, event: 'z' }]);
    tr.commit();
    expect(writes(ledger, mark)).toBe(1);
    const tr2 = t();
    new TrackerLog(tr2).append([{ ...entry, event: 'w' }]);
    tr2.commit();
    const values = ss.peekSheet('Log')!.peekValues();
    expect(values.slice(1).map((r) => [r[0], r[3], r[6]])).toEqual([
      ['2026-11-30T10:00:00-05:00', 'x', '=bad'],
      ['2026-11-30T10:00:00-05:00', 'y', '=bad'],
      ['2026-11-30T10:00:00-05:00', 'z', '=bad'],
      ['2026-11-30T10:00:00-05:00', 'w', '=bad'],
    ]);
  });

  it('reads Settings from the same one read as the orders', () => {
    const { t, ledger } = tracker();
    const tr = t();
    const mark = ledger.mark();
    expect(new TrackerSettings(tr).read().settings.timeZone).toBe(TZ);
    new TrackerOrders(tr).readAll();
    expect(reads(ledger, mark)).toBe(1);
  });
});
