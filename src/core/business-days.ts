/**
 * Business days: Monday to Friday, except U.S. federal holidays on their observed dates (a Saturday holiday
 * is observed the Friday before, a Sunday holiday the Monday after, so New Year's Day 2028 is observed on
 * Friday 2027-12-31).
 *
 * Holidays come from `@18f/us-federal-holidays`, decided by `isAHoliday`: its `allForYear` and `inRange`
 * list an observed date under the holiday's own year and so miss 2027-12-31 (notes/toolchain.md). The
 * library works on `Date` objects in the machine's zone unless told otherwise, so each day is handed over
 * as noon UTC with `utc: true`: the answer then depends on the calendar day alone, never on `TZ`.
 *
 * Inauguration Day (January 20 after a presidential election) is a holiday only for federal employees in
 * the Washington, D.C. area (5 U.S.C. 6103(c)); the library does not include it and neither does CEAD.
 */
import { allForYear, isAHoliday } from '@18f/us-federal-holidays';
import { addDays, dateParts, fromDayNumber, isIsoDate, isWeekend, toDayNumber } from './dates';
import type { IsoDate } from './questionnaire';

// Asking `isAHoliday` about every day of a year costs tens of milliseconds (two years of holiday maths per
// call), so only the library's own candidates are asked about: `isAHoliday` builds its answer from
// `allForYear` of the day's year and the next one, so every day it can call a holiday is in the lists of
// the years around it. The test suite checks this against asking about every day. Each year is computed
// once; the cache holds only derived constants, so it leaks nothing between runs or tests.
const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();

function holidaysOf(year: number): ReadonlySet<IsoDate> {
  let set = holidaysByYear.get(year);
  if (!set) {
    const found = new Set<IsoDate>();
    for (const y of [year - 1, year, year + 1]) {
      for (const h of allForYear(y)) {
        const d = h.dateString;
        if (!isIsoDate(d) || dateParts(d).year !== year) continue;
        if (isAHoliday(new Date(toDayNumber(d) * DAY_MS + DAY_MS / 2), { utc: true })) found.add(d);
      }
    }
    set = found;
    holidaysByYear.set(year, set);
  }
  return set;
}

const DAY_MS = 86_400_000;

/** Whether `d` is a federal holiday's observed date (a weekday by construction). */
export function isFederalHoliday(d: IsoDate): boolean {
  return holidaysOf(dateParts(d).year).has(d);
}

/** The observed federal holidays of a year, in date order. */
export function federalHolidays(year: number): readonly IsoDate[] {
  return [...holidaysOf(year)].sort();
}

export function isBusinessDay(d: IsoDate): boolean {
  return !isWeekend(d) && !isFederalHoliday(d);
}

/**
 * The `n`-th business day strictly after `start` (strictly before it when `n` is negative); `start` itself
 * when `n` is 0. `start` need not be a business day: a Saturday plus 1 is the Monday.
 */
export function addBusinessDays(start: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addBusinessDays: ${n} is not a whole number`);
  const step = n < 0 ? -1 : 1;
  let d = start;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isBusinessDay(d)) left--;
  }
  return d;
}

/**
 * Business days in (a, b]: after `a`, up to and including `b`; negative, counting (b, a], when `b` is
 * earlier. So `businessDaysBetween(a, addBusinessDays(a, n)) === n`, and a day that starts and ends a span
 * is counted once.
 */
export function businessDaysBetween(a: IsoDate, b: IsoDate): number {
  if (a > b) return 0 - businessDaysBetween(b, a); // not `-x`: that gives -0 for no days
  const first = toDayNumber(a);
  const last = toDayNumber(b);
  // Whole weeks hold five weekdays each; only the remainder and the holidays need looking at.
  const weeks = Math.floor((last - first) / 7);
  let count = weeks * 5;
  for (let n = first + weeks * 7 + 1; n <= last; n++) {
    if (!isWeekend(fromDayNumber(n))) count++;
  }
  const from = dateParts(a).year;
  const to = dateParts(b).year;
  for (let y = from; y <= to; y++) {
    for (const h of holidaysOf(y)) if (h > a && h <= b) count--;
  }
  return count;
}
