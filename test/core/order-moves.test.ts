import { addBusinessDays } from '../../src/core/business-days';
import { failOrder, moveOrder, refreshDeadline, startClock } from '../../src/core/order-moves';
import { newOrder, type Order } from '../../src/core/orders';

const base = (pkg = 'standard'): Order => ({
  ...newOrder({ responseId: 'r1', submitted: '2026-11-02T09:00:00', lastUpdate: '2026-11-02T09:00:00Z' }),
  package: pkg,
});

const at = (today: string) => ({ today, now: `${today}T12:00:00Z` });

function ok(r: { ok: true; order: Order } | { ok: false; reason: string }): Order {
  if (!r.ok) throw new Error(r.reason);
  return r.order;
}

function drafting(): Order {
  const started = startClock(base(), '2026-11-02', null, '2026-11-02');
  expect(started.problem).toBeNull();
  return ok(moveOrder(started.order, 'DRAFTING', 'system', at('2026-11-02')));
}

describe('startClock', () => {
  it('sets the start and due dates from the package', () => {
    const o = drafting();
    expect(o.start).toBe('2026-11-02');
    expect(o.originalDue).toBe(addBusinessDays('2026-11-02', 30));
    expect(o.currentDue).toBe(o.originalDue);
    expect(o.businessDaysLeft).toBe(30);
  });

  it('waits for the conference date of an on-demand order', () => {
    expect(startClock(base('on-demand'), '2026-11-02', null, '2026-11-02')).toEqual({
      order: base('on-demand'),
      problem: 'The on-demand clock starts at the conference date, which is not known yet.',
    });
    const o = startClock(base('on-demand'), '2026-11-02', '2026-11-20', '2026-11-02').order;
    expect([o.start, o.originalDue]).toEqual(['2026-11-20', '2026-11-27']);
  });

  it('reports a package the catalog does not know', () => {
    expect(startClock(base('platinum'), '2026-11-02', null, '2026-11-02').problem).toBe(
      'Unknown package "platinum" (known: standard, expedited, on-demand)',
    );
  });
});

describe('moveOrder', () => {
  it('refuses with the reason and leaves the order unchanged', () => {
    expect(moveOrder(base(), 'DRAFTING', 'writer', at('2026-11-02'))).toEqual({
      ok: false,
      reason: 'A writer cannot move an order from NEW to DRAFTING; only the automation can.',
    });
  });

  it('pauses the clock while editing and extends the due date by the business days paused', () => {
    const d = drafting();
    const editing = ok(moveOrder(d, 'EDITING', 'writer', at('2026-11-04')));
    expect(editing.pausedSince).toBe('2026-11-04');
    expect(refreshDeadline(editing, '2026-11-06').currentDue).toBe(addBusinessDays(d.originalDue!, 2));
    const back = ok(moveOrder(editing, 'DRAFTING', 'writer', at('2026-11-09')));
    expect([back.pausedDays, back.pausedSince]).toEqual([3, null]);
    expect(back.currentDue).toBe(addBusinessDays(d.originalDue!, 3));
    expect(back.originalDue).toBe(d.originalDue);
    expect(back.lastUpdate).toBe('2026-11-09T12:00:00Z');
  });

  it('holds and releases to the status it left', () => {
    const d = drafting();
    const held = ok(moveOrder(d, 'ON_HOLD', 'manager', at('2026-11-03')));
    expect(held.heldFrom).toBe('DRAFTING');
    expect(moveOrder(held, 'EDITING', 'manager', at('2026-11-04')).ok).toBe(false);
    const released = ok(moveOrder(held, 'DRAFTING', 'manager', at('2026-11-04')));
    expect([released.status, released.heldFrom]).toEqual(['DRAFTING', null]);
  });

  it('records a failure and clears it when the retry resumes the order', () => {
    const d = drafting();
    const failed = ok(failOrder(d, 'postThreads', 'Drive API: 503', at('2026-11-03')));
    expect([failed.status, failed.heldFrom, failed.errorStep, failed.lastError]).toEqual([
      'ERROR',
      'DRAFTING',
      'postThreads',
      'Drive API: 503',
    ]);
    const again = ok(failOrder(failed, 'postThreads', 'Drive API: 429', at('2026-11-03')));
    expect([again.status, again.heldFrom, again.lastError]).toEqual(['ERROR', 'DRAFTING', 'Drive API: 429']);
    const parked = ok(moveOrder(again, 'ON_HOLD', 'manager', at('2026-11-04')));
    expect([parked.heldFrom, parked.errorStep]).toEqual(['DRAFTING', 'postThreads']);
    const retried = ok(moveOrder(again, 'DRAFTING', 'system', at('2026-11-04')));
    expect([retried.status, retried.heldFrom, retried.errorStep, retried.lastError]).toEqual([
      'DRAFTING',
      null,
      '',
      '',
    ]);
  });

  it('finalizes only a clean letter and then stops counting down', () => {
    const d = drafting();
    const review = ok(
      moveOrder(
        ok(moveOrder(d, 'PHYSICIAN_REVIEW', 'writer', at('2026-11-10'))),
        'CANDIDATE_REVIEW',
        'reviewer',
        at('2026-11-11'),
      ),
    );
    expect(moveOrder(review, 'FINALIZED', 'writer', at('2026-11-12'), { errorFindings: 1 }).ok).toBe(false);
    const done = ok(moveOrder(review, 'FINALIZED', 'writer', at('2026-11-13'), { errorFindings: 0 }));
    // Two business days (Thu, Fri) in candidate review moved the due date; days left are as of the 13th.
    expect(done.pausedDays).toBe(2);
    expect(done.currentDue).toBe(addBusinessDays(d.originalDue!, 2));
    const left = done.businessDaysLeft;
    expect(left).toBeGreaterThan(0);
    expect(refreshDeadline(done, '2027-06-01').businessDaysLeft).toBe(left);
    expect(ok(moveOrder(done, 'DELIVERED', 'writer', at('2026-11-20'))).businessDaysLeft).toBe(left);
  });
});
