import { describe, expect, it } from 'vitest';
import { parseMoney } from '@core/money';
import { amountForInput } from './amount-text';

describe('amountForInput', () => {
  it('writes the locale decimal mark without grouping or symbol', () => {
    expect(amountForInput(123450, 'GBP', 'en-GB')).toBe('1234.50');
    expect(amountForInput(123450, 'EUR', 'de-DE')).toBe('1234,50');
    expect(amountForInput(5, 'EUR', 'fr-FR')).toBe('0,05');
  });

  it('follows the currency minor unit', () => {
    expect(amountForInput(1235, 'JPY', 'ja-JP')).toBe('1235');
    expect(amountForInput(1234567, 'KWD', 'en-GB')).toBe('1234.567');
  });

  it('parses back to the same minor units', () => {
    const cases: [number, string, string][] = [
      [0, 'GBP', 'en-GB'],
      [1, 'EUR', 'de-DE'],
      [123456789, 'USD', 'en-US'],
      [Number.MAX_SAFE_INTEGER, 'GBP', 'en-GB'],
      [9050, 'CHF', 'de-CH'],
      [42, 'JPY', 'ja-JP'],
      [1500, 'EUR', 'ar-EG'],
    ];
    for (const [minor, currency, locale] of cases) {
      expect(parseMoney(amountForInput(minor, currency, locale), currency, locale)).toEqual({ ok: true, minor });
    }
  });
});
