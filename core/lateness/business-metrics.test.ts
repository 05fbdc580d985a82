import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../primitives';
import { agingReport, emptyAgingTotals } from './aging';
import { dso, dsoFromTotals, shareOver90, shareOver90Of } from './business-metrics';
import { arbitraryBook, arbitraryDay } from './test-arbitraries';
import { invoice } from './test-invoices';

describe('dsoFromTotals', () => {
  it.each<[number, number, number, number | null]>([
    // receivables, net credit sales, period → DSO
    [50_000, 150_000, 90, 30],
    [45_000, 90_000, 30, 15],
    [0, 100, 90, 0],
    [300, 100, 90, 270], // more owed than sold in the period: old debts
    [100, 0, 90, null], // no sales: the ratio means nothing
    [100, -50, 90, null], // more credited than sold
  ])('%i ÷ %i × %i → %s', (receivables, sales, period, expected) => {
    expect(dsoFromTotals(receivables, sales, period)).toBe(expected);
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])('throws a RangeError for periodDays = %d', (period) => {
    expect(() => dsoFromTotals(1, 1, period)).toThrow(RangeError);
    expect(() => dso([], '2024-03-31', period)).toThrow(RangeError);
  });
});

describe('dso', () => {
  // On 2024-03-31 the default 90-day period is 2024-01-02 … 2024-03-31.
  const today: IsoDate = '2024-03-31';
  const book = [
    invoice({ issue: '2024-01-01', due: '2024-01-31', total: 50_000 }), // before the period: receivable only
    invoice({ issue: '2024-01-02', due: '2024-02-01', total: 30_000, paid: [['2024-02-01', 30_000]] }), // first day: a sale, paid
    invoice({ issue: '2024-02-29', due: '2024-03-30', total: 60_000, paid: [['2024-03-15', 20_000]] }), // sale, 40,000 open
    invoice({ issue: '2024-03-31', due: '2024-04-30', total: 10_000 }), // last day: sale, open
    invoice({ issue: '2024-04-01', due: '2024-05-01', total: 77_777 }), // after today: nothing
    invoice({ issue: '2024-03-01', due: '2024-03-31', total: 99_999, state: 'draft' }), // draft: nothing
    invoice({ issue: '2024-02-01', due: '2024-03-02', total: 20_000, state: 'written_off' }), // a sale, not a receivable
    invoice({ issue: '2023-12-01', due: '2023-12-31', total: 10_000, credits: [['2024-03-01', 5_000]] }), // −5,000 sales, 5,000 open
    invoice({ issue: '2024-03-10', due: '2024-04-09', total: 5_000, state: 'disputed' }), // sale, open
    invoice({ issue: '2024-03-01', due: '2024-03-31', total: 10_000, paid: [['2024-04-02', 10_000]] }), // paid after today: open
    invoice({ issue: '2023-06-01', due: '2023-07-01', total: 1_000, currency: 'GBP' }), // GBP: owed, nothing sold
    invoice({ issue: '2023-06-01', due: '2023-07-01', total: 1_000, currency: 'USD', paid: [['2023-06-10', 1_000]] }), // USD: nothing
  ];

  it.each<[number, number | null]>([
    // receivables 120,000 throughout
    [90, (120_000 / 130_000) * 90], // sales 30 + 60 + 10 + 20 − 5 + 5 + 10 = 130,000
    [30, (120_000 / 15_000) * 30], // 2024-03-02 …: only the 10,000 and the 5,000
    [1, (120_000 / 10_000) * 1], // today only
  ])('over %i days', (period, expected) => {
    const result = dso(book, today, period);
    expect([...result.keys()]).toEqual(['EUR', 'GBP']);
    expect(result.get('EUR')).toBeCloseTo(expected!, 10);
    expect(result.get('GBP')).toBeNull();
    expect(result.has('USD')).toBe(false);
  });

  it('defaults to 90 days', () => {
    expect(dso(book, today)).toEqual(dso(book, today, 90));
  });

  it('an empty book has no entries', () => {
    expect(dso([], today).size).toBe(0);
  });
});

describe('shareOver90', () => {
  const today: IsoDate = '2024-05-01';
  const book = [
    invoice({ issue: '2024-01-01', due: '2024-01-31', total: 6_000 }), // 91 days: 90+
    invoice({ issue: '2024-01-01', due: '2024-02-01', total: 4_000, state: 'disputed' }), // 90 days: 61-90
    invoice({ issue: '2024-04-15', due: '2024-05-15', total: 4_000 }), // current
    invoice({ issue: '2023-01-01', due: '2023-01-31', total: 9_000, state: 'written_off' }), // not open
    invoice({ issue: '2023-11-01', due: '2023-12-01', total: 3_000, currency: 'GBP' }), // GBP, all 90+
    invoice({ issue: '2023-11-01', due: '2023-12-01', total: 3_000, currency: 'USD', paid: [['2023-12-01', 3_000]] }), // nothing open
  ];

  it('per currency: 90+ amount over open amount', () => {
    expect(shareOver90(book, today)).toEqual(
      new Map([
        ['EUR', 6_000 / 14_000],
        ['GBP', 1],
      ]),
    );
  });

  it('the disputed 90+ invoice is in the share', () => {
    const disputedOld = invoice({ issue: '2023-01-01', due: '2023-01-31', total: 1_000, state: 'disputed' });
    expect(shareOver90([disputedOld], today).get('EUR')).toBe(1);
  });

  it.each([
    ['nothing open', [invoice({ paid: [['2024-01-31', 10_000]] })]],
    ['an empty book', []],
  ])('%s: an empty map; the scalar form gives null', (_, invoices) => {
    expect(shareOver90(invoices, today).size).toBe(0);
    expect(shareOver90Of(emptyAgingTotals())).toBeNull();
  });
});

describe('properties', () => {
  it('shareOver90 is between 0 and 1 and is the 90+ bucket over the total', () => {
    fc.assert(
      fc.property(arbitraryBook(30, ['EUR', 'GBP']), arbitraryDay, (specs, today) => {
        const book = specs.map((s) => invoice(s));
        const shares = shareOver90(book, today);
        const aging = agingReport(book, today);
        expect([...shares.keys()]).toEqual([...aging.keys()]);
        for (const [currency, share] of shares) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
          const a = aging.get(currency)!;
          expect(share).toBe(a.buckets['90+'].amountMinor / a.total.amountMinor);
        }
      }),
    );
  });

  it('DSO is null or at least 0, and 0 exactly when nothing is owed', () => {
    fc.assert(
      fc.property(arbitraryBook(30), arbitraryDay, fc.integer({ min: 1, max: 365 }), (specs, today, period) => {
        const book = specs.map((s) => invoice(s));
        const value = dso(book, today, period).get('EUR');
        const owed = agingReport(book, today).get('EUR')?.total.amountMinor ?? 0;
        if (value === undefined || value === null) return;
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value === 0).toBe(owed === 0);
      }),
    );
  });
});
