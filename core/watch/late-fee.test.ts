import { describe, expect, it } from 'vitest';
import { dayNumber } from '../lateness/day-number';
import { lateFeeMinor, LateFeeRule, percentOf } from './late-fee';

const due = dayNumber('2025-03-01');
const basis = { dueDay: due, openMinor: 12_345, currency: 'GBP' };

describe('lateFeeMinor', () => {
  const fixedOnce: LateFeeRule = { amount: { kind: 'fixed', amountMinor: 2_500, currency: 'GBP' }, everyDays: null };
  const fixedMonthly: LateFeeRule = { amount: { kind: 'fixed', amountMinor: 2_500, currency: 'GBP' }, everyDays: 30 };
  const percentOnce: LateFeeRule = { amount: { kind: 'percent', basisPoints: 250 }, everyDays: null };
  const percentWeekly: LateFeeRule = { amount: { kind: 'percent', basisPoints: 100 }, everyDays: 7 };

  it.each([
    // rule, days after due, fee
    ['fixed once', fixedOnce, -3, 0],
    ['fixed once', fixedOnce, 0, 0],
    ['fixed once', fixedOnce, 1, 2_500],
    ['fixed once', fixedOnce, 400, 2_500],
    ['fixed every 30 days', fixedMonthly, 1, 2_500],
    ['fixed every 30 days', fixedMonthly, 30, 2_500],
    ['fixed every 30 days', fixedMonthly, 31, 5_000],
    ['fixed every 30 days', fixedMonthly, 90, 7_500],
    ['2.5 % once', percentOnce, 1, 309], // 308.625 → 309
    ['1 % weekly', percentWeekly, 7, 123], // 123.45 → 123
    ['1 % weekly', percentWeekly, 8, 246],
  ] as const)('%s, %i days after due: %i', (_label, rule, days, fee) => {
    expect(lateFeeMinor(rule, basis, due + days)).toBe(fee);
  });

  it('gives no fee (null) when a fixed fee is in another currency than the invoice', () => {
    expect(lateFeeMinor(fixedOnce, { ...basis, currency: 'EUR' }, due + 10)).toBeNull();
    expect(lateFeeMinor(percentOnce, { ...basis, currency: 'EUR' }, due + 10)).toBe(309);
  });

  it('refuses a rule with a zero period or out-of-range percentage', () => {
    expect(LateFeeRule.safeParse({ amount: { kind: 'percent', basisPoints: 0 }, everyDays: null }).success).toBe(false);
    expect(LateFeeRule.safeParse({ amount: { kind: 'percent', basisPoints: 100 }, everyDays: 0 }).success).toBe(false);
    expect(LateFeeRule.safeParse({ amount: { kind: 'fixed', amountMinor: 5, currency: 'gbp' }, everyDays: null }).success).toBe(false);
  });
});

describe('percentOf', () => {
  it.each([
    [10_000, 250, 250],
    [1, 5_000, 1], // 0.5 rounds half up
    [1, 4_999, 0],
    [199, 50, 1], // 0.995
    [Number.MAX_SAFE_INTEGER, 1, 900_719_925_474],
  ])('%i × %i bp = %i', (minor, bp, result) => {
    expect(percentOf(minor, bp)).toBe(result);
  });
});
