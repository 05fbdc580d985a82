import type { CurrencyCode, Id, IsoDate } from '../primitives';
import { clearedOn, openBalanceAsOf, paidMinorAsOf } from './balance';
import { dayNumber } from './day-number';
import { expectedPaymentDate, type ExpectationBasis } from './expected-payment';
import type { BookInvoice } from './ledger';
import { paymentGrade, paymentPhrase, type PaymentGrade } from './payment-grade';

/**
 * How one customer pays, from their invoices in the book, on `today` (a day in the business's
 * time zone). Which invoices to look at is the caller's choice: pass the last 12 months rather
 * than everything if a customer who pays on time again should recover quickly.
 *
 * What counts, per invoice, as of the end of `today`:
 * - paid: its balance reached zero on or before `today` and the customer paid something
 *   (Σ payments > 0; an invoice cancelled entirely by credit notes says nothing about paying).
 *   Days late = clearing date − due date, signed (negative = early).
 *   Weight = what the customer paid on it, capped at the total.
 * - open and overdue (today after the due date): days late = today − due date, weight = the
 *   open balance. It is late by at least that much already.
 * - open and not yet due (due today included): left out; nothing has happened yet.
 * - disputed and open: left out of lateness and the grade (a dispute is not a late payment
 *   until it is resolved), counted in `disputedOpenCount`, and still given an expected date.
 * - written off: left out (the book keeps no write-off date to measure it by), counted in
 *   `writtenOffCount`.
 * - drafts and invoices issued after `today`: ignored.
 *
 * weightedDaysLate = Σ weight × days late ÷ Σ weight, over paid and open overdue invoices.
 * Weights are money, and money is never added across currencies: the average uses the
 * customer's main currency only (the one with the most counted invoices; on a tie, the first
 * code alphabetically), named in `weightCurrency`; invoices counted in other currencies are
 * reported in `otherCurrencyCount`. Everything not weighted by money (days to pay, the median,
 * expected dates, the 90-day rule) uses every currency.
 *
 * averageDaysToPay = mean of (clearing date − issue date) over paid invoices.
 * medianDaysLate = median of the signed days late of the last ≤ 12 paid invoices (latest
 * clearing dates first); with an even count, the mean of the two middle values.
 */
export const EXPECTED_HISTORY_SIZE = 12;

export interface ExpectedPayment {
  readonly invoiceId: Id;
  readonly currency: CurrencyCode;
  readonly dueDate: IsoDate;
  /** Open balance at the end of `today`. */
  readonly openMinor: number;
  readonly disputed: boolean;
  readonly expectedDate: IsoDate;
  readonly basis: ExpectationBasis;
}

export interface CustomerPaymentProfile {
  /** Amount-weighted days late (negative = early); null with no history. */
  readonly weightedDaysLate: number | null;
  /** The currency whose amounts weight `weightedDaysLate`; null with no history. */
  readonly weightCurrency: CurrencyCode | null;
  /** Mean days from issue to clearing over paid invoices; null when none is paid. */
  readonly averageDaysToPay: number | null;
  /** Median signed days late over the last ≤ 12 paid invoices; null when none is paid. */
  readonly medianDaysLate: number | null;
  readonly grade: PaymentGrade | null;
  readonly phrase: string | null;
  readonly paidCount: number;
  readonly overdueOpenCount: number;
  /** Days past due of the most overdue open, undisputed invoice today; 0 when none is overdue. */
  readonly maxDaysOverdueNow: number;
  readonly disputedOpenCount: number;
  readonly writtenOffCount: number;
  /** Paid or overdue invoices left out of `weightedDaysLate` for being in another currency. */
  readonly otherCurrencyCount: number;
  /** One entry per invoice open at the end of `today`, in the order given. */
  readonly expected: readonly ExpectedPayment[];
}

interface Paid {
  readonly clearedDay: number;
  readonly daysAfterDue: number;
}

interface Weighing {
  count: number;
  weight: number;
  weightedDays: number;
}

/** Throws if the invoices belong to more than one customer. */
export function customerPaymentProfile(invoices: readonly BookInvoice[], today: IsoDate): CustomerPaymentProfile {
  const customerId = invoices[0]?.customerId;
  if (invoices.some((inv) => inv.customerId !== customerId)) {
    throw new Error('customerPaymentProfile takes the invoices of a single customer');
  }
  const todayDay = dayNumber(today);
  const paid: Paid[] = [];
  const weighings = new Map<CurrencyCode, Weighing>();
  let daysToPaySum = 0;
  let overdueOpenCount = 0;
  let maxDaysOverdueNow = 0;
  let disputedOpenCount = 0;
  let writtenOffCount = 0;

  const weigh = (currency: CurrencyCode, weight: number, days: number) => {
    let w = weighings.get(currency);
    if (w === undefined) {
      w = { count: 0, weight: 0, weightedDays: 0 };
      weighings.set(currency, w);
    }
    w.count += 1;
    w.weight += weight;
    w.weightedDays += weight * days;
  };

  for (const inv of invoices) {
    if (inv.state === 'written_off') {
      writtenOffCount += 1;
      continue;
    }
    if (inv.state === 'draft' || today < inv.issueDate) continue;
    const dueDay = dayNumber(inv.dueDate);
    const open = openBalanceAsOf(inv, today);
    if (open > 0) {
      if (inv.state === 'disputed') {
        disputedOpenCount += 1;
        continue;
      }
      const late = todayDay - dueDay;
      if (late <= 0) continue;
      overdueOpenCount += 1;
      if (late > maxDaysOverdueNow) maxDaysOverdueNow = late;
      weigh(inv.currency, open, late);
      continue;
    }
    const paidMinor = Math.min(inv.totalMinor, paidMinorAsOf(inv, today));
    const cleared = clearedOn(inv, today);
    if (paidMinor <= 0 || cleared === null) continue;
    const clearedDay = dayNumber(cleared);
    paid.push({ clearedDay, daysAfterDue: clearedDay - dueDay });
    daysToPaySum += clearedDay - dayNumber(inv.issueDate);
    weigh(inv.currency, paidMinor, clearedDay - dueDay);
  }

  const main = mainCurrency(weighings);
  const mainWeighing = main === null ? undefined : weighings.get(main);
  const weightedDaysLate = mainWeighing === undefined ? null : mainWeighing.weightedDays / mainWeighing.weight;
  let otherCurrencyCount = 0;
  for (const [currency, w] of weighings) if (currency !== main) otherCurrencyCount += w.count;

  const medianDaysLate = recentMedian(paid);
  const expected: ExpectedPayment[] = [];
  for (const inv of invoices) {
    const e = expectedPaymentDate(inv, today, medianDaysLate);
    if (e === null) continue;
    expected.push({
      invoiceId: inv.id,
      currency: inv.currency,
      dueDate: inv.dueDate,
      openMinor: openBalanceAsOf(inv, today),
      disputed: inv.state === 'disputed',
      expectedDate: e.date,
      basis: e.basis,
    });
  }

  return {
    weightedDaysLate,
    weightCurrency: main,
    averageDaysToPay: paid.length === 0 ? null : daysToPaySum / paid.length,
    medianDaysLate,
    grade: paymentGrade(weightedDaysLate, maxDaysOverdueNow),
    phrase: paymentPhrase(weightedDaysLate),
    paidCount: paid.length,
    overdueOpenCount,
    maxDaysOverdueNow,
    disputedOpenCount,
    writtenOffCount,
    otherCurrencyCount,
    expected,
  };
}

function mainCurrency(weighings: ReadonlyMap<CurrencyCode, Weighing>): CurrencyCode | null {
  let best: CurrencyCode | null = null;
  let bestCount = 0;
  for (const [currency, w] of weighings) {
    if (w.count > bestCount || (w.count === bestCount && best !== null && currency < best)) {
      best = currency;
      bestCount = w.count;
    }
  }
  return best;
}

/**
 * Median signed days late of the EXPECTED_HISTORY_SIZE most recently cleared invoices. Of two
 * cleared the same day, the one due later (fewer days late) is the more recent.
 */
function recentMedian(paid: readonly Paid[]): number | null {
  if (paid.length === 0) return null;
  const recent = [...paid]
    .sort((a, b) => b.clearedDay - a.clearedDay || a.daysAfterDue - b.daysAfterDue)
    .slice(0, EXPECTED_HISTORY_SIZE)
    .map((p) => p.daysAfterDue)
    .sort((a, b) => a - b);
  const mid = recent.length >> 1;
  return recent.length % 2 === 1 ? recent[mid]! : (recent[mid - 1]! + recent[mid]!) / 2;
}
