/**
 * Calendar dates (`IsoDate`, `YYYY-MM-DD`) with pure arithmetic on day numbers: no `Date`, no time zone,
 * no clock. A date means a day on the team's calendar; converting an instant to that day is the shell's job
 * (Apps Script `Utilities.formatDate`, Node `Intl`), because the core has no time-zone database.
 *
 * Parsing follows what Google exports (see notes/platform.md "Form response exports"):
 * - ISO `2026-11-25` and any year-first form (`2026/11/25`, `2026-9-8`): unambiguous everywhere.
 * - `M/D/YYYY` (also with `-` or `.`): month first in the U.S. locale, the default.
 * - In any other locale, day and month are not guessed: `8/9/2026` is a problem ("8 September or
 *   9 August?"), while `25/11/2026` or `8/8/2026` can only mean one date and are accepted.
 * - Two-digit years (`11/25/26`) are refused rather than guessed: Google Forms date items always export
 *   four digits, so a two-digit year was typed by hand and its century is the writer's guess, not ours.
 */
import type { IsoDate } from './questionnaire';

export type { IsoDate };

/** A parse either gives a value or says, in plain words, why it cannot. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
/** Month names as U.S. letters write them. */
export const MONTH_NAMES = [
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

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The date for a year, month (1–12) and day, or undefined when no such day exists (Feb 30). */
export function makeDate(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is exactly `YYYY-MM-DD` and a real calendar day. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  return m !== null && makeDate(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}

/** Year, month (1–12) and day of a valid ISO date. */
export function dateParts(d: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

// Day numbers: days since 1970-01-01, by H. Hinnant's days_from_civil / civil_from_days algorithms, which
// are exact for the proleptic Gregorian calendar and need no Date object.
export function toDayNumber(d: IsoDate): number {
  const { year, month, day } = dateParts(d);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getDay`. */
export function weekday(d: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

export function isWeekend(d: IsoDate): boolean {
  const w = weekday(d);
  return w === 0 || w === 6;
}

/** Negative, zero or positive, for sorting. ISO dates sort as strings, but say so once, here. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** "July 6, 2026": the date line of a U.S. letter. */
export function formatLong(d: IsoDate): string {
  const { year, month, day } = dateParts(d);
  return `${MONTH_NAMES[month - 1]} ${day}, ${year}`;
}

/** Whether the locale writes numeric dates month first. Only the U.S. convention is known for certain. */
export function isMonthFirstLocale(locale: string): boolean {
  return /^[a-z]{2,3}[-_]US$/i.test(locale.trim());
}

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})$/;

function show(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * Parses a date as a candidate or an export writes it. `locale` is the spreadsheet's locale (BCP 47, default
 * `en-US`); it decides only whether `8/9/2026` is month first.
 */
export function parseDate(input: string, locale = 'en-US'): Parsed<IsoDate> {
  const s = input.trim();
  const yf = YEAR_FIRST.exec(s);
  if (yf) return checked(Number(yf[1]), Number(yf[2]), Number(yf[3]), s);
  const yl = YEAR_LAST.exec(s);
  if (!yl) return { ok: false, reason: 'is not a date (write it as YYYY-MM-DD, for example 2026-11-25)' };
  const [a, b, y] = [Number(yl[1]), Number(yl[2]), yl[3]!];
  if (y.length !== 4) {
    return { ok: false, reason: 'has no four-digit year (write it as YYYY-MM-DD, for example 2026-11-25)' };
  }
  const year = Number(y);
  if (isMonthFirstLocale(locale)) return checked(year, a, b, s);
  if (a === b || a > 12 || b > 12) return a > 12 ? checked(year, b, a, s) : checked(year, a, b, s);
  const dayFirst = makeDate(year, b, a);
  const monthFirst = makeDate(year, a, b);
  return {
    ok: false,
    reason:
      dayFirst && monthFirst
        ? `could be ${formatLong(dayFirst)} or ${formatLong(monthFirst)} (write it as YYYY-MM-DD)`
        : 'is not a date (write it as YYYY-MM-DD, for example 2026-11-25)',
  };
}

function checked(year: number, month: number, day: number, s: string): Parsed<IsoDate> {
  const d = makeDate(year, month, day);
  if (d) return { ok: true, value: d };
  if (year < MIN_YEAR || year > MAX_YEAR)
    return { ok: false, reason: `has a year outside ${MIN_YEAR}–${MAX_YEAR}` };
  return { ok: false, reason: `is not a date on the calendar (${show(s)})` };
}

/**
 * A moment as a response records it: the calendar day and wall-clock time where it was written, and the
 * UTC offset when the source states one. Without an offset the time is in the spreadsheet's time zone.
 */
export interface Timestamp {
  readonly date: IsoDate;
  /** `HH:MM:SS`, 24-hour. */
  readonly time: string;
  /** `+HH:MM`, `-HH:MM`, `Z`, or null when the source gives no zone. */
  readonly offset: string | null;
}

/** `2026-09-08T14:28:27-04:00`, or with no offset when the zone is unknown. */
export function formatTimestamp(t: Timestamp): string {
  return `${t.date}T${t.time}${t.offset ?? ''}`;
}

const ISO_DATETIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
// `9/8/2026 14:28:27` (Sheets CSV, locale order) and `2026/09/08 2:28:27 PM GMT-4` (Forms CSV, year first).
const EXPORT_DATETIME =
  /^([0-9./-]+),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?(?:\s*(?:GMT|UTC)\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?)?$/;

function validTime(h: number, m: number, s: number): boolean {
  return h >= 0 && h <= 23 && m >= 0 && m <= 59 && s >= 0 && s <= 59;
}

/**
 * Parses the `Timestamp` column of a Forms or Sheets export, or an ISO date-time (what the Apps Script shell
 * hands over after converting a `Date`). A date alone is accepted as midnight.
 */
export function parseTimestamp(input: string, locale = 'en-US'): Parsed<Timestamp> {
  const s = input.trim();
  const iso = ISO_DATETIME.exec(s);
  if (iso) {
    const [h, m, sec] = [Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0)];
    if (!isIsoDate(iso[1]) || !validTime(h, m, sec))
      return { ok: false, reason: 'is not a valid date and time' };
    const off = iso[5];
    const offset = off === undefined ? null : /^z$/i.test(off) ? 'Z' : `${off.slice(0, 3)}:${off.slice(-2)}`;
    return { ok: true, value: { date: iso[1], time: `${pad(h, 2)}:${pad(m, 2)}:${pad(sec, 2)}`, offset } };
  }
  const ex = EXPORT_DATETIME.exec(s);
  if (!ex) {
    const dateOnly = parseDate(s, locale);
    if (dateOnly.ok) return { ok: true, value: { date: dateOnly.value, time: '00:00:00', offset: null } };
    return { ok: false, reason: 'is not a date and time' };
  }
  const date = parseDate(ex[1]!, locale);
  if (!date.ok) return date;
  let h = Number(ex[2]);
  const [m, sec] = [Number(ex[3]), Number(ex[4] ?? 0)];
  const meridiem = ex[5]?.toUpperCase();
  if (meridiem) {
    if (h < 1 || h > 12) return { ok: false, reason: 'has an hour that does not fit AM/PM' };
    h = (h % 12) + (meridiem === 'P' ? 12 : 0);
  }
  if (!validTime(h, m, sec)) return { ok: false, reason: 'is not a valid time of day' };
  let offset: string | null = null;
  if (ex[6]) {
    const oh = Number(ex[7]);
    const om = Number(ex[8] ?? 0);
    if (oh > 14 || om > 59) return { ok: false, reason: 'has an impossible time-zone offset' };
    offset = `${ex[6]}${pad(oh, 2)}:${pad(om, 2)}`;
  } else if (/GMT|UTC/i.test(s)) {
    offset = 'Z';
  }
  return { ok: true, value: { date: date.value, time: `${pad(h, 2)}:${pad(m, 2)}:${pad(sec, 2)}`, offset } };
}
