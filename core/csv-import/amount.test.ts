import { describe, expect, it } from 'vitest';
import { detectDecimalStyle, parseAmount, type DecimalStyle } from './amount';

function read(value: string, style: DecimalStyle, currency = 'EUR'): number | string {
  const r = parseAmount(value, currency, style);
  return r.ok ? r.minor : `${r.negative ? 'negative' : 'error'}: ${r.error}`;
}

describe('parseAmount', () => {
  it.each([
    ['1,234.56', 'dot', 123456],
    ['1234.56', 'dot', 123456],
    ['1,234', 'dot', 123400],
    ['€1,234.56', 'dot', 123456],
    ['1,234.56 EUR', 'dot', 123456],
    ['EUR 1,234.56', 'dot', 123456],
    ['  12  ', 'dot', 1200],
    ['1.234,56', 'comma', 123456],
    ['1234,56', 'comma', 123456],
    ['1.234', 'comma', 123400],
    ['1 234,56 €', 'comma', 123456],
    ['1\u00a0234,56\u00a0€', 'comma', 123456],
    ['1\u202f234,56 €', 'comma', 123456],
    ['EUR 12,5', 'comma', 1250],
    ['0,00', 'comma', 0],
  ] as const)('%s (%s) → %d', (value, style, minor) => {
    expect(read(value, style)).toBe(minor);
  });

  it('reads in the currency of the invoice', () => {
    expect(read('1,235', 'dot', 'JPY')).toBe(1235);
    expect(read('¥1,235', 'dot', 'JPY')).toBe(1235);
    expect(read('12.5', 'dot', 'JPY')).toMatch(/JPY amounts have no decimals/);
    expect(read('1.234', 'dot', 'KWD')).toBe(1234);
    expect(read('US$1,234.50', 'dot', 'USD')).toBe(123450);
    expect(read("CHF 1'234.50", 'dot', 'CHF')).toBe(123450);
  });

  it.each([
    ['-12.50', 'dot'],
    ['(12.50)', 'dot'],
    ['12.50-', 'dot'],
    ['\u221212,50', 'comma'],
    ['12.50 CR', 'dot'],
    ['-€12.50', 'dot'],
  ] as const)('refuses the negative %s as negative', (value, style) => {
    expect(read(value, style)).toMatch(/^negative: .* is negative$/);
  });

  it.each([
    ['1.234,56', 'dot', 'is written like 1.234,56, not 1,234.56; check how amounts are written'],
    ['1,234.56', 'comma', 'is written like 1,234.56, not 1.234,56'],
    ['1.2.3', 'dot', 'more than one decimal mark'],
    ['12,34,5', 'dot', 'not thousands'],
    ['twelve', 'dot', 'is not an amount'],
    ['', 'dot', 'No amount'],
    ['€', 'dot', 'No amount'],
    ['12.3456', 'dot', 'at most 2 decimal places'],
    ['12.345', 'dot', 'is written like 1.234,56'],
    ['USD 12.50', 'dot', 'is in USD, but this invoice is in EUR'],
    ['12.50 GBP', 'dot', 'is in GBP, but this invoice is in EUR'],
  ] as const)('refuses %s (%s): %s', (value, style, message) => {
    expect(read(value, style)).toContain(message);
  });
});

describe('detectDecimalStyle', () => {
  it.each([
    { values: ['1,234.56', '12'], expected: 'dot' },
    { values: ['1.234,56', '12'], expected: 'comma' },
    { values: ['99.9'], expected: 'dot' },
    { values: ['99,90 €'], expected: 'comma' },
    { values: ['1,234', '1.234', '12'], expected: null },
    { values: ['12', '300'], expected: null },
    { values: ['1,5', '2,5', '3.75'], expected: 'comma' },
    { values: [], expected: null },
  ])('$values → $expected', ({ values, expected }) => {
    expect(detectDecimalStyle(values)).toBe(expected);
  });
});
