import fc from 'fast-check';
import { addBusinessDays, businessDaysBetween, isBusinessDay } from '../../src/core/business-days';
import { addDays, compareDates } from '../../src/core/dates';
import {
  businessDaysLeft,
  clockStart,
  currentDue,
  deadlineRisk,
  due,
  isAtRisk,
  type PauseState,
  pauseAfter,
  pausedBusinessDays,
  pausedDaysAt,
  RUNNING,
  type StatusChange,
} from '../../src/core/deadlines';
import { ORDER_STATUSES } from '../../src/core/orders';
import { DEFAULT_CATALOG, findPackage, type PackageCatalog } from '../../src/core/packages';
import { isoDate } from './order-arbitrary';

describe('due', () => {
  it('gives the expedited due date over Thanksgiving', () => {
    expect(due('2026-11-25', 'expedited')).toBe('2026-11-27');
  });

  it('counts each package’s business days', () => {
    expect(due('2026-12-01', 'standard')).toBe('2027-01-14');
    expect(due('2026-11-20', 'on-demand')).toBe('2026-11-27'); // Mon, Tue, Wed, (Thanksgiving), Fri
    expect(due('2026-11-28', findPackage(DEFAULT_CATALOG, 'expedited')!)).toBe('2026-11-30');
  });

  it('uses a team’s own catalog, and knows no package outside it', () => {
    const catalog: PackageCatalog = [{ name: 'rush', businessDays: 2, startsAt: 'submission', note: '' }];
    expect(due('2026-11-25', 'rush', catalog)).toBe('2026-11-30');
    expect(due('2026-11-25', 'standard', catalog)).toBeUndefined();
    expect(due('2026-11-25', 'rush')).toBeUndefined();
  });

  it('starts the on-demand clock at the conference date', () => {
    const onDemand = findPackage(DEFAULT_CATALOG, 'on-demand')!;
    const standard = findPackage(DEFAULT_CATALOG, 'standard')!;
    expect(clockStart(onDemand, '2026-11-02', '2026-11-10')).toBe('2026-11-10');
    expect(clockStart(onDemand, '2026-11-02', null)).toBeNull();
    expect(clockStart(standard, '2026-11-02', '2026-11-10')).toBe('2026-11-02');
  });
});

describe('the SLA pause from a status history', () => {
  const history: StatusChange[] = [
    { date: '2026-11-02', status: 'DRAFTING' },
    { date: '2026-11-04', status: 'EDITING' }, // Wednesday
    { date: '2026-11-09', status: 'DRAFTING' }, // Monday: Thu, Fri, Mon paused = 3
    { date: '2026-11-24', status: 'CANDIDATE_REVIEW' }, // Tuesday
  ];

  it('counts the business days spent waiting on the candidate', () => {
    expect(pausedBusinessDays(history, '2026-11-09', '2026-11-02')).toBe(3);
    // Wed 25, (Thanksgiving), Fri 27, Mon 30 in candidate review.
    expect(pausedBusinessDays(history, '2026-11-30', '2026-11-02')).toBe(6);
  });

  it('ignores waiting before the clock started', () => {
    const early: StatusChange[] = [
      { date: '2026-11-02', status: 'NEEDS_INFO' },
      { date: '2026-11-06', status: 'DRAFTING' },
    ];
    expect(pausedBusinessDays(early, '2026-11-20', '2026-11-06')).toBe(0);
    expect(pausedBusinessDays(early, '2026-11-20', '2026-11-04')).toBe(2);
  });

  it('costs nothing for a pause entered and left the same day, or over a weekend only', () => {
    const sameDay: StatusChange[] = [
      { date: '2026-11-02', status: 'DRAFTING' },
      { date: '2026-11-03', status: 'EDITING' },
      { date: '2026-11-03', status: 'DRAFTING' },
      { date: '2026-11-06', status: 'EDITING' },
      { date: '2026-11-08', status: 'DRAFTING' },
    ];
    expect(pausedBusinessDays(sameDay, '2026-11-20', '2026-11-02')).toBe(0);
  });

  it('does not pause on hold (only candidate-waiting statuses pause)', () => {
    const held: StatusChange[] = [
      { date: '2026-11-02', status: 'DRAFTING' },
      { date: '2026-11-03', status: 'ON_HOLD' },
      { date: '2026-11-10', status: 'DRAFTING' },
    ];
    expect(pausedBusinessDays(held, '2026-11-20', '2026-11-02')).toBe(0);
  });
});

describe('the compact pause (two tracker columns)', () => {
  it('accrues on leaving a paused status and while paused', () => {
    let s: PauseState = RUNNING;
    s = pauseAfter(s, 'EDITING', '2026-11-04', '2026-11-02');
    expect(s).toEqual({ pausedDays: 0, pausedSince: '2026-11-04' });
    expect(pausedDaysAt(s, '2026-11-06', '2026-11-02')).toBe(2);
    s = pauseAfter(s, 'CANDIDATE_REVIEW', '2026-11-05', '2026-11-02'); // still paused: nothing changes
    expect(s).toEqual({ pausedDays: 0, pausedSince: '2026-11-04' });
    s = pauseAfter(s, 'DRAFTING', '2026-11-09', '2026-11-02');
    expect(s).toEqual({ pausedDays: 3, pausedSince: null });
    expect(currentDue('2026-11-20', s, '2026-11-30', '2026-11-02')).toBe(addBusinessDays('2026-11-20', 3));
  });

  it('agrees with the history form on any history', () => {
    const change = fc.record({ gap: fc.nat(9), status: fc.constantFrom(...ORDER_STATUSES) });
    fc.assert(
      fc.property(
        isoDate,
        fc.array(change, { maxLength: 12 }),
        fc.integer({ min: -5, max: 40 }),
        fc.nat(20),
        (first, steps, startOffset, tail) => {
          let date = first;
          const history: StatusChange[] = [];
          for (const step of steps) {
            date = addDays(date, step.gap);
            history.push({ date, status: step.status });
          }
          const start = addDays(first, startOffset);
          const until = addDays(date, tail);
          let state: PauseState = RUNNING;
          for (const c of history) state = pauseAfter(state, c.status, c.date, start);
          expect(pausedDaysAt(state, until, start)).toBe(pausedBusinessDays(history, until, start));
        },
      ),
    );
  });

  it('accrues nothing before the clock has a start', () => {
    const s = pauseAfter(
      pauseAfter(RUNNING, 'NEEDS_INFO', '2026-11-02', null),
      'DRAFTING',
      '2026-11-09',
      null,
    );
    expect(s).toEqual({ pausedDays: 0, pausedSince: null });
  });
});

describe('businessDaysLeft and risk', () => {
  it('counts down to 0 on the due date and goes negative after it', () => {
    expect(businessDaysLeft('2026-11-27', '2026-11-27')).toBe(0);
    expect(businessDaysLeft('2026-11-25', '2026-11-27')).toBe(1); // Thanksgiving in between
    expect(businessDaysLeft('2026-11-24', '2026-11-27')).toBe(2);
    expect(businessDaysLeft('2026-11-28', '2026-11-27')).toBe(-1); // Saturday after a Friday due date
    expect(businessDaysLeft('2026-11-29', '2026-11-27')).toBe(-1);
    expect(businessDaysLeft('2026-11-30', '2026-11-27')).toBe(-1);
    expect(businessDaysLeft('2026-12-01', '2026-11-27')).toBe(-2);
  });

  it('is negative exactly when the due date has passed, and lands on the due date', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -60, max: 60 }), (today, span) => {
        const dueDate = addBusinessDays(today, span);
        const left = businessDaysLeft(today, dueDate);
        expect(left < 0).toBe(compareDates(today, dueDate) > 0);
        if (left >= 0) expect(addBusinessDays(today, left)).toBe(dueDate);
        else expect(left).toBe(Math.min(-1, businessDaysBetween(today, dueDate)));
        expect(isBusinessDay(dueDate) || span === 0).toBe(true);
      }),
    );
  });

  it('marks overdue, due within a business day, and on track', () => {
    expect(deadlineRisk('2026-11-28', '2026-11-27')).toBe('overdue');
    expect(deadlineRisk('2026-11-27', '2026-11-27')).toBe('at-risk');
    expect(deadlineRisk('2026-11-25', '2026-11-27')).toBe('at-risk');
    expect(isAtRisk('2026-11-24', '2026-11-27')).toBe(false);
    expect(deadlineRisk('2026-11-24', '2026-11-27')).toBe('on-track');
  });
});
