/** The sweep: finishes what triggers missed, refreshes deadlines, reminds at most once a day, one read and one write. */
import { DEFAULT_RETRY } from '../../src/core/intake';
import { newOrder, type Order, orderIdFor } from '../../src/core/orders';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import {
  DRAFT_NOTICES_KEY,
  FULL_LISTING_KEY,
  LISTED_UP_TO_KEY,
  REMINDERS_KEY,
  recordDraftNotice,
  sweep,
} from '../../src/core/sweep';
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

  it('tells its progress before each response it takes in, and stops when told to', () => {
    const b = backOffice();
    const raw = rawFromExample('rosa-delgado');
    for (const id of ['R1', 'R2', 'R3']) {
      const response = {
        responseId: id,
        timestamp: '2026-11-30T13:00:00.000Z',
        respondentEmail: '',
        editUrl: '',
      };
      b.responses.items.set(id, { ...response, raw });
    }
    const told: [number, number][] = [];
    const report = sweep(b, {
      settings: SETTINGS,
      onProgress: (done, total) => {
        told.push([done, total]);
        return done < 2;
      },
    });
    expect(told).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect([report.intake.length, report.stoppedEarly]).toEqual([2, true]);
    // The next sweep sees only the response left, and is not told of those already taken in.
    told.length = 0;
    expect(sweep(b, { settings: SETTINGS, onProgress: (d, t) => told.push([d, t]) > 0 }).intake).toHaveLength(
      1,
    );
    expect(told).toEqual([[0, 1]]);
  });
});

describe('new-draft emails to writers', () => {
  const TEAM: Settings = {
    ...SETTINGS,
    team: [
      { name: 'Ana', email: 'ana@cead-team.example', roles: ['writer'] },
      { name: 'Ben', email: 'ben@cead-team.example', roles: ['writer'] },
    ],
  };
  function newDraft(n: number, writer: string): Order {
    return {
      ...drafting(n, '2026-12-24'),
      candidate: `Candidate ${n}`,
      specialty: 'Internal Medicine',
      writer,
      docId: `doc-${n}`,
      docUrl: `https://docs.example/doc-${n}`,
    };
  }
  function withDrafts(...orders: Order[]) {
    const b = backOffice('2026-11-30T15:00:00Z');
    for (const o of orders) b.orders.rows.set(o.orderId, o);
    return b;
  }

  it('tells each writer about their new drafts in one email, once', () => {
    const b = withDrafts(
      newDraft(1, 'ana@cead-team.example'),
      newDraft(2, 'ben@cead-team.example'),
      newDraft(3, 'ana@cead-team.example'),
      // Not new: no Doc yet, or the writer has started a session.
      { ...newDraft(4, 'ana@cead-team.example'), docId: '', docUrl: '' },
      { ...newDraft(5, 'ana@cead-team.example'), status: 'EDITING', session: 1 },
    );
    const first = sweep(b, { settings: TEAM });
    expect(first.draftNotices).toBe(2);
    expect(first.reminders).toBe(0);
    expect(b.mailer.sent.map((m) => [m.to, m.subject])).toEqual([
      ['ana@cead-team.example', 'CEAD: 2 new drafts for you'],
      ['ben@cead-team.example', 'CEAD: 1 new draft for you'],
    ]);
    expect(b.mailer.sent[0]!.body).toContain(
      `${newDraft(1, '').orderId}: Candidate 1, Internal Medicine, due 2026-12-24`,
    );
    expect(b.mailer.sent[0]!.body).toContain('https://docs.example/doc-3');
    expect(b.log.entries.filter((e) => e.event === 'draft-notice')).toHaveLength(3);
    // The Log names the writer, never the candidate.
    expect(JSON.stringify(b.log.entries)).not.toContain('Candidate');
    expect(sweep(b, { settings: TEAM }).draftNotices).toBe(0);
    expect(b.mailer.sent).toHaveLength(2);
  });

  it('tells the new writer of a draft handed over, and forgets drafts once their session starts', () => {
    const one = newDraft(1, 'ana@cead-team.example');
    const b = withDrafts(one);
    sweep(b, { settings: TEAM });
    b.orders.rows.set(one.orderId, { ...one, writer: 'ben@cead-team.example' });
    sweep(b, { settings: TEAM });
    expect(b.mailer.sent.map((m) => m.to)).toEqual(['ana@cead-team.example', 'ben@cead-team.example']);
    b.orders.rows.set(one.orderId, { ...one, status: 'EDITING', session: 1 });
    sweep(b, { settings: TEAM });
    expect(JSON.parse(b.state.get(DRAFT_NOTICES_KEY)!)).toEqual({});
  });

  it('does not tell a writer twice about a draft the on-edit handler told them about', () => {
    const one = newDraft(1, 'ben@cead-team.example');
    const b = withDrafts(one);
    recordDraftNotice(b.state, one.orderId, 'BEN@cead-team.example');
    expect(sweep(b, { settings: TEAM }).draftNotices).toBe(0);
    expect(b.mailer.sent).toEqual([]);
  });

  it('waits for the quota, and tells the writer at a later sweep', () => {
    const b = withDrafts(newDraft(1, 'ana@cead-team.example'));
    b.mailer.quota = 0;
    const first = sweep(b, { settings: TEAM });
    expect(first.draftNotices).toBe(0);
    expect(first.problems).toContain(
      'The daily email quota is used up: new-draft emails wait until tomorrow.',
    );
    b.mailer.quota = 10;
    expect(sweep(b, { settings: TEAM }).draftNotices).toBe(1);
  });

  it('announces every waiting draft again, once, when the record is unreadable', () => {
    const b = withDrafts(newDraft(1, 'ana@cead-team.example'));
    b.state.set(DRAFT_NOTICES_KEY, '{not json');
    expect(sweep(b, { settings: TEAM }).draftNotices).toBe(1);
    expect(sweep(b, { settings: TEAM }).draftNotices).toBe(0);
  });

  it('keeps its record within a script property, leaving the rest for a later sweep', () => {
    const many = Array.from({ length: 400 }, (_, i) => newDraft(i, `w${i % 20}@cead-team.example`));
    const b = withDrafts(...many);
    b.mailer.quota = 1000;
    const first = sweep(b, { settings: TEAM });
    expect(b.state.get(DRAFT_NOTICES_KEY)!.length).toBeLessThanOrEqual(8000);
    expect(first.problems.some((p) => p.startsWith('Too many new drafts'))).toBe(true);
    const told = Object.keys(JSON.parse(b.state.get(DRAFT_NOTICES_KEY)!)).length;
    expect(told).toBeGreaterThan(200);
    expect(told).toBeLessThan(400);
  });
});

describe('the sweep’s listing of responses', () => {
  const HOUR = 60 * 60 * 1000;
  const raw = rawFromExample('rosa-delgado');
  const respond = (id: string, timestamp: string) => ({
    responseId: id,
    timestamp,
    respondentEmail: '',
    editUrl: '',
    raw,
  });

  /** 1,000 responses from October, each with its order drafted long ago; `returned` counts what list gives. */
  function processedHistory() {
    const b = backOffice('2026-11-30T14:00:00Z');
    for (let i = 0; i < 1000; i++) {
      const o = drafting(i, '2026-12-31');
      b.orders.rows.set(o.orderId, o);
      // 13:00Z is 09:00 in New York: the version each order already reflects.
      b.responses.items.set(o.responseId, respond(o.responseId, '2026-10-01T13:00:00.000Z'));
    }
    const returned: number[] = [];
    const sinces: (string | undefined)[] = [];
    const list = b.responses.list.bind(b.responses);
    b.responses.list = (since?: string) => {
      const got = list(since);
      sinces.push(since);
      returned.push(got.length);
      return got;
    };
    return { b, returned, sinces };
  }

  it('lists only the responses since the last committed listing, less an hour, after the day’s full pass', () => {
    const { b, returned, sinces } = processedHistory();
    const first = sweep(b, { settings: SETTINGS });
    expect(first).toMatchObject({ fullListing: true, responses: 1000, intake: [] });
    expect(b.state.values.get(LISTED_UP_TO_KEY)).toBe('2026-11-30T14:00:00.000Z');
    expect(b.state.values.get(FULL_LISTING_KEY)).toBe('2026-11-30');

    b.clock.advance(10 * 60 * 1000);
    b.responses.items.set('R-new', respond('R-new', '2026-11-30T14:05:00.000Z'));
    b.clock.advance(5 * 60 * 1000);
    const next = sweep(b, { settings: SETTINGS });
    expect(sinces.at(-1)).toBe('2026-11-30T13:00:00.000Z');
    expect(returned).toEqual([1000, 1]);
    expect(next.fullListing).toBe(false);
    expect(next.intake.map((o) => [o.responseId, o.action])).toEqual([['R-new', 'created']]);
    expect(b.state.values.get(LISTED_UP_TO_KEY)).toBe('2026-11-30T14:15:00.000Z');
  });

  it('still finds an old response with no order in the next day’s full pass', () => {
    const { b, returned } = processedHistory();
    sweep(b, { settings: SETTINGS });
    // Submitted in October, but its order was never made (its trigger failed and a state value was lost).
    b.responses.items.set('R-lost', respond('R-lost', '2026-10-02T13:00:00.000Z'));
    b.clock.advance(HOUR);
    expect(sweep(b, { settings: SETTINGS }).intake).toEqual([]);
    expect(returned).toEqual([1000, 0]);

    b.clock.ms = Date.parse('2026-12-01T12:00:00Z');
    const daily = sweep(b, { settings: SETTINGS });
    expect(daily.fullListing).toBe(true);
    expect(daily.intake.map((o) => [o.responseId, o.action])).toEqual([['R-lost', 'created']]);
    expect(b.state.values.get(FULL_LISTING_KEY)).toBe('2026-12-01');
  });

  it('lists everything when the recorded instant is lost', () => {
    const { b, returned } = processedHistory();
    sweep(b, { settings: SETTINGS });
    b.state.values.delete(LISTED_UP_TO_KEY);
    b.clock.advance(HOUR);
    expect(sweep(b, { settings: SETTINGS }).fullListing).toBe(true);
    expect(returned).toEqual([1000, 1000]);
  });

  it('still retries an old response whose intake failed, fetching it by its ID', () => {
    const { b } = processedHistory();
    sweep(b, { settings: SETTINGS });
    const failed: Order = {
      ...newOrder({
        responseId: 'R-failed',
        submitted: '2026-10-03T09:00:00-04:00',
        lastUpdate: '2026-10-03T09:00:00-04:00',
      }),
      status: 'ERROR',
      heldFrom: 'NEW',
      errorStep: 'createDoc',
      lastError: 'Drive said no',
    };
    b.orders.rows.set(failed.orderId, failed);
    b.responses.items.set('R-failed', respond('R-failed', '2026-10-03T13:00:00.000Z'));
    b.clock.advance(HOUR);
    const report = sweep(b, { settings: SETTINGS });
    expect(report.fullListing).toBe(false);
    expect(report.intake.map((o) => [o.responseId, o.action, o.status])).toEqual([
      ['R-failed', 'resumed', 'DRAFTING'],
    ]);
  });

  it('does not move the instant forward when the sweep’s write fails', () => {
    const { b } = processedHistory();
    sweep(b, { settings: SETTINGS });
    b.clock.advance(HOUR);
    const failing = {
      ...b,
      batch: {
        commit() {
          throw new Error('Sheets said no');
        },
        discard() {},
      },
    };
    expect(() => sweep(failing, { settings: SETTINGS })).toThrow('Sheets said no');
    expect(b.state.values.get(LISTED_UP_TO_KEY)).toBe('2026-11-30T14:00:00.000Z');
  });
});
