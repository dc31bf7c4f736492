/** The sweep: finishes what triggers missed, refreshes deadlines, reminds at most once a day, one read and one write. */
import { DEFAULT_RETRY } from '../../src/core/intake';
import { newOrder, type Order, orderIdFor } from '../../src/core/orders';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { REMINDERS_KEY, sweep } from '../../src/core/sweep';
import { backOffice, rawFromExample } from './back-office-ports';

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  team: [{ name: 'Ana', email: 'ana@cead-team.example', roles: ['writer'] }],
};

function drafting(n: number, due: string): Order {
  return {
    ...newOrder({
      responseId: `old-${n}`,
      submitted: '2026-10-01T09:00:00-04:00',
      lastUpdate: '2026-10-01T09:00:00-04:00',
    }),
    status: 'DRAFTING',
    writer: 'ana@cead-team.example',
    package: 'standard',
    start: '2026-10-01',
    originalDue: due,
    currentDue: due,
    businessDaysLeft: 99,
  };
}

describe('sweep', () => {
  it('creates the order a missed trigger left behind', () => {
    const b = backOffice();
    const raw = rawFromExample('rosa-delgado');
    b.responses.items.set('R1', {
      responseId: 'R1',
      timestamp: '2026-11-30T13:00:00.000Z',
      respondentEmail: '',
      editUrl: '',
      raw,
    });
    const report = sweep(b, { settings: SETTINGS, retry: DEFAULT_RETRY });
    expect(report.intake.map((o) => [o.responseId, o.action, o.status])).toEqual([
      ['R1', 'created', 'DRAFTING'],
    ]);
    expect(b.orders.rows.get(orderIdFor('R1'))!.status).toBe('DRAFTING');
    expect(sweep(b, { settings: SETTINGS }).intake).toEqual([]);
    expect(b.docs.docs).toHaveLength(1);
  });

  it('reads the orders once and writes them once, whatever their number', () => {
    for (const n of [10, 2000]) {
      const b = backOffice('2026-11-30T15:00:00Z');
      for (let i = 0; i < n; i++) {
        const o = drafting(i, '2026-12-31');
        b.orders.rows.set(o.orderId, o);
      }
      const report = sweep(b, { settings: SETTINGS });
      expect([n, b.orders.reads, b.orders.writes]).toEqual([n, 1, 1]);
      expect(report.refreshed).toBe(n);
      // 2026-11-30 to 2026-12-31: December has 22 business days, less Christmas.
      expect(b.orders.rows.get(drafting(0, '').orderId)!.businessDaysLeft).toBe(22);
    }
  });

  it('writes nothing when nothing changed', () => {
    const b = backOffice('2026-11-30T15:00:00Z');
    const o = { ...drafting(1, '2026-12-31'), businessDaysLeft: 22 };
    b.orders.rows.set(o.orderId, o);
    sweep(b, { settings: SETTINGS });
    expect(b.orders.writes).toBe(0);
  });

  it('reminds the writer of overdue and at-risk orders once a day, within the quota', () => {
    const b = backOffice('2026-11-30T15:00:00Z');
    const late = drafting(1, '2026-11-25');
    const soon = drafting(2, '2026-12-01');
    const fine = drafting(3, '2026-12-24');
    for (const o of [late, soon, fine]) b.orders.rows.set(o.orderId, o);
    const first = sweep(b, { settings: SETTINGS });
    expect(first.reminders).toBe(2);
    expect(b.mailer.sent.map((m) => m.subject.split(':')[0])).toEqual(['Overdue', 'Due soon']);
    expect(b.mailer.sent.every((m) => m.to === 'ana@cead-team.example')).toBe(true);
    expect(b.log.entries.map((e) => e.event)).toEqual(['reminder', 'reminder']);
    b.clock.advance(15 * 60 * 1000);
    expect(sweep(b, { settings: SETTINGS }).reminders).toBe(0);
    b.clock.advance(24 * 60 * 60 * 1000);
    expect(sweep(b, { settings: SETTINGS }).reminders).toBe(2);
    expect(JSON.parse(b.state.values.get(REMINDERS_KEY)!).date).toBe('2026-12-01');
  });

  it('never reminds about a finished letter: a FINALIZED order met its deadline when it was finalized', () => {
    const b = backOffice('2026-11-30T15:00:00Z');
    // Finalized with 5 business days to spare; its due date has passed since, while it waits for delivery.
    const done = { ...drafting(1, '2026-11-25'), status: 'FINALIZED' as const, businessDaysLeft: 5 };
    b.orders.rows.set(done.orderId, done);
    expect(sweep(b, { settings: SETTINGS }).reminders).toBe(0);
    expect(b.mailer.sent).toEqual([]);
    expect(b.orders.rows.get(done.orderId)!.businessDaysLeft).toBe(5);
  });

  it('stops reminding when the mail quota is used up, and says so', () => {
    const b = backOffice('2026-11-30T15:00:00Z');
    b.mailer.quota = 1;
    for (const o of [drafting(1, '2026-11-25'), drafting(2, '2026-11-26')]) b.orders.rows.set(o.orderId, o);
    const report = sweep(b, { settings: SETTINGS });
    expect(report.reminders).toBe(1);
    expect(report.problems.join()).toMatch(/quota/);
  });

  it('stops starting intake work when its time budget is spent', () => {
    const b = backOffice();
    const raw = rawFromExample('rosa-delgado');
    for (const id of ['R1', 'R2', 'R3']) {
      b.responses.items.set(id, {
        responseId: id,
        timestamp: '2026-11-30T13:00:00.000Z',
        respondentEmail: '',
        editUrl: '',
        raw,
      });
    }
    const realPost = b.comments.post.bind(b.comments);
    b.comments.post = (...args) => {
      b.clock.advance(60 * 1000);
      return realPost(...args);
    };
    const report = sweep(b, { settings: SETTINGS, budgetMs: 3 * 60 * 1000 });
    expect(report.stoppedEarly).toBe(true);
    expect(report.intake.length).toBeLessThan(3);
    expect(sweep(b, { settings: SETTINGS }).intake.length).toBe(3 - report.intake.length);
  });
});
