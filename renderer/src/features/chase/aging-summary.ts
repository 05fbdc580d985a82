import {
  AGING_BUCKETS,
  agingReport,
  dayNumber,
  dso,
  emptyAgingTotals,
  fromDayNumber,
  shareOver90Of,
  type AgingTotals,
  type BookInvoice,
} from '@core/lateness';
import type { IsoDate } from '@core/primitives';

/**
 * The Chase screen's headline numbers for the business currency, from the book:
 *
 * - aging: open balances by bucket on `today` (core/lateness `agingReport`);
 * - DSO over the last `DSO_PERIOD_DAYS` days (core/lateness `dso`);
 * - the share of open receivables more than 90 days past due.
 *
 * The caller passes two slices of the book rather than all of it: every invoice with money
 * owed (the sparse `openDueDate` index) and every invoice issued in the DSO period (the
 * `issueDate` index). Together they hold everything DSO reads, except credit notes dated in
 * the period on invoices issued before it and already settled: those would lower the period's
 * sales a little; leaving them out errs towards a slightly lower DSO and costs no full scan.
 */
export const DSO_PERIOD_DAYS = 90;

export interface AgingSummary {
  currency: string;
  totals: AgingTotals;
  /** Days, or null when nothing was sold in the period. */
  dsoDays: number | null;
  /** 0–1 of the open amount, or null when nothing is open. */
  shareOver90: number | null;
  /** Other currencies with money owed: not in these numbers, since amounts never mix. */
  otherCurrencies: string[];
}

/** The first day of the DSO period ending with `today` (both ends included). */
export function dsoPeriodStart(today: IsoDate): IsoDate {
  return fromDayNumber(dayNumber(today) - DSO_PERIOD_DAYS + 1);
}

export function agingSummary(
  open: readonly BookInvoice[],
  issuedInPeriod: readonly BookInvoice[],
  today: IsoDate,
  currency: string,
): AgingSummary {
  const byId = new Map<string, BookInvoice>();
  for (const inv of open) byId.set(inv.id, inv);
  for (const inv of issuedInPeriod) byId.set(inv.id, inv);
  const all = [...byId.values()];
  const report = agingReport(all, today);
  const totals = report.get(currency) ?? emptyAgingTotals();
  return {
    currency,
    totals,
    dsoDays: dso(all, today, DSO_PERIOD_DAYS).get(currency) ?? null,
    shareOver90: shareOver90Of(totals),
    otherCurrencies: [...report.keys()].filter((c) => c !== currency),
  };
}

/** Each bucket's bar length as a share (0–1) of the largest bucket's amount. */
export function barShares(totals: AgingTotals): number[] {
  const amounts = AGING_BUCKETS.map((b) => totals.buckets[b].amountMinor);
  const max = Math.max(0, ...amounts);
  return amounts.map((a) => (max > 0 ? a / max : 0));
}
