import fc from 'fast-check';
import {
  addDays,
  compareDates,
  daysBetween,
  daysInMonth,
  formatLong,
  formatTimestamp,
  fromDayNumber,
  isIsoDate,
  makeDate,
  parseDate,
  parseTimestamp,
  toDayNumber,
  weekday,
} from '../../src/core/dates';
import { isoDate } from './order-arbitrary';

/** The same day through the platform's own calendar, in UTC: an independent reference. */
function viaDate(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

describe('calendar arithmetic', () => {
  it('agrees with Date.UTC on day numbers, weekdays and adding days', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(toDayNumber(d)).toBe(
          Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000,
        );
        expect(weekday(d)).toBe(new Date(`${d}T12:00:00Z`).getUTCDay());
        expect(addDays(d, n)).toBe(viaDate(d, n));
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(fromDayNumber(toDayNumber(d))).toBe(d);
      }),
    );
  });

  it('knows leap years and month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
  });

  it('validates ISO dates on the real calendar', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    for (const bad of [
      '2026-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-1-5',
      ' 2026-01-05',
      '20260105',
      2026,
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
    expect(makeDate(2026, 2, 30)).toBeUndefined();
    expect(makeDate(2026, 7, 6)).toBe('2026-07-06');
  });

  it('sorts like strings and formats the letter date', () => {
    expect(compareDates('2026-07-06', '2026-11-25')).toBeLessThan(0);
    expect(compareDates('2026-11-25', '2026-11-25')).toBe(0);
    expect(formatLong('2026-07-06')).toBe('July 6, 2026');
    expect(formatLong('2027-12-31')).toBe('December 31, 2027');
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-11-25', '2026-11-25'],
    [' 2026/11/25 ', '2026-11-25'],
    ['2026-9-8', '2026-09-08'],
    ['11/25/2026', '2026-11-25'],
    ['9/8/2026', '2026-09-08'],
    ['09-08-2026', '2026-09-08'],
    ['2/29/2028', '2028-02-29'],
  ])('reads %j in the U.S. locale as %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['31/02/2026', 'is not a date on the calendar (31/02/2026)'],
    ['2/30/2026', 'is not a date on the calendar (2/30/2026)'],
    ['2026-02-29', 'is not a date on the calendar (2026-02-29)'],
    ['11/25/26', 'has no four-digit year (write it as YYYY-MM-DD, for example 2026-11-25)'],
    ['next Tuesday', 'is not a date (write it as YYYY-MM-DD, for example 2026-11-25)'],
    ['', 'is not a date (write it as YYYY-MM-DD, for example 2026-11-25)'],
    ['1/1/1850', 'has a year outside 1900–2199'],
  ])('refuses %j: %s', (input, reason) => {
    expect(parseDate(input)).toEqual({ ok: false, reason });
  });

  it('does not guess day and month outside the U.S.', () => {
    expect(parseDate('8/9/2026', 'en-GB')).toEqual({
      ok: false,
      reason: 'could be September 8, 2026 or August 9, 2026 (write it as YYYY-MM-DD)',
    });
    expect(parseDate('25/11/2026', 'de-DE')).toEqual({ ok: true, value: '2026-11-25' });
    expect(parseDate('11/25/2026', 'fr_FR')).toEqual({ ok: true, value: '2026-11-25' });
    expect(parseDate('8.8.2026', 'de-DE')).toEqual({ ok: true, value: '2026-08-08' });
    expect(parseDate('2026-09-08', 'en-GB')).toEqual({ ok: true, value: '2026-09-08' });
    expect(parseDate('8/9/2026', 'es-US')).toEqual({ ok: true, value: '2026-08-09' });
  });

  it('never throws and only returns real ISO dates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('en-US', 'en-GB', ''), (s, locale) => {
        const r = parseDate(s, locale);
        if (r.ok) expect(isIsoDate(r.value)).toBe(true);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
    );
  });

  it('reads back every date it can write in either U.S. form', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const [y, m, day] = [d.slice(0, 4), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
        expect(parseDate(d)).toEqual({ ok: true, value: d });
        expect(parseDate(`${m}/${day}/${y}`)).toEqual({ ok: true, value: d });
      }),
    );
  });
});

describe('parseTimestamp', () => {
  it('reads the Sheets CSV form (locale order, no zone)', () => {
    const t = parseTimestamp('9/8/2026 14:28:27');
    expect(t).toEqual({ ok: true, value: { date: '2026-09-08', time: '14:28:27', offset: null } });
    if (t.ok) expect(formatTimestamp(t.value)).toBe('2026-09-08T14:28:27');
  });

  it('reads the Forms CSV form (year first, 12-hour clock, GMT offset)', () => {
    const t = parseTimestamp('2026/09/08 2:28:27 PM GMT-4');
    expect(t).toEqual({ ok: true, value: { date: '2026-09-08', time: '14:28:27', offset: '-04:00' } });
    if (t.ok) expect(formatTimestamp(t.value)).toBe('2026-09-08T14:28:27-04:00');
    expect(parseTimestamp('2026/09/08 12:05:00 AM GMT+5:30')).toEqual({
      ok: true,
      value: { date: '2026-09-08', time: '00:05:00', offset: '+05:30' },
    });
    expect(parseTimestamp('2026/01/08 12:00:00 PM GMT')).toEqual({
      ok: true,
      value: { date: '2026-01-08', time: '12:00:00', offset: 'Z' },
    });
  });

  it('reads ISO date-times as the Apps Script shell passes them', () => {
    expect(parseTimestamp('2026-09-08T18:28:27.123Z')).toEqual({
      ok: true,
      value: { date: '2026-09-08', time: '18:28:27', offset: 'Z' },
    });
    expect(parseTimestamp('2026-09-08T14:28-0400')).toEqual({
      ok: true,
      value: { date: '2026-09-08', time: '14:28:00', offset: '-04:00' },
    });
  });

  it('refuses impossible or ambiguous ones', () => {
    expect(parseTimestamp('9/8/2026 14:28:27', 'en-GB').ok).toBe(false);
    expect(parseTimestamp('2026/09/08 13:00:00 PM GMT-4')).toEqual({
      ok: false,
      reason: 'has an hour that does not fit AM/PM',
    });
    expect(parseTimestamp('9/8/2026 24:00:00')).toEqual({ ok: false, reason: 'is not a valid time of day' });
    expect(parseTimestamp('2026-02-30T10:00:00Z')).toEqual({
      ok: false,
      reason: 'is not a valid date and time',
    });
    expect(parseTimestamp('yesterday')).toEqual({ ok: false, reason: 'is not a date and time' });
  });

  it('takes a bare date as midnight', () => {
    expect(parseTimestamp('11/25/2026')).toEqual({
      ok: true,
      value: { date: '2026-11-25', time: '00:00:00', offset: null },
    });
  });
});
