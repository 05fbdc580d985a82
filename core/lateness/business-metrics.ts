import type { CurrencyCode, IsoDate } from '../primitives';
import { agingReport, type AgingTotals } from './aging';
import { openBalanceAsOf } from './balance';
import { dayNumber, fromDayNumber } from './day-number';
import type { BookInvoice } from './ledger';

/**
 * Whole-book measures for the back office. Both are ratios of money, and money is never added
 * across currencies, so each is computed per currency: a map with one entry per currency that
 * has something to measure (a business normally has exactly one: `.get(business.currency)`).
 */

/**
 * Days sales outstanding, the standard formula:
 *
 *   DSO = receivables at the end of `today` ÷ net credit sales in the period × periodDays
 *
 * - period: the `periodDays` calendar days ending with `today`, both ends included
 *   (`today − periodDays + 1` … `today`);
 * - receivables: Σ `openBalanceAsOf(inv, today)` over every invoice, whenever issued
 *   (drafts and written-off invoices are 0);
 * - net credit sales: Σ totals of the invoices issued in the period (written-off ones too: the
 *   sale happened, the write-off is a loss, not a smaller sale), minus Σ credit notes dated in
 *   the period on any non-draft invoice. Every issued invoice counts as a credit sale; the book
 *   does not tell cash sales apart, and an invoice paid the day it is issued lowers DSO, as it
 *   should.
 *
 * The value for a currency is null when its net credit sales in the period are 0 or less (the
 * ratio means nothing then); a currency with neither sales nor receivables has no entry.
 * Throws a RangeError unless periodDays is a positive integer.
 */
export function dso(invoices: readonly BookInvoice[], today: IsoDate, periodDays = 90): ReadonlyMap<CurrencyCode, number | null> {
  assertPeriod(periodDays);
  const firstDay = fromDayNumber(dayNumber(today) - periodDays + 1);
  const sums = new Map<CurrencyCode, { receivables: number; sales: number }>();
  for (const inv of invoices) {
    if (inv.state === 'draft') continue;
    let sales = inv.issueDate >= firstDay && inv.issueDate <= today ? inv.totalMinor : 0;
    for (const c of inv.creditNotes) if (c.date >= firstDay && c.date <= today) sales -= c.amountMinor;
    const receivables = openBalanceAsOf(inv, today);
    if (sales === 0 && receivables === 0) continue;
    const sum = sums.get(inv.currency);
    if (sum === undefined) sums.set(inv.currency, { receivables, sales });
    else {
      sum.receivables += receivables;
      sum.sales += sales;
    }
  }
  const result = new Map<CurrencyCode, number | null>();
  for (const currency of [...sums.keys()].sort()) {
    const { receivables, sales } = sums.get(currency)!;
    result.set(currency, dsoFromTotals(receivables, sales, periodDays));
  }
  return result;
}

/** The DSO formula on totals already in one currency: null when sales are 0 or less. */
export function dsoFromTotals(receivablesMinor: number, creditSalesMinor: number, periodDays: number): number | null {
  assertPeriod(periodDays);
  return creditSalesMinor > 0 ? (receivablesMinor / creditSalesMinor) * periodDays : null;
}

/**
 * Share of open receivables (by amount) in the 90+ aging bucket on `today` — more than 90 days
 * past due, disputed invoices included — per currency, between 0 and 1. A currency with
 * nothing open has no entry, so nothing open anywhere is an empty map.
 */
export function shareOver90(invoices: readonly BookInvoice[], today: IsoDate): ReadonlyMap<CurrencyCode, number> {
  const result = new Map<CurrencyCode, number>();
  for (const [currency, aging] of agingReport(invoices, today)) {
    const share = shareOver90Of(aging);
    if (share !== null) result.set(currency, share);
  }
  return result;
}

/** 90+ amount ÷ total open amount of one currency's aging; null when nothing is open. */
export function shareOver90Of(totals: AgingTotals): number | null {
  const open = totals.total.amountMinor;
  return open > 0 ? totals.buckets['90+'].amountMinor / open : null;
}

function assertPeriod(periodDays: number): void {
  if (!Number.isSafeInteger(periodDays) || periodDays < 1) {
    throw new RangeError(`periodDays must be a positive whole number of days, not ${periodDays}`);
  }
}
