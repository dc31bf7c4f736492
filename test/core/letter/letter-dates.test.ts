import {
  daysInclusive,
  formatDateRange,
  formatLongDate,
  numberWord,
  parseIsoDay,
  roundedWeeks,
} from '../../../src/core/letter/letter-dates';
import { US_STATE_CODES, usStateName } from '../../../src/core/letter/us-states';

const day = (iso: string) => parseIsoDay(iso)!;

describe('letter dates', () => {
  it('parses only real calendar days', () => {
    expect(parseIsoDay('2026-03-02')).toEqual({ year: 2026, month: 3, day: 2 });
    expect(parseIsoDay('2026-02-30')).toBeNull();
    expect(parseIsoDay('2028-02-29')).not.toBeNull();
    expect(parseIsoDay('03/02/2026')).toBeNull();
    expect(parseIsoDay(undefined)).toBeNull();
  });

  it('writes dates and ranges out', () => {
    expect(formatLongDate(day('2026-07-31'))).toBe('July 31, 2026');
    expect(formatDateRange(day('2026-07-06'), day('2026-07-31'))).toBe('July 6 to July 31, 2026');
    expect(formatDateRange(day('2026-03-02'), day('2026-03-27'))).toBe('March 2 to March 27, 2026');
    expect(formatDateRange(day('2025-12-01'), day('2026-01-09'))).toBe(
      'December 1, 2025, to January 9, 2026',
    );
  });

  it('counts days inclusively and rounds weeks', () => {
    expect(daysInclusive(day('2026-03-02'), day('2026-03-27'))).toBe(26);
    expect(roundedWeeks(day('2026-03-02'), day('2026-03-27'))).toBe(4);
    expect(roundedWeeks(day('2026-08-03'), day('2026-09-25'))).toBe(8);
    // Across the DST change and a leap day, calendar arithmetic stays exact.
    expect(daysInclusive(day('2028-02-28'), day('2028-03-13'))).toBe(15);
  });

  it('writes small numbers as words', () => {
    expect(numberWord(4)).toBe('four');
    expect(numberWord(12)).toBe('twelve');
    expect(numberWord(16)).toBe('16');
  });
});

describe('US states', () => {
  it('has the 50 states, DC and the five inhabited territories', () => {
    expect(US_STATE_CODES).toHaveLength(56);
    expect(usStateName('wa')).toBe('Washington');
    expect(usStateName('DC')).toBe('District of Columbia');
    expect(usStateName('PR')).toBe('Puerto Rico');
    expect(usStateName('XX')).toBeUndefined();
  });
});
