import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, epochDay } from '../dates';
import { dayNumber, daysInMonth, fromDayNumber, isLeapYear, MAX_DAY_NUMBER, MIN_DAY_NUMBER } from './day-number';

const FROM_1900 = dayNumber('1900-01-01');
const TO_2200 = dayNumber('2200-12-31');

/** Any real calendar day from 1900-01-01 to 2200-12-31, as an ISO string. */
const isoDay = fc.integer({ min: FROM_1900, max: TO_2200 }).map(fromDayNumber);

describe('dayNumber', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['1900-01-01', -25_567],
    ['1900-03-01', -25_508], // 1900 is not a leap year: no 29 February before it
    ['2000-01-01', 10_957],
    ['2000-02-29', 11_016], // 2000 is (divisible by 400)
    ['2000-03-01', 11_017],
    ['2023-03-01', 19_417],
    ['2024-02-28', 19_781],
    ['2024-02-29', 19_782],
    ['2024-03-01', 19_783],
    ['2038-01-19', 24_855],
    ['2100-03-01', 47_541],
    ['2200-12-31', 84_370],
    ['0000-01-01', MIN_DAY_NUMBER],
    ['9999-12-31', MAX_DAY_NUMBER],
  ])('%s is day %i', (iso, n) => {
    expect(dayNumber(iso)).toBe(n);
    expect(fromDayNumber(n)).toBe(iso);
  });

  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not divisible by 400'],
    ['2100-02-29', 'century, not divisible by 400'],
    ['2024-02-30', 'February has at most 29 days'],
    ['2024-04-31', 'April has 30 days'],
    ['2024-13-01', 'month 13'],
    ['2024-00-10', 'month 0'],
    ['2024-01-00', 'day 0'],
    ['2024-1-01', 'short month'],
    ['2024-01-1', 'short day'],
    ['24-01-01', 'short year'],
    ['2024/01/01', 'slashes'],
    ['2024-01-01T00:00', 'an instant, not a day'],
    [' 2024-01-01', 'padded'],
    ['2024-0a-01', 'a letter'],
    ['+024-01-01', 'a sign'],
    ['', 'empty'],
  ])('throws a RangeError on %j (%s)', (iso) => {
    expect(() => dayNumber(iso)).toThrow(RangeError);
  });
});

describe('fromDayNumber', () => {
  it.each([[MIN_DAY_NUMBER - 1], [MAX_DAY_NUMBER + 1], [0.5], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    'throws a RangeError on %d',
    (n) => {
      expect(() => fromDayNumber(n)).toThrow(RangeError);
    },
  );
});

describe('calendar rules', () => {
  it.each([
    [1900, false],
    [2000, true],
    [2023, false],
    [2024, true],
    [2100, false],
    [2400, true],
  ])('isLeapYear(%i) is %s', (y, leap) => {
    expect(isLeapYear(y)).toBe(leap);
  });

  it.each([
    [2024, 1, 31],
    [2024, 2, 29],
    [2023, 2, 28],
    [2024, 4, 30],
    [2024, 6, 30],
    [2024, 9, 30],
    [2024, 11, 30],
    [2024, 12, 31],
  ])('daysInMonth(%i, %i) is %i', (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
  });
});

describe('properties over 1900–2200', () => {
  it('fromDayNumber(dayNumber(d)) = d and dayNumber(fromDayNumber(n)) = n', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM_1900, max: TO_2200 }), (n) => {
        const iso = fromDayNumber(n);
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(dayNumber(iso)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('every year, month and day in the range round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        fc.pre(d <= daysInMonth(y, m));
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(fromDayNumber(dayNumber(iso))).toBe(iso);
      }),
    );
  });

  it('consecutive day numbers are consecutive days, in string order', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM_1900, max: TO_2200 - 1 }), (n) => {
        expect(fromDayNumber(n) < fromDayNumber(n + 1)).toBe(true);
      }),
    );
  });

  it('agrees with core/dates.ts (epochDay, daysBetween, addDays)', () => {
    fc.assert(
      fc.property(isoDay, isoDay, fc.integer({ min: -400, max: 400 }), (a, b, k) => {
        expect(dayNumber(a)).toBe(epochDay(a));
        expect(dayNumber(b) - dayNumber(a)).toBe(daysBetween(a, b));
        fc.pre(dayNumber(a) + k >= FROM_1900 && dayNumber(a) + k <= TO_2200);
        expect(fromDayNumber(dayNumber(a) + k)).toBe(addDays(a, k));
      }),
      { numRuns: 1000 },
    );
  });
});
