/**
 * Money in the book is an integer count of the currency's minor unit (see MinorUnits in
 * primitives.ts). This module turns those integers into text for people and back, without
 * ever passing an amount through binary floating point:
 *
 * - formatting hands Intl an exact decimal *string* ("1234.56"), which Intl.NumberFormat
 *   accepts since ES2023 and formats without rounding, so every safe integer prints exactly;
 * - parsing reads the digits into an integer string and converts once with Number(), which is
 *   exact for every safe integer (we refuse anything larger).
 *
 * Intl objects are slow to build (tens of microseconds) and lists format thousands of amounts,
 * so they are cached per currency and locale.
 */

export type ParseMoneyResult = { ok: true; minor: number } | { ok: false; error: string };

const digitsCache = new Map<string, number>();

/**
 * How many minor-unit digits a currency has, as Intl (CLDR) knows it: JPY 0, EUR 2, KWD 3.
 * Throws a RangeError for a malformed code ("EU"); a well-formed unknown code gets Intl's 2.
 */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
    // resolvedOptions() types this as optional; for style 'currency' it is always present.
    if (digits === undefined) throw new RangeError(`No minor unit known for ${currency}`);
    digitsCache.set(currency, digits);
  }
  return digits;
}

const formatCache = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string, locale: string): Intl.NumberFormat {
  const key = `${currency}|${locale}`;
  let nf = formatCache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatCache.set(key, nf);
  }
  return nf;
}

/** The exact decimal text of an integer minor amount: (12345, 2) → "123.45", (-5, 2) → "-0.05". */
export function minorToDecimalString(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Money must be a safe integer of minor units, got ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** "£1,234.56", "1.234,56 €", "¥1,235"… for an integer amount of minor units. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const text = minorToDecimalString(minor, minorDigits(currency));
  // Intl reads a numeric string as an exact decimal; the cast only tells TypeScript that this
  // string is the numeric literal it is.
  return currencyFormat(currency, locale).format(text as `${number}`);
}

type Separators = { decimal: '.' | ','; symbols: string[] };

const separatorCache = new Map<string, Separators>();

/**
 * What a person in this locale writes as the decimal mark, and which currency symbols may
 * surround an amount they paste ("€", "US$", "$"). Locales whose decimal mark is neither '.'
 * nor ',' (e.g. Arabic '٫') fall back to '.': we only read ASCII digits anyway.
 */
function separatorsFor(currency: string, locale: string | undefined): Separators {
  const key = `${currency}|${locale ?? ''}`;
  let seps = separatorCache.get(key);
  if (!seps) {
    const loc = locale ?? 'en';
    const decimalPart = new Intl.NumberFormat(loc).formatToParts(1.5).find((p) => p.type === 'decimal');
    const decimal = decimalPart?.value === ',' ? ',' : '.';
    const symbols = new Set<string>([currency]);
    for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
      const parts = new Intl.NumberFormat(loc, { style: 'currency', currency, currencyDisplay }).formatToParts(1);
      for (const p of parts) if (p.type === 'currency') symbols.add(p.value);
    }
    // Longest first, so "US$" is removed before "$" could leave a stray "US".
    seps = { decimal, symbols: [...symbols].sort((a, b) => b.length - a.length) };
    separatorCache.set(key, seps);
  }
  return seps;
}

// Spaces people and Intl use between digit groups: space, no-break space, narrow no-break
// space, thin space; apostrophes as in Swiss "1'234.50".
const GROUP_SPACES = /[\u0020\u00a0\u202f\u2009'\u2019]/g;
// Bidi marks Intl puts around amounts in right-to-left locales.
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;
const GROUPS_AFTER_DOT_DECIMAL = /[,\u0020\u00a0\u202f\u2009'\u2019]/;
const GROUPS_AFTER_COMMA_DECIMAL = /[.\u0020\u00a0\u202f\u2009'\u2019]/;

function stripCurrency(text: string, symbols: readonly string[]): string {
  let t = text.replace(BIDI_MARKS, '').trim();
  for (const sym of symbols) {
    const upper = t.toUpperCase();
    const s = sym.toUpperCase();
    if (upper.startsWith(s)) t = t.slice(sym.length).trim();
    else if (upper.endsWith(s)) t = t.slice(0, -sym.length).trim();
  }
  return t;
}

/** Groups of an integer part written with separators must look like thousands: 1,234,567 (or Indian 12,34,567). */
function validGrouping(groups: readonly string[]): boolean {
  if (groups.length === 1) return true; // no separators: "1234" or "" (as in ".50")
  const last = groups[groups.length - 1] ?? '';
  const first = groups[0] ?? '';
  if (last.length !== 3 || first.length < 1 || first.length > 3) return false;
  return groups.slice(1, -1).every((g) => g.length === 2 || g.length === 3);
}

/**
 * Reads an amount a person typed into an integer of minor units. Accepts "12", "12.5",
 * "12.50", "1,234.56", "1 234,56" / "1.234,56" where the locale writes a decimal comma, and a
 * currency symbol or code around the number ("£12.50", "12,50 €", "EUR 12"). When only one
 * '.' or ',' is present and it is followed by one or two digits it can only be a decimal mark,
 * so "12,50" in en-GB and "12.50" in de-DE both mean twelve-fifty; with three digits after it
 * ("1.234") the locale decides. Without a locale, '.' is the decimal mark.
 */
export function parseMoney(text: string, currency: string, locale?: string): ParseMoneyResult {
  let digits: number;
  let seps: Separators;
  try {
    digits = minorDigits(currency);
    seps = separatorsFor(currency, locale);
  } catch {
    return { ok: false, error: `Unknown currency "${currency}"` };
  }
  const t = stripCurrency(text, seps.symbols);
  if (t === '') return { ok: false, error: 'Enter an amount, like 12.50' };
  if (/^[-\u2212\u2013(]|[-\u2212)]$/.test(t)) return { ok: false, error: 'The amount cannot be negative' };
  const compact = t.replace(GROUP_SPACES, '');
  if (!/^[\d.,]+$/.test(compact) || !/\d/.test(compact)) {
    return { ok: false, error: `"${text.trim()}" is not an amount; use digits, like 12.50` };
  }

  let decimal: '.' | ',' = seps.decimal;
  const other = decimal === '.' ? ',' : '.';
  const lone = compact.indexOf(other);
  if (!compact.includes(decimal) && lone !== -1 && lone === compact.lastIndexOf(other)) {
    const after = compact.length - lone - 1;
    if (after === 1 || after === 2) decimal = other;
  }
  const group = decimal === '.' ? ',' : '.';

  const [intText = '', fraction = '', ...extra] = t.split(decimal);
  if (extra.length > 0) return { ok: false, error: `"${text.trim()}" has more than one decimal mark "${decimal}"` };
  if (!/^\d*$/.test(fraction)) return { ok: false, error: `"${text.trim()}" has something other than digits after the decimal mark` };
  // Split on single separators (no '+'), so a doubled or mixed separator leaves an empty
  // group and is refused rather than guessed at.
  const groups = intText.split(group === '.' ? GROUPS_AFTER_COMMA_DECIMAL : GROUPS_AFTER_DOT_DECIMAL);
  if (!validGrouping(groups)) {
    return { ok: false, error: `"${text.trim()}" has digit groups that are not thousands; write it like 1234${decimal}50` };
  }
  const intDigits = groups.join('');
  if (intDigits === '' && fraction === '') return { ok: false, error: 'Enter an amount, like 12.50' };
  if (fraction.length > digits) {
    return {
      ok: false,
      error: digits === 0 ? `${currency} amounts have no decimals` : `${currency} amounts have at most ${digits} decimal places`,
    };
  }
  const all = (intDigits + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  const minor = Number(all);
  if (!Number.isSafeInteger(minor)) return { ok: false, error: 'That amount is too large' };
  return { ok: true, minor };
}

/** Adds minor amounts, refusing to return a total that is no longer exact. */
export function sumMinor(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total)) throw new RangeError('Money total is not a safe integer');
  return total;
}
