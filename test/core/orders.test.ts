import fc from 'fast-check';
import {
  ACTIVE_STATUSES,
  canTransition,
  explainRefusal,
  FINAL_STATUSES,
  heldFromAfter,
  newOrder,
  ORDER_ID_PATTERN,
  ORDER_STATUSES,
  type OrderStatus,
  orderIdFor,
  ROLES,
  type Role,
  TRANSITIONS,
} from '../../src/core/orders';

const status = fc.constantFrom(...ORDER_STATUSES);
const role = fc.constantFrom(...ROLES);

describe('the transition table', () => {
  it('has no duplicate (from, to) pair, no self-loop, and only known statuses and roles', () => {
    const pairs = TRANSITIONS.map((t) => `${t.from}>${t.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const t of TRANSITIONS) {
      expect(t.from).not.toBe(t.to);
      expect(ORDER_STATUSES).toContain(t.from);
      expect(ORDER_STATUSES).toContain(t.to);
      expect(t.roles.length).toBeGreaterThan(0);
      expect(t.note.length).toBeGreaterThan(10);
    }
  });

  it('lets nothing leave DELIVERED or CANCELLED', () => {
    for (const from of FINAL_STATUSES) expect(TRANSITIONS.filter((t) => t.from === from)).toEqual([]);
  });

  it('reaches every status from NEW', () => {
    const seen = new Set<OrderStatus>(['NEW']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (seen.has(t.from) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
      }
    }
    expect([...seen].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('follows the product lifecycle for the people who do each step', () => {
    expect(canTransition('NEW', 'DRAFTING', 'system')).toBe(true);
    expect(canTransition('NEW', 'NEEDS_INFO', 'system')).toBe(true);
    expect(canTransition('DRAFTING', 'EDITING', 'writer')).toBe(true);
    expect(canTransition('EDITING', 'DRAFTING', 'writer')).toBe(true);
    expect(canTransition('DRAFTING', 'PHYSICIAN_REVIEW', 'writer')).toBe(true);
    expect(canTransition('PHYSICIAN_REVIEW', 'CANDIDATE_REVIEW', 'reviewer')).toBe(true);
    expect(canTransition('CANDIDATE_REVIEW', 'FINALIZED', 'writer', { errorFindings: 0 })).toBe(true);
    expect(canTransition('FINALIZED', 'DELIVERED', 'writer')).toBe(true);
    expect(canTransition('EDITING', 'ON_HOLD', 'manager')).toBe(true);
    expect(canTransition('DRAFTING', 'CANCELLED', 'manager')).toBe(true);
    expect(canTransition('DRAFTING', 'ERROR', 'system')).toBe(true);
  });

  it('refuses moves that skip a step or come from the wrong person', () => {
    expect(canTransition('NEW', 'DRAFTING', 'writer')).toBe(false);
    expect(canTransition('PHYSICIAN_REVIEW', 'CANDIDATE_REVIEW', 'writer')).toBe(false);
    expect(canTransition('DRAFTING', 'FINALIZED', 'manager', { errorFindings: 0 })).toBe(false);
    expect(canTransition('EDITING', 'ON_HOLD', 'writer')).toBe(false);
    expect(canTransition('DRAFTING', 'CANCELLED', 'system')).toBe(false);
    expect(canTransition('DRAFTING', 'ERROR', 'manager')).toBe(false);
  });
});

describe('explainRefusal', () => {
  it('is null exactly when canTransition allows, and a sentence otherwise', () => {
    fc.assert(
      fc.property(
        status,
        status,
        role,
        fc.option(status),
        fc.option(fc.nat(3)),
        (from, to, r, held, errors) => {
          const context = { heldFrom: held, errorFindings: errors ?? undefined };
          const why = explainRefusal(from, to, r, context);
          expect(canTransition(from, to, r, context)).toBe(why === null);
          if (why !== null) expect(why).toMatch(/^[A-Z].*\.$/);
        },
      ),
    );
  });

  it('says who may make a move the role may not', () => {
    expect(explainRefusal('PHYSICIAN_REVIEW', 'CANDIDATE_REVIEW', 'writer')).toBe(
      'A writer cannot move an order from PHYSICIAN_REVIEW to CANDIDATE_REVIEW; only a physician reviewer or a manager can.',
    );
  });

  it('lists where an order can go when the move does not exist', () => {
    const why = explainRefusal('NEW', 'FINALIZED', 'manager');
    expect(why).toContain('cannot go from NEW to FINALIZED');
    expect(why).toContain('DRAFTING');
  });

  it('sends an editing order through DRAFTING before review', () => {
    expect(explainRefusal('EDITING', 'PHYSICIAN_REVIEW', 'writer')).toMatch(
      /Close the editing session first/,
    );
  });

  it('names the final status', () => {
    expect(explainRefusal('DELIVERED', 'DRAFTING', 'manager')).toBe(
      'DELIVERED is final: an order cannot leave it.',
    );
    expect(explainRefusal('DRAFTING', 'DRAFTING', 'writer')).toBe('The order is already DRAFTING.');
  });
});

describe('ON_HOLD', () => {
  it('returns only to the status it was held from', () => {
    for (const held of ACTIVE_STATUSES) {
      for (const to of ORDER_STATUSES) {
        if (to === 'ON_HOLD' || to === 'CANCELLED') continue;
        expect(canTransition('ON_HOLD', to, 'manager', { heldFrom: held })).toBe(to === held);
      }
    }
    expect(explainRefusal('ON_HOLD', 'DRAFTING', 'manager', { heldFrom: 'EDITING' })).toBe(
      'An order on hold returns to the status it left, EDITING, not DRAFTING.',
    );
  });

  it('cannot be released without knowing where it came from', () => {
    expect(canTransition('ON_HOLD', 'DRAFTING', 'manager', {})).toBe(false);
    expect(canTransition('ON_HOLD', 'DRAFTING', 'manager', { heldFrom: null })).toBe(false);
  });

  it('can hold a failing order, keeping the status it failed in', () => {
    expect(canTransition('ERROR', 'ON_HOLD', 'manager')).toBe(true);
    expect(heldFromAfter('ERROR', 'ON_HOLD', 'CANDIDATE_REVIEW')).toBe('CANDIDATE_REVIEW');
    expect(canTransition('ON_HOLD', 'CANDIDATE_REVIEW', 'manager', { heldFrom: 'CANDIDATE_REVIEW' })).toBe(
      true,
    );
  });

  it('remembers the status entered from, and forgets it on any other move', () => {
    expect(heldFromAfter('EDITING', 'ON_HOLD', null)).toBe('EDITING');
    expect(heldFromAfter('DRAFTING', 'ERROR', null)).toBe('DRAFTING');
    expect(heldFromAfter('ON_HOLD', 'EDITING', 'EDITING')).toBeNull();
    expect(heldFromAfter('DRAFTING', 'EDITING', null)).toBeNull();
  });

  it('never remembers ON_HOLD or ERROR along any allowed path', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(status, role, fc.nat(1)), { maxLength: 30 }), (steps) => {
        let at: OrderStatus = 'NEW';
        let held: OrderStatus | null = null;
        for (const [to, r, errors] of steps) {
          if (!canTransition(at, to, r, { heldFrom: held, errorFindings: errors })) continue;
          held = heldFromAfter(at, to, held);
          at = to;
          expect(held === 'ON_HOLD' || held === 'ERROR').toBe(false);
          expect(held !== null).toBe(at === 'ON_HOLD' || at === 'ERROR');
        }
      }),
    );
  });

  it('lets nobody move NEEDS_INFO to DRAFTING while no draft exists', () => {
    const why =
      'The answers are incomplete and no draft exists yet; the candidate must complete the questionnaire, or fix the response.';
    for (const r of ['writer', 'manager', 'system'] as const) {
      expect(explainRefusal('NEEDS_INFO', 'DRAFTING', r, { hasDraft: false })).toBe(why);
      expect(explainRefusal('NEEDS_INFO', 'DRAFTING', r)).toBe(why);
      expect(canTransition('NEEDS_INFO', 'DRAFTING', r, { hasDraft: true })).toBe(true);
    }
  });

  it('can always be cancelled by a manager', () => {
    expect(canTransition('ON_HOLD', 'CANCELLED', 'manager')).toBe(true);
  });
});

describe('FINALIZED', () => {
  it('requires a letter check with no error-level finding', () => {
    expect(canTransition('CANDIDATE_REVIEW', 'FINALIZED', 'writer', { errorFindings: 0 })).toBe(true);
    expect(canTransition('CANDIDATE_REVIEW', 'FINALIZED', 'writer', { errorFindings: 2 })).toBe(false);
    expect(canTransition('CANDIDATE_REVIEW', 'FINALIZED', 'writer')).toBe(false);
    expect(explainRefusal('CANDIDATE_REVIEW', 'FINALIZED', 'writer', { errorFindings: 2 })).toBe(
      'The letter check still reports 2 error-level findings; fix them before FINALIZED.',
    );
    expect(explainRefusal('CANDIDATE_REVIEW', 'FINALIZED', 'writer', { errorFindings: 1 })).toBe(
      'The letter check still reports 1 error-level finding; fix it before FINALIZED.',
    );
    expect(explainRefusal('PHYSICIAN_REVIEW', 'FINALIZED', 'reviewer', {})).toMatch(
      /Run the letter check first/,
    );
  });

  it('is entered only through the check, or by returning to a FINALIZED it already had', () => {
    const ways = TRANSITIONS.filter((t) => t.to === 'FINALIZED');
    expect(ways.length).toBeGreaterThan(0);
    for (const t of ways) {
      if (t.from === 'ON_HOLD' || t.from === 'ERROR') expect(t.guard).toBe('returnToHeldFrom');
      else expect(t.guard).toBe('noErrorFindings');
    }
  });

  it('cannot be reached by retrying an order that failed before it', () => {
    expect(
      canTransition('ERROR', 'FINALIZED', 'system', { heldFrom: 'CANDIDATE_REVIEW', errorFindings: 0 }),
    ).toBe(false);
    expect(canTransition('ERROR', 'CANDIDATE_REVIEW', 'system', { heldFrom: 'CANDIDATE_REVIEW' })).toBe(true);
  });
});

describe('orderIdFor', () => {
  it('is stable, formatted, and differs for different responses', () => {
    const id = orderIdFor('2_ABaOnudAbc123');
    expect(id).toMatch(ORDER_ID_PATTERN);
    expect(orderIdFor('2_ABaOnudAbc123')).toBe(id);
    expect(orderIdFor('2_ABaOnudAbc124')).not.toBe(id);
  });

  it('has no collision among 100,000 distinct response IDs', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(orderIdFor(`2_ABaOnud${i.toString(36)}`));
    expect(seen.size).toBe(100_000);
  });

  it('matches its pattern for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => expect(orderIdFor(s)).toMatch(ORDER_ID_PATTERN)),
    );
  });
});

describe('newOrder', () => {
  it('starts as NEW with no dates, derived ID, and the given fields', () => {
    const o = newOrder({
      responseId: 'r1',
      submitted: '2026-09-08T14:28:27',
      lastUpdate: '2026-09-08T14:30:00Z',
      candidate: 'Rosa Delgado',
    });
    expect(o.orderId).toBe(orderIdFor('r1'));
    expect(o.status).toBe('NEW');
    expect(o.candidate).toBe('Rosa Delgado');
    expect([o.start, o.originalDue, o.currentDue, o.pausedSince, o.businessDaysLeft, o.heldFrom]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(o.problems).toEqual([]);
  });
});

// Keeps the Role type honest: every role appears in some transition.
it('uses every role somewhere', () => {
  const used = new Set<Role>(TRANSITIONS.flatMap((t) => t.roles));
  expect([...used].sort()).toEqual([...ROLES].sort());
});
