/**
 * Due dates and the SLA pause.
 *
 * `due(start, package)` is the package's n-th business day strictly after the start. Business days in which
 * the team waits on the candidate (`PAUSED_STATUSES`: NEEDS_INFO, EDITING, CANDIDATE_REVIEW) extend it, as
 * help-desk SLA clocks pause while waiting on the customer: current due = original due + paused business days.
 *
 * A pause from day `a` to day `b` costs `businessDaysBetween(a, b)` days: the business days after `a` up to
 * and including `b`, the same counting as `due`. Entering and leaving a pause on the same day costs nothing;
 * waiting from Monday to Tuesday costs one day. Only days after the clock started count.
 *
 * Two equivalent forms: a status history (`pausedBusinessDays`), and a compact one that fits two tracker
 * columns (`PauseState`: business days of finished pauses, and the day the current pause began), updated one
 * status change at a time by `pauseAfter`.
 */
import { addBusinessDays, businessDaysBetween } from './business-days';
import { compareDates } from './dates';
import { type OrderStatus, PAUSED_STATUSES } from './orders';
import { DEFAULT_CATALOG, findPackage, type PackageCatalog, type PackageDef } from './packages';
import type { IsoDate } from './questionnaire';

export function isPausedStatus(s: OrderStatus): boolean {
  return PAUSED_STATUSES.includes(s);
}

/** The package's due date for a clock that started on `start`, or undefined for a package not in the catalog. */
export function due(
  start: IsoDate,
  pkg: PackageDef | string,
  catalog: PackageCatalog = DEFAULT_CATALOG,
): IsoDate | undefined {
  const def = typeof pkg === 'string' ? findPackage(catalog, pkg) : pkg;
  return def ? addBusinessDays(start, def.businessDays) : undefined;
}

/**
 * The day the package's clock starts: the submission of complete answers, or the video conference for
 * packages that start there (on-demand). Null while that day is not known.
 */
export function clockStart(
  pkg: PackageDef,
  completedOn: IsoDate | null,
  conferenceDate: IsoDate | null,
): IsoDate | null {
  return pkg.startsAt === 'conference' ? conferenceDate : completedOn;
}

/** One status change, on the team's calendar. */
export interface StatusChange {
  readonly date: IsoDate;
  readonly status: OrderStatus;
}

/**
 * Business days paused up to `until`, from the order's status history (in time order; the first entry is
 * the status the order was created in). Days on or before `clockStart` do not count: waiting for answers
 * before the clock starts is not a pause of it.
 */
export function pausedBusinessDays(
  history: readonly StatusChange[],
  until: IsoDate,
  clockStartDay: IsoDate,
): number {
  let total = 0;
  history.forEach((change, i) => {
    if (!isPausedStatus(change.status)) return;
    const next = history[i + 1];
    const end = next && compareDates(next.date, until) < 0 ? next.date : until;
    const begin = compareDates(change.date, clockStartDay) > 0 ? change.date : clockStartDay;
    if (compareDates(begin, end) < 0) total += businessDaysBetween(begin, end);
  });
  return total;
}

/** The pause as the tracker keeps it (`Order.pausedDays`, `Order.pausedSince`). */
export interface PauseState {
  /** Business days of pauses that have ended. */
  readonly pausedDays: number;
  /** The day the current pause began (never before the clock start), or null when the clock runs. */
  readonly pausedSince: IsoDate | null;
}

export const RUNNING: PauseState = { pausedDays: 0, pausedSince: null };

/**
 * The pause after the order moves to `to` on `date`. `clockStartDay` is null while the clock has not
 * started, in which case nothing accrues yet; a pause that is under way when the clock starts counts from
 * the start.
 */
export function pauseAfter(
  state: PauseState,
  to: OrderStatus,
  date: IsoDate,
  clockStartDay: IsoDate | null,
): PauseState {
  const paused = isPausedStatus(to);
  if (state.pausedSince !== null) {
    if (paused) return state;
    return {
      pausedDays: state.pausedDays + pausedSpan(state.pausedSince, date, clockStartDay),
      pausedSince: null,
    };
  }
  return paused ? { pausedDays: state.pausedDays, pausedSince: date } : state;
}

function pausedSpan(since: IsoDate, until: IsoDate, clockStartDay: IsoDate | null): number {
  if (clockStartDay === null) return 0;
  const begin = compareDates(since, clockStartDay) > 0 ? since : clockStartDay;
  return compareDates(begin, until) < 0 ? businessDaysBetween(begin, until) : 0;
}

/** Business days paused as of `today`, the current pause included. */
export function pausedDaysAt(state: PauseState, today: IsoDate, clockStartDay: IsoDate | null): number {
  return (
    state.pausedDays + (state.pausedSince === null ? 0 : pausedSpan(state.pausedSince, today, clockStartDay))
  );
}

/** The due date as of `today`: the original due moved by every paused business day so far. */
export function currentDue(
  originalDue: IsoDate,
  state: PauseState,
  today: IsoDate,
  clockStartDay: IsoDate | null,
): IsoDate {
  return addBusinessDays(originalDue, pausedDaysAt(state, today, clockStartDay));
}

/**
 * Business days from `today` to `dueDate`: 0 on the due date, 1 the business day before, negative once it
 * has passed. A due date that passed over a weekend counts as 1 day late on Saturday and Sunday, so that
 * "negative" and "overdue" always mean the same thing.
 */
export function businessDaysLeft(today: IsoDate, dueDate: IsoDate): number {
  if (compareDates(today, dueDate) <= 0) return businessDaysBetween(today, dueDate);
  return -Math.max(1, businessDaysBetween(dueDate, today));
}

export type DeadlineRisk = 'overdue' | 'at-risk' | 'on-track';

/**
 * `overdue` (red in the tracker) after the due date; `at-risk` (amber) on the due date or the business day
 * before; `on-track` otherwise.
 */
export function deadlineRisk(today: IsoDate, dueDate: IsoDate): DeadlineRisk {
  const left = businessDaysLeft(today, dueDate);
  if (left < 0) return 'overdue';
  return left <= 1 ? 'at-risk' : 'on-track';
}

export function isAtRisk(today: IsoDate, dueDate: IsoDate): boolean {
  return deadlineRisk(today, dueDate) === 'at-risk';
}
