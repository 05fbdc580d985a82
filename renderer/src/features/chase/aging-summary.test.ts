import { describe, expect, it } from 'vitest';
import { invoice } from '@core/lateness/test-invoices';
import { agingSummary, barShares, dsoPeriodStart } from './aging-summary';

const today = '2025-06-30';

describe('agingSummary', () => {
  it('buckets what is open, measures DSO over 90 days and the share over 90, in the business currency', () => {
    const current = invoice({ issue: '2025-06-01', due: '2025-07-01', total: 60_000, currency: 'GBP' });
    const late20 = invoice({ issue: '2025-05-01', due: '2025-06-10', total: 20_000, currency: 'GBP' });
    const late120 = invoice({ issue: '2025-01-01', due: '2025-03-02', total: 20_000, currency: 'GBP' });
    // Sold and paid in the period: sales, not receivables.
    const paid = invoice({ issue: '2025-05-01', due: '2025-05-31', total: 100_000, currency: 'GBP', paid: [['2025-05-31', 100_000]] });
    const euro = invoice({ issue: '2025-06-01', due: '2025-06-02', total: 999, currency: 'EUR' });
    // `current` is in both slices: counted once.
    const summary = agingSummary([current, late20, late120, euro], [current, late20, paid, euro], today, 'GBP');
    expect(summary.totals.total).toEqual({ count: 3, amountMinor: 100_000 });
    expect(summary.totals.buckets['1-30']).toEqual({ count: 1, amountMinor: 20_000 });
    expect(summary.totals.buckets['90+']).toEqual({ count: 1, amountMinor: 20_000 });
    // receivables 100,000 ÷ sales 180,000 × 90 days
    expect(summary.dsoDays).toBeCloseTo(50);
    expect(summary.shareOver90).toBeCloseTo(0.2);
    expect(summary.otherCurrencies).toEqual(['EUR']);
  });

  it('says nothing is open and nothing was sold as nulls', () => {
    const summary = agingSummary([], [], today, 'GBP');
    expect(summary).toMatchObject({ dsoDays: null, shareOver90: null, otherCurrencies: [] });
    expect(barShares(summary.totals)).toEqual([0, 0, 0, 0, 0]);
  });

  it('starts the 90-day period 89 days before today', () => {
    expect(dsoPeriodStart(today)).toBe('2025-04-02');
  });
});
