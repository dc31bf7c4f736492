import { newOrder, type Order } from '../../src/core/orders';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { adoptTrackerEdits, TRACKER_ACTOR } from '../../src/core/tracker-edits';

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  team: [
    { name: 'Avery Quinn', email: 'avery.quinn@example.org', roles: ['writer'] },
    { name: 'Morgan Ellis', email: 'morgan.ellis@example.org', roles: ['reviewer'] },
  ],
};
const WHEN = { today: '2026-11-30', now: '2026-11-30T10:00:00-05:00' };

const base: Order = {
  ...newOrder({
    responseId: 'r1',
    submitted: '2026-11-02T09:00:00-05:00',
    lastUpdate: '2026-11-02T09:00:00-05:00',
  }),
  candidate: 'Rosa Delgado',
  package: 'standard',
  status: 'DRAFTING',
  writer: 'avery.quinn@example.org',
  start: '2026-11-02',
  originalDue: '2026-12-15',
  currentDue: '2026-12-15',
  docId: 'doc-1',
};

const one = (o: Order) => new Map([[o.orderId, o]]);

describe('adoptTrackerEdits', () => {
  it('takes an allowed status move, a reviewer from the team and a package, and logs them as from the tracker file', () => {
    const edited = {
      ...base,
      status: 'ON_HOLD' as const,
      reviewer: 'morgan.ellis@example.org',
      package: 'expedited',
    };
    const result = adoptTrackerEdits([base], one(edited), SETTINGS, WHEN);
    const after = result.orders[0]!;
    expect(after.status).toBe('ON_HOLD');
    expect(after.heldFrom).toBe('DRAFTING');
    expect(after.reviewer).toBe('morgan.ellis@example.org');
    expect(after.package).toBe('expedited');
    expect(after.originalDue).toBe('2026-11-03');
    expect(result.changed).toEqual([after]);
    expect(result.reverted).toEqual([]);
    expect(result.shares).toEqual([{ email: 'morgan.ellis@example.org', docId: 'doc-1', role: 'reviewer' }]);
    expect(result.log.map((e) => e.actor)).toEqual([TRACKER_ACTOR, TRACKER_ACTOR, TRACKER_ACTOR]);
  });

  it('reverts what the rules refuse and says why, keeping the record', () => {
    const edited = {
      ...base,
      status: 'FINALIZED' as const,
      writer: 'stranger@example.org',
      originalDue: '2027-01-01',
    };
    const result = adoptTrackerEdits([base], one(edited), SETTINGS, WHEN);
    expect(result.orders[0]).toBe(base);
    expect(result.changed).toEqual([]);
    expect(result.reverted).toEqual([
      `${base.orderId}: stranger@example.org is not a writer on the Settings sheet's team list.`,
      expect.stringMatching(new RegExp(`^${base.orderId}: An order cannot go from DRAFTING to FINALIZED`)),
    ]);
  });

  it('does not replay a stale file: only cells that differ from what CEAD last wrote are edits', () => {
    // CEAD moved the order on since it wrote the file; the file still shows the old status and no writer.
    const written = { ...base, status: 'NEW' as const, writer: '' };
    const inFile = { ...written, reviewer: 'morgan.ellis@example.org' };
    const result = adoptTrackerEdits([base], one(inFile), SETTINGS, WHEN, one(written));
    expect(result.orders[0]).toEqual({ ...base, reviewer: 'morgan.ellis@example.org', lastUpdate: WHEN.now });
    expect(result.reverted).toEqual([]);
  });

  it('without a baseline, every difference from the record counts', () => {
    const inFile = { ...base, status: 'NEW' as const };
    const result = adoptTrackerEdits([base], one(inFile), SETTINGS, WHEN);
    expect(result.orders[0]!.status).toBe('DRAFTING');
    expect(result.reverted).toHaveLength(1);
  });

  it('ignores a row whose response ID does not match the record', () => {
    const result = adoptTrackerEdits(
      [base],
      one({ ...base, responseId: 'other', status: 'ON_HOLD' }),
      SETTINGS,
      WHEN,
    );
    expect(result.orders[0]).toBe(base);
    expect(result.log).toEqual([]);
  });
});
