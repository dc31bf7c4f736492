/**
 * The tracker stores over the SpreadsheetApp fake: one read and one write per operation, literal text for
 * candidate input, dates that come back as the same calendar days, a manager's own columns left alone.
 */
import { newOrder, type Order } from '../../src/core/orders';
import { LOG_HEADERS, ORDER_HEADERS, RESPONSE_HEADERS } from '../../src/core/tracker-row';
import { Tracker, TrackerLog, TrackerOrders, TrackerResponses } from '../../src/gas/tracker-sheet';
import { createGasFakes, installGasFakes } from '../fakes/install-gas-fakes';

const TZ = 'America/New_York';

function tracker() {
  const fakes = createGasFakes({ timeZone: TZ });
  installGasFakes(globalThis, fakes);
  const ss = fakes.SpreadsheetApp.create('Tracker');
  ss.insertSheet('Orders')
    .insertColumnsAfter(26, ORDER_HEADERS.length - 26)
    .getRange(1, 1, 1, ORDER_HEADERS.length)
    .setValues([[...ORDER_HEADERS]]);
  ss.insertSheet('Responses')
    .getRange(1, 1, 1, 3)
    .setValues([[...RESPONSE_HEADERS]]);
  ss.insertSheet('Log')
    .getRange(1, 1, 1, LOG_HEADERS.length)
    .setValues([[...LOG_HEADERS]]);
  const t = new Tracker(ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
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

const reads = (ledger: ReturnType<typeof tracker>['ledger'], mark: number) =>
  ledger.since(mark).filter((c) => c.method === 'Range.getValues').length;
const writes = (ledger: ReturnType<typeof tracker>['ledger'], mark: number) =>
  ledger
    .since(mark)
    .filter((c) => ['Range.setValues', 'Sheet.appendRow', 'Range.setValue'].includes(c.method)).length;

describe('TrackerOrders', () => {
  it('round-trips orders: literal text, dates as the same days, numbers', () => {
    const { t } = tracker();
    const hostile = order(1, {
      candidate: '=HYPERLINK("x","y")',
      specialty: '+1',
      recommender: '@SUM(A1)',
      email: '-2',
    });
    new TrackerOrders(t, TZ).put(hostile);
    const read = new TrackerOrders(t, TZ).readAll();
    expect(read.problems).toEqual([]);
    expect(read.orders).toEqual([hostile]);
  });

  it('reads once however many operations follow, and writes one row per put', () => {
    const { t, ledger } = tracker();
    const store = new TrackerOrders(t, TZ);
    const mark = ledger.mark();
    store.readAll();
    store.put(order(1));
    store.put(order(2));
    store.put({ ...order(1), status: 'ON_HOLD', heldFrom: 'DRAFTING' });
    expect(reads(ledger, mark)).toBe(1);
    expect(writes(ledger, mark)).toBe(3);
    expect(new TrackerOrders(t, TZ).readAll().orders.map((o) => o.status)).toEqual(['ON_HOLD', 'DRAFTING']);
  });

  it('writes all changed orders with one setValues of the smallest rectangle, and nothing when unchanged', () => {
    const { t, ss, ledger } = tracker();
    const seed = new TrackerOrders(t, TZ);
    for (let i = 1; i <= 50; i++) seed.put(order(i));
    const store = new TrackerOrders(t, TZ);
    const all = store.readAll().orders;
    let mark = ledger.mark();
    store.putAll(all);
    expect(writes(ledger, mark)).toBe(0);
    mark = ledger.mark();
    store.putAll(all.map((o, i) => (i === 4 || i === 40 ? { ...o, businessDaysLeft: 29 } : o)));
    const written = ledger.since(mark).filter((c) => c.method === 'Range.setValues');
    expect(written).toHaveLength(1);
    expect(
      new TrackerOrders(t, TZ)
        .readAll()
        .orders.map((o) => o.businessDaysLeft)
        .filter((d) => d === 29),
    ).toHaveLength(2);
    // Only the days-left column was rewritten: a manager's own column next to it is untouched.
    expect(ss.peekSheet('Orders')!.formats).toEqual([]);
  });

  it('keeps a manager’s own column and formulas in it when CEAD rewrites a row', () => {
    const { t, ss } = tracker();
    new TrackerOrders(t, TZ).put(order(1));
    const sheet = ss.peekSheet('Orders')!;
    const extra = ORDER_HEADERS.length + 1;
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    sheet.getRange(1, extra).setValue('Manager notes');
    sheet.getRange(2, extra).setValue("'=call back Friday");
    const store = new TrackerOrders(t, TZ);
    store.put({ ...store.readAll().orders[0]!, status: 'ON_HOLD', heldFrom: 'DRAFTING' });
    expect(sheet.getRange(2, extra).getValue()).toBe('=call back Friday');
    expect(sheet.getRange(2, extra).getFormula()).toBe('');
  });

  it('reports unreadable rows and never overwrites them', () => {
    const { t, ss } = tracker();
    const seed = new TrackerOrders(t, TZ);
    seed.put(order(1));
    seed.put(order(2));
    seed.put(order(3));
    const sheet = ss.peekSheet('Orders')!;
    sheet.getRange(3, 9).setValue('Drafted');
    const store = new TrackerOrders(t, TZ);
    const read = store.readAll();
    expect(read.problems.join()).toMatch(/Row 3, "Status".*"Drafted" is not a status/);
    store.putAll(read.orders.map((o) => ({ ...o, businessDaysLeft: 1 })));
    expect(sheet.getRange(3, 9).getValue()).toBe('Drafted');
  });

  it('refuses to write through a sheet whose header it cannot read', () => {
    const { t, ss } = tracker();
    ss.peekSheet('Orders')!.getRange(1, 9).setValue('State');
    const store = new TrackerOrders(t, TZ);
    expect(store.readAll().problems.join()).toMatch(/no "Status" column/);
    expect(() => store.put(order(1))).toThrow(/cannot be used/);
  });
});

describe('TrackerResponses and TrackerLog', () => {
  it('stores each response version once, verbatim, split over cells when long', () => {
    const { t, ss, ledger } = tracker();
    const raw = { 'Full name': '=1+1', Example: 'x'.repeat(120000), Emoji: '🩺 שלום' };
    const store = new TrackerResponses(t);
    const mark = ledger.mark();
    expect(store.has('R1', 'v1')).toBe(false);
    store.append('R1', 'v1', raw);
    expect(store.has('R1', 'v1')).toBe(true);
    expect(reads(ledger, mark)).toBe(1);
    expect(new TrackerResponses(t).get('R1', 'v1')).toEqual(raw);
    expect(ss.peekSheet('Responses')!.peekFormulas().flat().filter(Boolean)).toEqual([]);
  });

  it('appends log entries in one write, as literal text', () => {
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
    const mark = ledger.mark();
    new TrackerLog(t).append([entry, { ...entry, event: 'y' }, { ...entry, event: 'z' }]);
    expect(writes(ledger, mark)).toBe(1);
    const values = ss.peekSheet('Log')!.peekValues();
    expect(values.slice(1).map((r) => [r[3], r[6]])).toEqual([
      ['x', '=bad'],
      ['y', '=bad'],
      ['z', '=bad'],
    ]);
  });
});
