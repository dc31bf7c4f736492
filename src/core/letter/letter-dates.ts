/**
 * Dates as the letter writes them ("March 2 to March 27, 2026"). Kept here, small and self-contained, so the
 * letter does not wait on the general date module; calendar arithmetic uses `Date.UTC` only (no clock reads,
 * no time zones: an ISO date is a calendar day).
 */
import type { IsoDate } from '../questionnaire';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The calendar day of a strict `YYYY-MM-DD` string, or null when it is not a real date. */
export function parseIsoDay(iso: IsoDate | undefined | null): CalendarDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return null;
  return { year, month, day };
}

const monthName = (d: CalendarDay) => MONTHS[d.month - 1]!;

/** "March 27, 2026". */
export function formatLongDate(d: CalendarDay): string {
  return `${monthName(d)} ${d.day}, ${d.year}`;
}

/** "March 2 to March 27, 2026"; across years "December 1, 2025, to January 9, 2026". */
export function formatDateRange(start: CalendarDay, end: CalendarDay): string {
  if (start.year === end.year) return `${monthName(start)} ${start.day} to ${formatLongDate(end)}`;
  return `${formatLongDate(start)}, to ${formatLongDate(end)}`;
}

const dayNumber = (d: CalendarDay) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;

/** Days from start to end, both counted ("March 2 to March 27" is 26 days). */
export function daysInclusive(start: CalendarDay, end: CalendarDay): number {
  return dayNumber(end) - dayNumber(start) + 1;
}

/** Whole weeks as a reader would round them: round(days / 7). */
export function roundedWeeks(start: CalendarDay, end: CalendarDay): number {
  return Math.round(daysInclusive(start, end) / 7);
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return dayNumber(a) - dayNumber(b);
}

const SMALL_NUMBERS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
] as const;

/** Numbers up to twelve in words, as style guides ask for in running text; larger ones as digits. */
export function numberWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < SMALL_NUMBERS.length ? SMALL_NUMBERS[n]! : String(n);
}
