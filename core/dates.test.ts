import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDate, daysBetween, epochDay, formatIsoDate, fromEpochDay, isValidIsoDate, todayIn } from './dates';
import { IsoDate } from './primitives';

/** Any real calendar day in years 0000–9999. */
const isoDate = fc
  .integer({ min: epochDay('0000-01-01'), max: epochDay('9999-12-31') })
  .map((d) => fromEpochDay(d));

describe('todayIn', () => {
  it('gives the calendar day in the zone, not in UTC', () => {
    // 23:30 UTC on 30 March 2025: BST began at 01:00 UTC that day, so London is at 00:30 on the 31st.
    const lateEvening = new Date('2025-03-30T23:30:00Z');
    expect(todayIn('UTC', lateEvening)).toBe('2025-03-30');
    expect(todayIn('Europe/London', lateEvening)).toBe('2025-03-31');
    expect(todayIn('Pacific/Auckland', lateEvening)).toBe('2025-03-31');
    expect(todayIn('America/Los_Angeles', lateEvening)).toBe('2025-03-30');
    // In winter London is on UTC.
    expect(todayIn('Europe/London', new Date('2025-01-15T23:30:00Z'))).toBe('2025-01-15');
    expect(todayIn('Pacific/Kiritimati', new Date('2024-12-31T10:00:00Z'))).toBe('2025-01-01');
  });

  it('throws on an unknown zone', () => {
    expect(() => todayIn('Mars/Olympus', new Date())).toThrow(RangeError);
  });
});

describe('addDays and daysBetween', () => {
  it('cross month ends, leap days and daylight-saving changes', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-06-15', 0)).toBe('2025-06-15');
    expect(daysBetween('2025-03-01', '2025-03-31')).toBe(30);
    expect(daysBetween('2025-03-31', '2025-03-01')).toBe(-30);
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('1900-02-28', '1900-03-01')).toBe(1);
  });

  it('handle years 0–99, which Date.UTC would read as 1900–1999', () => {
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(addDays('0000-02-28', 1)).toBe('0000-02-29');
  });

  it('throw on impossible input rather than roll over', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2025-01-01', 1.5)).toThrow(RangeError);
    expect(() => daysBetween('2025-1-1', '2025-01-02')).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('agree with each other for any date and offset', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        fc.pre(epochDay(date) + n >= epochDay('0000-01-01') && epochDay(date) + n <= epochDay('9999-12-31'));
        const later = addDays(date, n);
        expect(daysBetween(date, later)).toBe(n);
        expect(addDays(later, -n)).toBe(date);
        expect(compareIsoDate(date, later)).toBe(n > 0 ? -1 : n < 0 ? 1 : 0);
      }),
    );
  });
});

describe('compareIsoDate', () => {
  it('sorts dates', () => {
    expect(['2025-03-01', '2024-12-31', '2025-01-15'].sort(compareIsoDate)).toEqual(['2024-12-31', '2025-01-15', '2025-03-01']);
    expect(compareIsoDate('2025-01-01', '2025-01-01')).toBe(0);
  });
});

describe('formatIsoDate', () => {
  it('shows the same day in every locale, whatever the machine zone', () => {
    expect(formatIsoDate('2025-01-05', 'en-GB')).toBe('5 Jan 2025');
    expect(formatIsoDate('2025-01-05', 'en-US')).toBe('Jan 5, 2025');
    expect(formatIsoDate('2025-01-05', 'de-DE')).toBe('05.01.2025');
    expect(formatIsoDate('2025-12-31', 'fr-FR')).toBe('31 déc. 2025');
  });
});

describe('isValidIsoDate', () => {
  it('accepts real days and refuses impossible ones', () => {
    expect(isValidIsoDate('2025-02-28')).toBe(true);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2025-02-30')).toBe(false);
    expect(isValidIsoDate('2025-04-31')).toBe(false);
    expect(isValidIsoDate('2025-13-01')).toBe(false);
    expect(isValidIsoDate('2025-00-10')).toBe(false);
    expect(isValidIsoDate('2025-01-00')).toBe(false);
    expect(isValidIsoDate('2025-1-1')).toBe(false);
    expect(isValidIsoDate('2025-01-01T00:00:00Z')).toBe(false);
    expect(isValidIsoDate(' 2025-01-01')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });

  it('agrees with the zod schema the book stores dates with', () => {
    const nearDates = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.oneof(nearDates, fc.string()), (s) => {
        expect(isValidIsoDate(s)).toBe(IsoDate.safeParse(s).success);
      }),
      { numRuns: 2000 },
    );
  });
});
