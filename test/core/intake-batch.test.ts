/**
 * Intake and the sweep with stores that hold their writes back until a commit (as the Apps Script tracker
 * does): intake commits exactly at its two durable points, before the Doc is made and at the end; a failed
 * commit is retried or replaced by the failure's record, never half written.
 */
import { DEFAULT_RETRY, processResponse } from '../../src/core/intake';
import { type Order, orderIdFor } from '../../src/core/orders';
import type { ResponseData, WriteBatch } from '../../src/core/ports';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { sweep } from '../../src/core/sweep';
import type { LogEntry } from '../../src/core/tracker-row';
import { backOffice, type Faults, rawFromExample } from './back-office-ports';

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  team: [{ name: 'Ana Writer', email: 'ana@cead-team.example', roles: ['writer'] }],
};

/** Writes staged by label until `commit` applies them together (or `discard` drops them). */
class HeldWrites implements WriteBatch {
  private staged: { label: string; apply: () => void }[] = [];
  readonly commits: string[][] = [];
  constructor(private readonly faults: Faults) {}
  stage(label: string, apply: () => void): void {
    this.staged.push({ label, apply });
  }
  labels(): string[] {
    return this.staged.map((s) => s.label);
  }
  commit(): void {
    if (this.staged.length === 0) return;
    this.faults.hit('batch.commit');
    for (const s of this.staged) s.apply();
    this.commits.push(this.labels());
    this.staged = [];
  }
  discard(): void {
    this.staged = [];
  }
}

function held() {
  const b = backOffice();
  const batch = new HeldWrites(b.faults);
  const deps = {
    ...b,
    batch,
    orders: {
      readAll: () => b.orders.readAll(),
      put: (o: Order) => batch.stage(`order ${o.status}`, () => b.orders.put(o)),
      putAll: (list: readonly Order[]) => batch.stage('orders', () => b.orders.putAll(list)),
    },
    raw: {
      has: (id: string, received: string) =>
        b.raw.has(id, received) || batch.labels().includes(`raw ${id} ${received}`),
      append: (id: string, received: string, raw: Readonly<Record<string, string>>) => {
        if (!batch.labels().includes(`raw ${id} ${received}`))
          batch.stage(`raw ${id} ${received}`, () => b.raw.append(id, received, raw));
      },
      get: (id: string, received: string) => b.raw.get(id, received),
    },
    log: {
      append: (entries: readonly LogEntry[]) =>
        batch.stage(`log ${entries.map((e) => e.event).join(',')}`, () => b.log.append(entries)),
    },
  };
  const ctx = () => ({
    settings: SETTINGS,
    orders: new Map([...b.orders.rows.values()].map((o) => [o.orderId, o])),
    retry: DEFAULT_RETRY,
  });
  return { b, batch, deps, ctx };
}

const RAW = rawFromExample('rosa-delgado');
const response = (id: string): ResponseData => ({
  responseId: id,
  timestamp: '2026-11-30T13:55:00.000Z',
  respondentEmail: '',
  editUrl: '',
  raw: RAW,
});

describe('intake with stores that hold writes back', () => {
  it('commits twice: the order and its answers before the Doc is made, the draft and its Log line at the end', () => {
    const { b, batch, deps, ctx } = held();
    const out = processResponse(deps, ctx(), response('R1'));
    expect(out).toMatchObject({ action: 'created', status: 'DRAFTING' });
    const received = b.orders.rows.get(orderIdFor('R1'))!.submitted;
    expect(batch.commits).toEqual([
      ['order NEW', `raw R1 ${received}`],
      ['order DRAFTING', 'log intake'],
    ]);
    const calls = b.faults.calls;
    expect(calls.indexOf('batch.commit')).toBeLessThan(calls.indexOf('docs.create'));
    expect(calls.lastIndexOf('batch.commit')).toBeGreaterThan(calls.lastIndexOf('comments.post'));
  });

  it('retries a commit that failed for a moment, writing the answers once', () => {
    const { b, batch, deps, ctx } = held();
    b.faults.failNext('batch.commit', new Error('Service Spreadsheets timed out while accessing document'));
    processResponse(deps, ctx(), response('R1'));
    expect(b.raw.rows).toHaveLength(1);
    expect(batch.commits).toHaveLength(2);
    expect(b.clock.slept).toHaveLength(1);
  });

  it('records ERROR in place of a final write that failed, without the Log line of a draft that was not recorded', () => {
    const { b, batch, deps, ctx } = held();
    // The first commit passes, the second fails for good.
    let n = 0;
    const commit = batch.commit.bind(batch);
    batch.commit = () => {
      n++;
      if (n === 2) throw new Error('Exception: Invalid argument: range');
      commit();
    };
    const out = processResponse(deps, ctx(), response('R1'));
    expect(out).toMatchObject({ action: 'failed', step: 'recordDraft', status: 'ERROR' });
    expect(batch.commits.map((c) => c.join(' + '))).toEqual([
      expect.stringMatching(/^order NEW \+ raw R1/),
      'order ERROR + log error',
    ]);
    expect(b.log.entries.map((e) => e.event)).toEqual(['error']);
    expect(b.orders.rows.get(orderIdFor('R1'))).toMatchObject({ status: 'ERROR', errorStep: 'recordDraft' });
    // The Doc is kept on the order, so the sweep's retry finds it rather than making another.
    expect(b.orders.rows.get(orderIdFor('R1'))!.docId).toBe('doc-1');
  });
});

describe('the sweep with stores that hold writes back', () => {
  it('writes the refresh and the reminders’ and new-draft emails’ Log lines in one commit', () => {
    const { b, batch, deps } = held();
    b.responses.items.set('R1', response('R1'));
    processResponse(deps, { settings: SETTINGS, orders: new Map(), retry: DEFAULT_RETRY }, response('R1'));
    batch.commits.length = 0;
    // Weeks later the order is overdue: its days left change, its writer is reminded, and (no sweep having
    // run since intake) told of the new draft.
    b.clock.advance(80 * 24 * 60 * 60 * 1000);
    const report = sweep(deps, { settings: SETTINGS });
    expect(report).toMatchObject({ refreshed: 1, reminders: 1, draftNotices: 1 });
    expect(batch.commits).toEqual([['orders', 'log reminder,draft-notice']]);
  });
});
