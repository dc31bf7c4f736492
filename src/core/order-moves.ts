/**
 * Changing an order: a status move with every field it touches (hold memory, SLA pause, due date, error
 * fields), starting the clock, and the daily refresh of business days left. Pure: the date and time come in
 * as arguments (`today` on the team's calendar, `now` as an ISO date-time for `lastUpdate`).
 */
import { businessDaysLeft, clockStart, currentDue, due, pauseAfter } from './deadlines';
import { explainRefusal, heldFromAfter, type Order, type OrderStatus, type Role } from './orders';
import { DEFAULT_CATALOG, findPackage, type PackageCatalog, unknownPackageMessage } from './packages';
import type { IsoDate } from './questionnaire';

export interface When {
  /** Today on the team's calendar. */
  readonly today: IsoDate;
  /** Now, ISO date-time, for `lastUpdate`. */
  readonly now: string;
}

export type MoveResult =
  | { readonly ok: true; readonly order: Order }
  | { readonly ok: false; readonly reason: string };

/**
 * Moves `order` to `to` on behalf of `role`, or says why not. `errorFindings` is the latest letter check's
 * count of error-level findings (needed to finalize).
 */
export function moveOrder(
  order: Order,
  to: OrderStatus,
  role: Role,
  when: When,
  extra: { readonly errorFindings?: number } = {},
): MoveResult {
  const reason = explainRefusal(order.status, to, role, {
    heldFrom: order.heldFrom,
    errorFindings: extra.errorFindings,
    hasDraft: order.docId !== '',
  });
  if (reason !== null) return { ok: false, reason };
  const pause = pauseAfter(order, to, when.today, order.start);
  const leavingError = order.status === 'ERROR' && to !== 'ON_HOLD';
  const moved: Order = {
    ...order,
    status: to,
    heldFrom: heldFromAfter(order.status, to, order.heldFrom),
    pausedDays: pause.pausedDays,
    pausedSince: pause.pausedSince,
    lastUpdate: when.now,
    lastError: leavingError ? '' : order.lastError,
    errorStep: leavingError ? '' : order.errorStep,
  };
  // Finishing freezes business days left at the day the order finished (how early or late it was).
  return { ok: true, order: withDeadline(moved, when.today, !(isDone(order.status) && isDone(to))) };
}

const DONE: readonly OrderStatus[] = ['FINALIZED', 'DELIVERED', 'CANCELLED'];

function isDone(s: OrderStatus): boolean {
  return DONE.includes(s);
}

/**
 * Records an automation failure: the order goes to ERROR (remembering where it was) with the reason and the
 * step to retry. An order already in ERROR only gets the newer reason.
 */
export function failOrder(order: Order, step: string, error: string, when: When): MoveResult {
  if (order.status === 'ERROR')
    return { ok: true, order: { ...order, lastError: error, errorStep: step, lastUpdate: when.now } };
  const moved = moveOrder(order, 'ERROR', 'system', when);
  if (!moved.ok) return moved;
  return { ok: true, order: { ...moved.order, lastError: error, errorStep: step } };
}

/**
 * Starts the SLA clock once the answers are complete: sets the start (the completion day, or the conference
 * date for packages that start there), the original and current due dates. With no conference date yet, or
 * a package the catalog does not know, the order keeps no due date and the reason is returned for the
 * tracker's "Last error" or the writer.
 */
export function startClock(
  order: Order,
  completedOn: IsoDate,
  conferenceDate: IsoDate | null,
  today: IsoDate,
  catalog: PackageCatalog = DEFAULT_CATALOG,
): { readonly order: Order; readonly problem: string | null } {
  const pkg = findPackage(catalog, order.package);
  if (!pkg) return { order, problem: unknownPackageMessage(catalog, order.package) };
  const start = clockStart(pkg, completedOn, conferenceDate);
  if (start === null)
    return { order, problem: `The ${pkg.name} clock starts at the conference date, which is not known yet.` };
  const started: Order = { ...order, start, originalDue: due(start, pkg) ?? null };
  return { order: refreshDeadline(started, today), problem: null };
}

/**
 * Recomputes the current due date and business days left as of `today` (the sweep does this daily). A
 * finished order (FINALIZED, DELIVERED, CANCELLED) keeps the business days left it had when it finished.
 */
export function refreshDeadline(order: Order, today: IsoDate): Order {
  return withDeadline(order, today, !isDone(order.status));
}

function withDeadline(order: Order, today: IsoDate, countDown: boolean): Order {
  if (order.originalDue === null) return { ...order, currentDue: null, businessDaysLeft: null };
  const current = currentDue(order.originalDue, order, today, order.start);
  return {
    ...order,
    currentDue: current,
    businessDaysLeft: countDown ? businessDaysLeft(today, current) : order.businessDaysLeft,
  };
}
