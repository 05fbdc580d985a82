import type { IsoDate } from '../primitives';
import { isReceivable, type InvoiceLedger, type Settlement } from './ledger';

/**
 * Balances as they stood at the end of a given calendar day, for history, aging on a past day
 * and DSO. Settlements (payments and credit notes) count from the day they are dated, so a
 * payment dated after `day` is not yet in the balance even if it is already in the book.
 *
 * ISO days compare correctly as strings, so nothing here parses a date or allocates: these run
 * once per invoice in the aging and DSO loops.
 */

/** Σ of payments and credit notes dated on or before `day`. */
export function settledMinorAsOf(inv: InvoiceLedger, day: IsoDate): number {
  return sumAsOf(inv.payments, day) + sumAsOf(inv.creditNotes, day);
}

/** Σ of payments (only) dated on or before `day`. */
export function paidMinorAsOf(inv: InvoiceLedger, day: IsoDate): number {
  return sumAsOf(inv.payments, day);
}

/**
 * What was still owed on the invoice at the end of `day`: total − payments − credit notes
 * dated on or before `day`, floored at 0 (an overpayment is not a negative debt).
 *
 * 0 for a draft or a written-off invoice, matching `openBalanceMinor`. The book keeps no
 * write-off date, so a written-off invoice drops out of every past day too: history is as the
 * book stands now, with settlements placed on their own dates.
 * 0 before the issue date: nothing was owed on an invoice that had not been issued yet.
 */
export function openBalanceAsOf(inv: InvoiceLedger, day: IsoDate): number {
  if (!isReceivable(inv) || day < inv.issueDate) return 0;
  const open = inv.totalMinor - settledMinorAsOf(inv, day);
  return open > 0 ? open : 0;
}

/**
 * The day the balance reached zero, looking only at settlements dated on or before `asOf`;
 * null while something is still owed at the end of `asOf`, and for drafts, written-off
 * invoices, and days before the issue date.
 *
 * That day is the date of the payment (or credit note) that cleared the balance. An invoice
 * settled in advance (a deposit dated before the issue date) or with a zero total is cleared on
 * its issue date: a balance exists only from the issue date on.
 */
export function clearedOn(inv: InvoiceLedger, asOf: IsoDate): IsoDate | null {
  if (!isReceivable(inv) || asOf < inv.issueDate) return null;
  if (inv.totalMinor <= 0) return inv.issueDate;
  if (settledMinorAsOf(inv, asOf) < inv.totalMinor) return null;
  // Settlements are stored in the order they were recorded, not by date. Rather than copy and
  // sort them, try each settlement's date as the candidate and keep the earliest one by which
  // the total was covered: no allocation, and an invoice rarely has more than a few payments
  // (the schema caps them at 1,100, which is still about a million additions, once).
  let best: IsoDate = asOf;
  best = earliestCovering(inv, inv.payments, asOf, best);
  best = earliestCovering(inv, inv.creditNotes, asOf, best);
  return best < inv.issueDate ? inv.issueDate : best;
}

function earliestCovering(inv: InvoiceLedger, list: readonly Settlement[], asOf: IsoDate, best: IsoDate): IsoDate {
  for (let i = 0; i < list.length; i++) {
    const date = list[i]!.date;
    if (date <= asOf && date < best && settledMinorAsOf(inv, date) >= inv.totalMinor) best = date;
  }
  return best;
}

function sumAsOf(list: readonly Settlement[], day: IsoDate): number {
  let sum = 0;
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    if (s.date <= day) sum += s.amountMinor;
  }
  return sum;
}
