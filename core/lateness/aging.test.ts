import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../primitives';
import {
  AGING_BUCKETS,
  agingBucketOf,
  agingByCustomer,
  agingReport,
  agingTotals,
  emptyAgingTotals,
  type AgingBucket,
  type AgingRow,
  type AgingTotals,
} from './aging';
import { openBalanceAsOf } from './balance';
import { dayNumber } from './day-number';
import { arbitraryBook, arbitraryDay } from './test-arbitraries';
import { CUSTOMER_A, CUSTOMER_B, invoice } from './test-invoices';

/** AgingTotals from { bucket: [count, amount] }; buckets not named are empty. */
function totals(spec: Partial<Record<AgingBucket, readonly [number, number]>>): AgingTotals {
  const buckets = Object.fromEntries(
    AGING_BUCKETS.map((b) => [b, { count: spec[b]?.[0] ?? 0, amountMinor: spec[b]?.[1] ?? 0 }]),
  ) as Record<AgingBucket, { count: number; amountMinor: number }>;
  const total = { count: 0, amountMinor: 0 };
  for (const b of AGING_BUCKETS) {
    total.count += buckets[b].count;
    total.amountMinor += buckets[b].amountMinor;
  }
  return { buckets, total };
}

describe('agingBucketOf', () => {
  it.each<[number, AgingBucket]>([
    [-30, 'current'],
    [-1, 'current'],
    [0, 'current'], // due today
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '90+'],
    [365, '90+'],
  ])('%i days past due → %s', (days, bucket) => {
    expect(agingBucketOf(days)).toBe(bucket);
  });
});

describe('agingTotals (hot path)', () => {
  const T = 1_000;
  it.each<[string, AgingRow[], AgingTotals]>([
    ['no rows', [], emptyAgingTotals()],
    ['one row due in 5 days', [{ dueDay: T + 5, openMinor: 100 }], totals({ current: [1, 100] })],
    ['one row due today', [{ dueDay: T, openMinor: 100 }], totals({ current: [1, 100] })],
    [
      'every bucket boundary',
      [
        { dueDay: T + 5, openMinor: 100 },
        { dueDay: T, openMinor: 200 },
        { dueDay: T - 1, openMinor: 300 },
        { dueDay: T - 30, openMinor: 400 },
        { dueDay: T - 31, openMinor: 500 },
        { dueDay: T - 60, openMinor: 600 },
        { dueDay: T - 61, openMinor: 700 },
        { dueDay: T - 90, openMinor: 800 },
        { dueDay: T - 91, openMinor: 900 },
      ],
      totals({ current: [2, 300], '1-30': [2, 700], '31-60': [2, 1_100], '61-90': [2, 1_500], '90+': [1, 900] }),
    ],
    [
      'rows with nothing open are skipped',
      [
        { dueDay: T - 100, openMinor: 0 },
        { dueDay: T - 100, openMinor: -50 },
        { dueDay: T - 100, openMinor: 25 },
      ],
      totals({ '90+': [1, 25] }),
    ],
  ])('%s', (_, rows, expected) => {
    expect(agingTotals(rows, T)).toEqual(expected);
  });

  it.each([[0.5], [Number.NaN]])('throws a RangeError for today = %d', (today) => {
    expect(() => agingTotals([], today)).toThrow(RangeError);
  });

  it('throws rather than lose pennies past 2^53', () => {
    const huge = { dueDay: 0, openMinor: Number.MAX_SAFE_INTEGER };
    expect(() => agingTotals([huge, huge], 0)).toThrow(RangeError);
  });
});

describe('agingReport and agingByCustomer', () => {
  const today: IsoDate = '2024-05-01';
  const book = [
    /* #1 */ invoice({ issue: '2024-04-15', due: '2024-05-15', total: 10_000 }), // current
    /* #2 */ invoice({ issue: '2024-04-01', due: '2024-05-01', total: 5_000, paid: [['2024-04-20', 2_000]] }), // due today: current, 3,000 open
    /* #3 */ invoice({ issue: '2024-03-01', due: '2024-04-01', total: 8_000 }), // 30 days: 1-30
    /* #4 */ invoice({ issue: '2024-03-01', due: '2024-03-31', total: 7_000, credits: [['2024-04-05', 1_000]] }), // 31 days: 31-60, 6,000 open
    /* #5 */ invoice({ issue: '2024-01-01', due: '2024-02-01', total: 4_000, state: 'disputed' }), // 90 days (leap Feb): 61-90
    /* #6 */ invoice({ issue: '2024-01-01', due: '2024-01-31', total: 6_000 }), // 91 days: 90+
    /* #7 */ invoice({ issue: '2023-12-01', due: '2024-01-01', total: 3_000, paid: [['2024-02-01', 3_000]] }), // paid: out
    /* #8 */ invoice({ issue: '2023-12-01', due: '2024-01-01', total: 9_999, state: 'draft' }), // draft: out
    /* #9 */ invoice({ issue: '2023-11-01', due: '2023-12-01', total: 1_234, state: 'written_off' }), // written off: out
    /* #10 */ invoice({ issue: '2024-03-10', due: '2024-04-10', total: 2_000, paid: [['2024-05-02', 2_000]] }), // paid tomorrow: 1-30 today
    /* #11 */ invoice({ issue: '2024-05-02', due: '2024-05-30', total: 4_444 }), // issued tomorrow: out
    /* #12 */ invoice({ issue: '2024-03-01', due: '2024-03-15', total: 1_000, paid: [['2024-03-10', 1_500]] }), // overpaid: out
    /* #13 */ invoice({ issue: '2023-11-01', due: '2023-12-01', total: 3_000, currency: 'GBP', customer: CUSTOMER_B }), // GBP 90+
    /* #14 */ invoice({ issue: '2024-04-10', due: '2024-05-10', total: 1_500, state: 'disputed', customer: CUSTOMER_B }), // current, disputed
  ];

  it('totals open balances per bucket, per currency, with disputes again on their own', () => {
    const report = agingReport(book, today);
    expect([...report.keys()]).toEqual(['EUR', 'GBP']);
    expect(report.get('EUR')).toEqual({
      currency: 'EUR',
      ...totals({ current: [3, 14_500], '1-30': [2, 10_000], '31-60': [1, 6_000], '61-90': [1, 4_000], '90+': [1, 6_000] }),
      disputed: totals({ current: [1, 1_500], '61-90': [1, 4_000] }),
    });
    expect(report.get('GBP')).toEqual({ currency: 'GBP', ...totals({ '90+': [1, 3_000] }), disputed: emptyAgingTotals() });
  });

  it('per customer, per currency', () => {
    const byCustomer = agingByCustomer(book, today);
    expect([...byCustomer.keys()].sort()).toEqual([CUSTOMER_A, CUSTOMER_B].sort());
    expect(byCustomer.get(CUSTOMER_A)?.get('EUR')).toEqual({
      currency: 'EUR',
      ...totals({ current: [2, 13_000], '1-30': [2, 10_000], '31-60': [1, 6_000], '61-90': [1, 4_000], '90+': [1, 6_000] }),
      disputed: totals({ '61-90': [1, 4_000] }),
    });
    expect(byCustomer.get(CUSTOMER_A)?.has('GBP')).toBe(false);
    expect(byCustomer.get(CUSTOMER_B)?.get('EUR')).toEqual({
      currency: 'EUR',
      ...totals({ current: [1, 1_500] }),
      disputed: totals({ current: [1, 1_500] }),
    });
    expect(byCustomer.get(CUSTOMER_B)?.get('GBP')?.total).toEqual({ count: 1, amountMinor: 3_000 });
  });

  it.each<[string, IsoDate, Partial<Record<AgingBucket, readonly [number, number]>>]>([
    [
      // (EUR only.) Not yet issued: #1, #14. Not yet paid or credited: #2, #4, #10. #3 is due that day.
      'a month earlier',
      '2024-04-01',
      { current: [3, 15_000], '1-30': [1, 7_000], '31-60': [1, 4_000], '61-90': [1, 6_000] },
    ],
    [
      // Every boundary invoice moves on a bucket; #10 is paid, #11 is issued.
      'the next day',
      '2024-05-02',
      { current: [3, 15_944], '1-30': [1, 3_000], '31-60': [2, 14_000], '90+': [2, 10_000] },
    ],
  ])('as of another day: %s', (_, day, expected) => {
    const eur = book.filter((inv) => inv.currency === 'EUR');
    const aging = agingReport(eur, day).get('EUR');
    expect({ buckets: aging?.buckets, total: aging?.total }).toEqual(totals(expected));
  });

  it('nothing open: an empty report', () => {
    const paid = invoice({ paid: [['2024-01-31', 10_000]] });
    expect(agingReport([paid], today).size).toBe(0);
    expect(agingByCustomer([paid], today).size).toBe(0);
    expect(agingReport([], today).size).toBe(0);
  });
});

describe('properties', () => {
  it('bucket totals add up to the total open balance, per currency, and match agingTotals on rows', () => {
    fc.assert(
      fc.property(arbitraryBook(30, ['EUR', 'USD']), arbitraryDay, (specs, today) => {
        const book = specs.map(invoice);
        const report = agingReport(book, today);
        for (const currency of ['EUR', 'USD']) {
          const mine = book.filter((inv) => inv.currency === currency);
          const open = mine.map((inv) => openBalanceAsOf(inv, today)).filter((o) => o > 0);
          const aging = report.get(currency);
          if (open.length === 0) {
            expect(aging).toBeUndefined();
            continue;
          }
          expect(aging?.total).toEqual({ count: open.length, amountMinor: open.reduce((a, b) => a + b, 0) });
          const sum = AGING_BUCKETS.reduce((s, b) => s + (aging?.buckets[b].amountMinor ?? 0), 0);
          expect(sum).toBe(aging?.total.amountMinor);
          const rows = mine.map((inv) => ({ dueDay: dayNumber(inv.dueDate), openMinor: openBalanceAsOf(inv, today) }));
          expect(agingTotals(rows, dayNumber(today))).toEqual({ buckets: aging?.buckets, total: aging?.total });
          for (const b of AGING_BUCKETS) {
            expect(aging?.disputed.buckets[b].amountMinor).toBeLessThanOrEqual(aging?.buckets[b].amountMinor ?? 0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the customers’ reports add up to the business report', () => {
    fc.assert(
      fc.property(arbitraryBook(30), arbitraryDay, (specs, today) => {
        const book = specs.map(invoice);
        const business = agingReport(book, today).get('EUR') ?? emptyAgingTotals();
        let count = 0;
        let amount = 0;
        for (const report of agingByCustomer(book, today).values()) {
          count += report.get('EUR')?.total.count ?? 0;
          amount += report.get('EUR')?.total.amountMinor ?? 0;
        }
        expect({ count, amountMinor: amount }).toEqual(business.total);
      }),
    );
  });
});
