import type { IsoDate } from './primitives';

/**
 * Calendar-day arithmetic on ISO `YYYY-MM-DD` strings. A due date is a day in the business's
 * time zone, not an instant, so all arithmetic here is done on UTC midnights: UTC has no
 * daylight-saving jumps, so adding a day is always exactly 86,400,000 ms and "days late" can
 * never come out as 0.958. Only `todayIn` deals with real instants and zones.
 *
 * Every function that takes an IsoDate checks it and throws a RangeError on "2025-02-30":
 * such a value can only come from a bug, and silently rolling it into March would hide it.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * True for a real calendar day written `YYYY-MM-DD` (years 0000–9999, proleptic Gregorian,
 * as zod's `z.iso.date()` accepts): "2024-02-29" yes, "2025-02-30" and "2025-2-3" no.
 */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Milliseconds of the date's UTC midnight. setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999. */
function utcMidnight(date: IsoDate): number {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a calendar date: "${date}"`);
  const d = new Date(0);
  d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return d.getTime();
}

function fromUtcMidnight(ms: number): IsoDate {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) throw new RangeError('Date out of range (years 0000–9999)');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${mm}-${dd}`;
}

/** Days since 1970-01-01 (negative before): a compact day number for loops and buckets. */
export function epochDay(date: IsoDate): number {
  return Math.round(utcMidnight(date) / MS_PER_DAY);
}

/** The IsoDate of a day number from `epochDay`. */
export function fromEpochDay(day: number): IsoDate {
  if (!Number.isInteger(day)) throw new RangeError(`Day number must be an integer, got ${day}`);
  return fromUtcMidnight(day * MS_PER_DAY);
}

/** The date `days` calendar days after (or before, when negative) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number, got ${days}`);
  return fromUtcMidnight(utcMidnight(date) + days * MS_PER_DAY);
}

/** `to` − `from` in whole calendar days: daysBetween('2025-03-01', '2025-03-31') = 30. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  // Both are exact UTC midnights, so the division is exact; round() only guards the type.
  return Math.round((utcMidnight(to) - utcMidnight(from)) / MS_PER_DAY);
}

/** −1, 0 or 1, for sorting. Four-digit ISO dates order correctly as plain strings. */
export function compareIsoDate(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const todayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day it is in `timeZone` at the instant `now`: at 23:30 UTC on 30 March it is
 * already 31 March in London (BST) and Auckland. The clock is a parameter so callers decide
 * what "now" is and tests need no fake timers. Throws a RangeError for an unknown zone.
 */
export function todayIn(timeZone: string, now: Date): IsoDate {
  let fmt = todayFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    todayFormats.set(timeZone, fmt);
  }
  let y = '';
  let m = '';
  let d = '';
  for (const part of fmt.formatToParts(now)) {
    if (part.type === 'year') y = part.value;
    else if (part.type === 'month') m = part.value;
    else if (part.type === 'day') d = part.value;
  }
  const date = `${y.padStart(4, '0')}-${m}-${d}`;
  if (!isValidIsoDate(date)) throw new RangeError(`Cannot tell the date in ${timeZone} at ${String(now)}`);
  return date;
}

const displayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date for people, in the medium style ("5 Jan 2025", "05.01.2025", "Jan 5, 2025"): the
 * month is spelt or ordered by the locale, so 03/04 is never misread across the Channel.
 * Rendered in UTC, the zone its midnight was built in, so the day never shifts.
 */
export function formatIsoDate(date: IsoDate, locale: string): string {
  let fmt = displayFormats.get(locale);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    displayFormats.set(locale, fmt);
  }
  return fmt.format(utcMidnight(date));
}
