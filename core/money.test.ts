import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, minorToDecimalString, parseMoney, sumMinor } from './money';

/** Intl uses no-break and narrow no-break spaces; compare with plain ones. */
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

function parsed(text: string, currency: string, locale?: string): number | string {
  const r = parseMoney(text, currency, locale);
  return r.ok ? r.minor : `error: ${r.error}`;
}

describe('minorDigits', () => {
  it('knows the minor unit of common and unusual currencies', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('GBP')).toBe(2);
    expect(minorDigits('KWD')).toBe(3);
    expect(minorDigits('ISK')).toBe(0);
  });

  it('throws on a malformed code', () => {
    expect(() => minorDigits('EU')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('formats in the locale', () => {
    expect(formatMoney(123456, 'GBP', 'en-GB')).toBe('£1,234.56');
    expect(plain(formatMoney(123456, 'EUR', 'de-DE'))).toBe('1.234,56 €');
    expect(plain(formatMoney(123456, 'EUR', 'fr-FR'))).toBe('1 234,56 €');
    expect(formatMoney(1235, 'JPY', 'en-GB')).toBe('JP¥1,235');
    expect(formatMoney(1234, 'KWD', 'en-GB')).toBe('KWD 1.234'.replace(' ', '\u00a0'));
    expect(formatMoney(5, 'GBP', 'en-GB')).toBe('£0.05');
    expect(formatMoney(0, 'GBP', 'en-GB')).toBe('£0.00');
    expect(formatMoney(-5, 'GBP', 'en-GB')).toBe('-£0.05');
  });

  it('is exact for the largest safe integers', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'GBP', 'en-GB')).toBe('£90,071,992,547,409.91');
    expect(formatMoney(-Number.MAX_SAFE_INTEGER, 'KWD', 'en-GB')).toContain('9,007,199,254,740.991');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'JPY', 'en-GB')).toBe('JP¥9,007,199,254,740,991');
  });

  it('refuses amounts that are not whole minor units', () => {
    expect(() => formatMoney(1.5, 'GBP', 'en-GB')).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, 'GBP', 'en-GB')).toThrow(RangeError);
    expect(() => formatMoney(2 ** 53, 'GBP', 'en-GB')).toThrow(RangeError);
  });

  it('writes exact decimal strings', () => {
    expect(minorToDecimalString(12345, 2)).toBe('123.45');
    expect(minorToDecimalString(-5, 2)).toBe('-0.05');
    expect(minorToDecimalString(7, 3)).toBe('0.007');
    expect(minorToDecimalString(700, 0)).toBe('700');
  });
});

describe('parseMoney', () => {
  it('reads the forms people type', () => {
    expect(parsed('12', 'GBP')).toBe(1200);
    expect(parsed('12.5', 'GBP')).toBe(1250);
    expect(parsed('12.50', 'GBP')).toBe(1250);
    expect(parsed('  12.50 ', 'GBP')).toBe(1250);
    expect(parsed('1,234.56', 'GBP')).toBe(123456);
    expect(parsed('1,234,567.89', 'GBP', 'en-GB')).toBe(123456789);
    expect(parsed('.5', 'GBP')).toBe(50);
    expect(parsed('12.', 'GBP')).toBe(1200);
    expect(parsed('0', 'GBP')).toBe(0);
    expect(parsed('007.10', 'GBP')).toBe(710);
  });

  it('reads decimal commas where the locale writes them', () => {
    expect(parsed('1 234,56', 'EUR', 'de-DE')).toBe(123456);
    expect(parsed('1.234,56', 'EUR', 'de-DE')).toBe(123456);
    expect(parsed('1 234,56', 'EUR', 'fr-FR')).toBe(123456);
    expect(parsed('1\u202f234,56', 'EUR', 'fr-FR')).toBe(123456);
    expect(parsed('12,5', 'EUR', 'fr-FR')).toBe(1250);
    expect(parsed("1'234.50", 'CHF', 'de-CH')).toBe(123450);
  });

  it('reads a lone separator with one or two digits after it as the decimal mark', () => {
    expect(parsed('12,50', 'GBP', 'en-GB')).toBe(1250);
    expect(parsed('12.50', 'EUR', 'de-DE')).toBe(1250);
    // Three digits after it: the locale decides.
    expect(parsed('1,234', 'GBP', 'en-GB')).toBe(123400);
    expect(parsed('1.234', 'EUR', 'de-DE')).toBe(123400);
  });

  it('accepts a currency symbol or code around the amount', () => {
    expect(parsed('£12.50', 'GBP', 'en-GB')).toBe(1250);
    expect(parsed('12,50 €', 'EUR', 'de-DE')).toBe(1250);
    expect(parsed('EUR 12', 'EUR', 'de-DE')).toBe(1200);
    expect(parsed('eur 12', 'EUR')).toBe(1200);
    expect(parsed('US$5', 'USD', 'en-GB')).toBe(500);
  });

  it('respects the currency minor unit', () => {
    expect(parsed('1500', 'JPY')).toBe(1500);
    expect(parsed('1,500', 'JPY', 'en-GB')).toBe(1500);
    expect(parsed('1.234', 'KWD')).toBe(1234);
    expect(parsed('12.345', 'EUR')).toBe('error: EUR amounts have at most 2 decimal places');
    expect(parsed('12.5', 'JPY')).toBe('error: JPY amounts have no decimals');
    expect(parsed('1.2345', 'KWD')).toBe('error: KWD amounts have at most 3 decimal places');
  });

  it('refuses negatives, garbage and malformed numbers with a reason', () => {
    expect(parsed('-12', 'GBP')).toBe('error: The amount cannot be negative');
    expect(parsed('−12', 'GBP')).toBe('error: The amount cannot be negative');
    expect(parsed('(12.00)', 'GBP')).toBe('error: The amount cannot be negative');
    expect(parsed('-£12', 'GBP', 'en-GB')).toBe('error: The amount cannot be negative');
    expect(parsed('', 'GBP')).toMatch(/^error: Enter an amount/);
    expect(parsed('   ', 'GBP')).toMatch(/^error: Enter an amount/);
    expect(parsed('£', 'GBP', 'en-GB')).toMatch(/^error: Enter an amount/);
    expect(parsed('.', 'GBP')).toMatch(/is not an amount/);
    expect(parsed('twelve', 'GBP')).toMatch(/^error: "twelve" is not an amount/);
    expect(parsed('1e5', 'GBP')).toMatch(/is not an amount/);
    expect(parsed('12.50.1', 'GBP')).toMatch(/more than one decimal mark/);
    expect(parsed('1,23,4.00', 'GBP')).toMatch(/not thousands/);
    expect(parsed('1,,234.00', 'GBP')).toMatch(/not thousands/);
    expect(parsed('1234,567.00', 'GBP')).toMatch(/not thousands/);
    expect(parsed('12. 50', 'GBP')).toMatch(/other than digits after the decimal mark/);
    expect(parsed('99999999999999999', 'GBP')).toBe('error: That amount is too large');
    expect(parsed('12', 'EU')).toBe('error: Unknown currency "EU"');
  });

  it('reads back exactly what it would be written as (no floating point on the way)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('GBP', 'EUR', 'JPY', 'KWD'), (minor, currency) => {
        const text = minorToDecimalString(minor, minorDigits(currency));
        expect(parseMoney(text, currency)).toEqual({ ok: true, minor });
      }),
    );
  });

  it('reads back its own formatting in the same locale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.constantFrom(['GBP', 'en-GB'], ['EUR', 'de-DE'], ['EUR', 'fr-FR'], ['EUR', 'en-IE'], ['CHF', 'de-CH'], ['USD', 'en-US'], ['JPY', 'ja-JP'], ['KWD', 'en-GB']),
        (minor, [currency, locale]) => {
          expect(parseMoney(formatMoney(minor, currency, locale), currency, locale)).toEqual({ ok: true, minor });
        },
      ),
    );
  });
});

describe('sumMinor', () => {
  it('adds', () => {
    expect(sumMinor([])).toBe(0);
    expect(sumMinor([1, 2, 3])).toBe(6);
    expect(sumMinor([1050, -50])).toBe(1000);
  });

  it('refuses a total that is no longer exact', () => {
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});
