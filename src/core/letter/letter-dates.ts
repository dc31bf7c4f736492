/**
 * Dates as the letter writes them ("March 2 to March 27, 2026"), over the calendar arithmetic of
 * ../dates.ts: the letter works with calendar days split into parts, the rest of the core with ISO strings.
 */
import { compareDates, dateParts, daysBetween, formatLong, isIsoDate, MONTH_NAMES, makeDate } from '../dates';
import type { IsoDate } from '../questionnaire';

export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The calendar day of a strict `YYYY-MM-DD` string, or null when it is not a real date. */
export function parseIsoDay(iso: IsoDate | undefined | null): CalendarDay | null {
  return isIsoDate(iso) ? dateParts(iso) : null;
}

const isoOf = (d: CalendarDay): IsoDate => makeDate(d.year, d.month, d.day)!;
const monthName = (d: CalendarDay) => MONTH_NAMES[d.month - 1]!;

/** "March 27, 2026". */
export function formatLongDate(d: CalendarDay): string {
  return formatLong(isoOf(d));
}

/** "March 2 to March 27, 2026"; across years "December 1, 2025, to January 9, 2026". */
export function formatDateRange(start: CalendarDay, end: CalendarDay): string {
  if (start.year === end.year) return `${monthName(start)} ${start.day} to ${formatLongDate(end)}`;
  return `${formatLongDate(start)}, to ${formatLongDate(end)}`;
}

/** Days from start to end, both counted ("March 2 to March 27" is 26 days). */
export function daysInclusive(start: CalendarDay, end: CalendarDay): number {
  return daysBetween(isoOf(start), isoOf(end)) + 1;
}

/** Whole weeks as a reader would round them: round(days / 7). */
export function roundedWeeks(start: CalendarDay, end: CalendarDay): number {
  return Math.round(daysInclusive(start, end) / 7);
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return compareDates(isoOf(a), isoOf(b));
}

/** Zero to twelve in words: the numbers running text spells out. */
export const SMALL_NUMBERS = [
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

/** The number a spelled-out word or digits stand for ("six" or "6" → 6), or undefined. */
export function numberFromWord(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  const i = (SMALL_NUMBERS as readonly string[]).indexOf(word.toLowerCase());
  return i >= 0 ? i : undefined;
}
