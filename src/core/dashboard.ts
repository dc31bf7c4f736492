/**
 * The figures of the tracker's Dashboard sheet, computed from the orders as of one day: counts by status,
 * overdue and at-risk orders, the on-time rate of finished letters, and open orders due per week.
 * Shells lay them out (the Node `.xlsx` writer as values, stamped with the day they were computed).
 */

import { addDays, compareDates, weekday } from './dates';
import { businessDaysLeft, deadlineRisk } from './deadlines';
import { ORDER_STATUSES, type Order, type OrderStatus } from './orders';
import type { IsoDate } from './questionnaire';

/** Orders that no longer count against a deadline. */
export const FINISHED_STATUSES: readonly OrderStatus[] = ['FINALIZED', 'DELIVERED', 'CANCELLED'];

export interface Dashboard {
  readonly asOf: IsoDate;
  readonly total: number;
  /** Every status, in lifecycle order, zeros included. */
  readonly byStatus: readonly { readonly status: OrderStatus; readonly count: number }[];
  /** Open orders (not finished) past their current due date. */
  readonly overdue: number;
  /** Open orders due today or on the next business day. */
  readonly atRisk: number;
  /** Finalized or delivered orders with a due date, and how many of them finished on time. */
  readonly finishedWithDue: number;
  readonly finishedOnTime: number;
  /** `finishedOnTime / finishedWithDue`, or null before any order has finished. */
  readonly onTimeRate: number | null;
  /** Open orders by the Monday of the week of their current due date, earliest week first. */
  readonly dueByWeek: readonly { readonly weekOf: IsoDate; readonly count: number }[];
}

/** The Monday on or before `d`. */
export function mondayOf(d: IsoDate): IsoDate {
  return addDays(d, -((weekday(d) + 6) % 7));
}

export function dashboardOf(orders: readonly Order[], today: IsoDate): Dashboard {
  const open = orders.filter((o) => !FINISHED_STATUSES.includes(o.status));
  const dated = open.filter((o): o is Order & { currentDue: IsoDate } => o.currentDue !== null);
  const risk = dated.map((o) => deadlineRisk(today, o.currentDue));
  // `businessDaysLeft` is frozen when an order finishes (order-moves.ts), so it says how early or late it was;
  // an order finished before that field existed falls back to comparing with today.
  const finished = orders.filter(
    (o) => (o.status === 'FINALIZED' || o.status === 'DELIVERED') && o.currentDue !== null,
  );
  const onTime = finished.filter(
    (o) => (o.businessDaysLeft ?? businessDaysLeft(today, o.currentDue as IsoDate)) >= 0,
  ).length;
  const weeks = new Map<IsoDate, number>();
  for (const o of dated) {
    const week = mondayOf(o.currentDue);
    weeks.set(week, (weeks.get(week) ?? 0) + 1);
  }
  return {
    asOf: today,
    total: orders.length,
    byStatus: ORDER_STATUSES.map((status) => ({
      status,
      count: orders.filter((o) => o.status === status).length,
    })),
    overdue: risk.filter((r) => r === 'overdue').length,
    atRisk: risk.filter((r) => r === 'at-risk').length,
    finishedWithDue: finished.length,
    finishedOnTime: onTime,
    onTimeRate: finished.length === 0 ? null : onTime / finished.length,
    dueByWeek: [...weeks]
      .sort(([a], [b]) => compareDates(a, b))
      .map(([weekOf, count]) => ({ weekOf, count })),
  };
}
