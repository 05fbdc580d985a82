import { describe, expect, it } from 'vitest';
import { detectDateFormat, parseDate, type DateFormat } from './date-format';

function read(value: string, format: DateFormat): string {
  const r = parseDate(value, format);
  return r.ok ? r.date : `error: ${r.error}`;
}

describe('parseDate', () => {
  it.each([
    ['25/12/2025', 'dd/MM/yyyy', '2025-12-25'],
    ['25.12.2025', 'dd/MM/yyyy', '2025-12-25'],
    ['25-12-2025', 'dd/MM/yyyy', '2025-12-25'],
    ['1/2/2025', 'dd/MM/yyyy', '2025-02-01'],
    ['1/2/2025', 'MM/dd/yyyy', '2025-01-02'],
    ['12/25/2025', 'MM/dd/yyyy', '2025-12-25'],
    ['2025-12-25', 'yyyy-MM-dd', '2025-12-25'],
    ['2025/1/5', 'yyyy-MM-dd', '2025-01-05'],
    ['2025.01.05', 'yyyy-MM-dd', '2025-01-05'],
    ['2025-12-25 00:00:00', 'yyyy-MM-dd', '2025-12-25'],
    ['2025-12-25T09:30:00Z', 'yyyy-MM-dd', '2025-12-25'],
    ['12/25/2025 3:15 PM', 'MM/dd/yyyy', '2025-12-25'],
    [' 29/02/2024 ', 'dd/MM/yyyy', '2024-02-29'],
  ] as const)('%s as %s → %s', (value, format, iso) => {
    expect(read(value, format)).toBe(iso);
  });

  it.each([
    ['31/02/2025', 'dd/MM/yyyy', 'is not a real date: February 2025 has no day 31'],
    ['29/02/2025', 'dd/MM/yyyy', 'February 2025 has no day 29'],
    ['31/04/2025', 'dd/MM/yyyy', 'April 2025 has no day 31'],
    ['00/01/2025', 'dd/MM/yyyy', 'January 2025 has no day 0'],
    ['25/12/2025', 'MM/dd/yyyy', 'has no month 25'],
    ['2025-13-01', 'yyyy-MM-dd', 'has no month 13'],
    ['25/12/25', 'dd/MM/yyyy', 'two-digit year'],
    ['45678', 'dd/MM/yyyy', 'spreadsheet day number'],
    ['25/12-2025', 'dd/MM/yyyy', 'is not a date like 31/12/2025'],
    ['2025-12-25', 'dd/MM/yyyy', 'is not a date like 31/12/2025'],
    ['next Tuesday', 'yyyy-MM-dd', 'is not a date like 2025-12-31'],
    ['', 'yyyy-MM-dd', 'No date'],
  ] as const)('refuses %s as %s', (value, format, message) => {
    expect(read(value, format)).toContain(message);
  });
});

describe('detectDateFormat', () => {
  it.each([
    { values: ['25/12/2025', '01/02/2025'], expected: { kind: 'found', format: 'dd/MM/yyyy' } },
    { values: ['01/02/2025', '12/25/2025'], expected: { kind: 'found', format: 'MM/dd/yyyy' } },
    { values: ['2025-12-25', '', '2025-01-02'], expected: { kind: 'found', format: 'yyyy-MM-dd' } },
    { values: ['13.01.2025', '', '   '], expected: { kind: 'found', format: 'dd/MM/yyyy' } },
    { values: ['01/02/2025', '03/04/2025'], expected: { kind: 'ambiguous', candidates: ['dd/MM/yyyy', 'MM/dd/yyyy'] } },
    { values: ['12/12/2025'], expected: { kind: 'ambiguous', candidates: ['dd/MM/yyyy', 'MM/dd/yyyy'] } },
    // One impossible date (31/02) does not make the whole file month-first.
    { values: ['31/01/2025', '31/02/2025', '28/02/2025'], expected: { kind: 'unknown', best: 'dd/MM/yyyy' } },
    // A mixture: nothing reads all of them; day-first reads the most.
    { values: ['25/12/2025', '2025-12-25', '26/12/2025'], expected: { kind: 'unknown', best: 'dd/MM/yyyy' } },
    { values: ['25/12/2025', '12/25/2025'], expected: { kind: 'unknown', best: 'dd/MM/yyyy' } },
    { values: [], expected: { kind: 'unknown', best: null } },
    { values: ['soon', 'later'], expected: { kind: 'unknown', best: null } },
  ])('$values', ({ values, expected }) => {
    expect(detectDateFormat(values)).toEqual(expected);
  });
});
