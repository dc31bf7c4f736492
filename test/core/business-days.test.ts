import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { isAHoliday } from '@18f/us-federal-holidays';
import { buildSync } from 'esbuild';
import fc from 'fast-check';
import {
  addBusinessDays,
  businessDaysBetween,
  federalHolidays,
  isBusinessDay,
  isFederalHoliday,
} from '../../src/core/business-days';
import { addDays, fromDayNumber, toDayNumber, weekday } from '../../src/core/dates';

/**
 * Observed federal holidays, written by hand from 5 U.S.C. 6103 and the weekend rule (Saturday → Friday
 * before, Sunday → Monday after), in the order: New Year's, MLK (3rd Mon Jan), Washington's Birthday
 * (3rd Mon Feb), Memorial (last Mon May), Juneteenth, Independence, Labor (1st Mon Sep), Columbus
 * (2nd Mon Oct), Veterans, Thanksgiving (4th Thu Nov), Christmas, and New Year's of the next year when it
 * is observed on December 31.
 */
const OBSERVED: Record<number, string[]> = {
  2025: [
    '2025-01-01',
    '2025-01-20',
    '2025-02-17',
    '2025-05-26',
    '2025-06-19',
    '2025-07-04',
    '2025-09-01',
    '2025-10-13',
    '2025-11-11',
    '2025-11-27',
    '2025-12-25',
  ],
  2026: [
    '2026-01-01',
    '2026-01-19',
    '2026-02-16',
    '2026-05-25',
    '2026-06-19',
    '2026-07-03',
    '2026-09-07',
    '2026-10-12',
    '2026-11-11',
    '2026-11-26',
    '2026-12-25',
  ],
  2027: [
    '2027-01-01',
    '2027-01-18',
    '2027-02-15',
    '2027-05-31',
    '2027-06-18',
    '2027-07-05',
    '2027-09-06',
    '2027-10-11',
    '2027-11-11',
    '2027-11-25',
    '2027-12-24',
    '2027-12-31',
  ],
  // New Year's Day 2028 is a Saturday, observed 2027-12-31 above; nothing in January 2028 replaces it.
  2028: [
    '2028-01-17',
    '2028-02-21',
    '2028-05-29',
    '2028-06-19',
    '2028-07-04',
    '2028-09-04',
    '2028-10-09',
    '2028-11-10',
    '2028-11-23',
    '2028-12-25',
  ],
  2029: [
    '2029-01-01',
    '2029-01-15',
    '2029-02-19',
    '2029-05-28',
    '2029-06-19',
    '2029-07-04',
    '2029-09-03',
    '2029-10-08',
    '2029-11-12',
    '2029-11-22',
    '2029-12-25',
  ],
  2030: [
    '2030-01-01',
    '2030-01-21',
    '2030-02-18',
    '2030-05-27',
    '2030-06-19',
    '2030-07-04',
    '2030-09-02',
    '2030-10-14',
    '2030-11-11',
    '2030-11-28',
    '2030-12-25',
  ],
};

const day = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2035-12-31') }).map(fromDayNumber);

describe('federal holidays', () => {
  it.each(Object.keys(OBSERVED).map(Number))('are observed on the right days in %i', (year) => {
    expect(federalHolidays(year)).toEqual(OBSERVED[year]);
    for (const d of OBSERVED[year]!) {
      expect(isFederalHoliday(d)).toBe(true);
      expect(isBusinessDay(d)).toBe(false);
      expect([1, 2, 3, 4, 5]).toContain(weekday(d));
    }
  });

  it('count New Year 2028 observed on Friday 2027-12-31, which allForYear(2027) misses', () => {
    expect(isBusinessDay('2027-12-31')).toBe(false);
    expect(isBusinessDay('2028-01-03')).toBe(true);
  });

  it('do not include actual dates that fall on a weekend, nor Inauguration Day', () => {
    expect(isFederalHoliday('2026-07-04')).toBe(false); // Saturday; observed on the 3rd
    expect(isFederalHoliday('2027-07-04')).toBe(false); // Sunday; observed on the 5th
    expect(isFederalHoliday('2029-01-20')).toBe(false); // Inauguration Day (a Saturday) — D.C. area only
    expect(isFederalHoliday('2025-01-20')).toBe(true); // MLK Day, which was also Inauguration Day
  });

  it('are exactly the days isAHoliday names, asked one day at a time', () => {
    for (let n = toDayNumber('2024-12-01'); n <= toDayNumber('2031-01-31'); n++) {
      const d = fromDayNumber(n);
      const library = isAHoliday(new Date(n * 86_400_000 + 43_200_000), { utc: true });
      expect([d, isFederalHoliday(d)]).toEqual([d, library]);
    }
  });

  it('do not depend on the machine time zone', () => {
    // Jest gives each test file its own `process.env`, so setting TZ here would not reach Date: the same
    // code runs in child processes started with each TZ instead.
    const probe = buildSync({
      stdin: {
        contents: `const b = require('./src/core/business-days');
          console.log(JSON.stringify([2026, 2027, 2028].map(b.federalHolidays).concat([b.addBusinessDays('2026-11-25', 1)])));`,
        resolveDir: join(__dirname, '../..'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      write: false,
      logLevel: 'silent',
    }).outputFiles[0]!.text;
    const expected = [OBSERVED[2026], OBSERVED[2027], OBSERVED[2028], '2026-11-27'];
    for (const tz of [
      'America/Los_Angeles',
      'Asia/Tokyo',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'UTC',
    ]) {
      const out = execFileSync(process.execPath, ['-e', probe], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect([tz, JSON.parse(out)]).toEqual([tz, expected]);
    }
  });
});

describe('addBusinessDays', () => {
  it('skips Thanksgiving', () => {
    expect(addBusinessDays('2026-11-25', 1)).toBe('2026-11-27');
  });

  it('counts from a weekend start to the next working day', () => {
    expect(addBusinessDays('2026-11-28', 1)).toBe('2026-11-30'); // Saturday + 1 = Monday
    expect(addBusinessDays('2026-11-29', 1)).toBe('2026-11-30'); // Sunday + 1 = Monday
    expect(addBusinessDays('2026-07-04', 1)).toBe('2026-07-06'); // Saturday holiday, observed the Friday before
  });

  it('crosses year boundaries and their observed holidays', () => {
    expect(addBusinessDays('2027-12-30', 1)).toBe('2028-01-03');
    expect(addBusinessDays('2025-12-31', 1)).toBe('2026-01-02');
    expect(addBusinessDays('2027-12-23', 2)).toBe('2027-12-28'); // over Christmas observed on the 24th
  });

  it('gives a standard 30-day due date counted by hand', () => {
    // From Tuesday 2026-12-01: Dec 2–4 (3), 7–11 (8), 14–18 (13), 21–24 (17; the 25th is Christmas),
    // 28–31 (21), Jan 1 is New Year's, Jan 4–8 (26), Jan 11–14 (30).
    expect(addBusinessDays('2026-12-01', 30)).toBe('2027-01-14');
  });

  it('is the start itself for 0, and counts backwards for negative n', () => {
    expect(addBusinessDays('2026-11-28', 0)).toBe('2026-11-28');
    expect(addBusinessDays('2026-11-27', -1)).toBe('2026-11-25');
    expect(addBusinessDays('2028-01-03', -1)).toBe('2027-12-30');
    expect(() => addBusinessDays('2026-11-27', 1.5)).toThrow(RangeError);
  });

  it('always lands on a business day, after every day it skipped', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const end = addBusinessDays(start, n);
        expect(isBusinessDay(end)).toBe(true);
        let count = 0;
        for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (isBusinessDay(d)) count++;
        expect(count).toBe(n);
      }),
    );
  });
});

describe('businessDaysBetween', () => {
  it('counts business days after the first day up to and including the last', () => {
    expect(businessDaysBetween('2026-11-25', '2026-11-27')).toBe(1);
    expect(businessDaysBetween('2026-11-27', '2026-11-25')).toBe(-1);
    expect(businessDaysBetween('2026-11-28', '2026-11-29')).toBe(0);
    expect(businessDaysBetween('2026-12-01', '2027-01-14')).toBe(30);
    expect(businessDaysBetween('2026-11-25', '2026-11-25')).toBe(0);
  });

  it('agrees with counting day by day, and inverts addBusinessDays', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: -100, max: 100 }),
        (a, span, n) => {
          const b = addDays(a, span);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          let count = 0;
          for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (isBusinessDay(d)) count++;
          expect(businessDaysBetween(a, b)).toBe(a <= b ? count : 0 - count);
          // Backwards, the start itself is the first day counted, so the inverse holds from a business day.
          if (n >= 0 || isBusinessDay(a)) expect(businessDaysBetween(a, addBusinessDays(a, n))).toBe(n);
        },
      ),
    );
  });
});
