import type { IsoDate } from '../primitives';

/**
 * Calendar days as plain integers: day 0 is 1970-01-01, day 1 is 1970-01-02, day -1 is
 * 1969-12-31. Lateness is a difference of two calendar days in the business's time zone, so it
 * is computed here with integer arithmetic on the `YYYY-MM-DD` digits alone: no `Date`, no
 * time zone, no 23- or 25-hour days around a clock change, and no allocation per invoice.
 *
 * The conversion is the proleptic Gregorian "days from civil" algorithm (H. Hinnant): it counts
 * whole 400-year eras of 146,097 days, then years in the era with the month shifted so March
 * is month 0 and the leap day falls at the end of the shifted year.
 */

/** The first and last day that `dayNumber` and `fromDayNumber` accept: 0000-01-01 and 9999-12-31. */
export const MIN_DAY_NUMBER = -719_528;
export const MAX_DAY_NUMBER = 2_932_896;

const ZERO = 48; // '0'
const DASH = 45; // '-'

/** Days since 1970-01-01 of an ISO calendar day. Throws a RangeError on anything else. */
export function dayNumber(iso: IsoDate): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== DASH || iso.charCodeAt(7) !== DASH) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  }
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`Not a real calendar day: ${JSON.stringify(iso)}`);
  }
  return civilToDays(y, m, d);
}

/** The ISO calendar day `n` days after 1970-01-01. Throws outside 0000-01-01..9999-12-31. */
export function fromDayNumber(n: number): IsoDate {
  if (!Number.isInteger(n) || n < MIN_DAY_NUMBER || n > MAX_DAY_NUMBER) {
    throw new RangeError(`Day number out of range: ${n}`);
  }
  const z = n + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // day of era, 0..146096
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // 0..365, from March 1
  const mp = Math.floor((5 * doy + 2) / 153); // 0 = March … 11 = February
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function civilToDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y; // January and February belong to the previous March-based year
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400; // 0..399
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1; // 0..365
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // 0..146096
  return era * 146_097 + doe - 719_468;
}

/** One decimal digit, or -1000 (which makes the range checks fail) for anything else. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - ZERO;
  return c >= 0 && c <= 9 ? c : -1000;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
