import type { IsoDate } from '../primitives';
import { clearedOn, openBalanceAsOf } from './balance';
import { dayNumber } from './day-number';
import { isReceivable, type InvoiceLedger } from './ledger';

/**
 * How late an invoice is on a given calendar day. `day` is a day in the business's time zone:
 * the caller computes it once with `todayIn(business.timeZone, now)` from core/dates.ts, and
 * from then on everything is whole calendar days, so clock changes cannot shift a count.
 *
 * Partial payments and credit notes lower the balance but not the lateness: as long as any of
 * the invoice is unpaid, the oldest unpaid money has been owed since the due date.
 *
 * Unlike `daysLate` in core/invoice-status.ts (the figure for chasing: 0 for a disputed invoice
 * on hold and for a paid one), this is the calendar fact aging and profiles need: a disputed
 * invoice keeps ageing, and a paid invoice keeps the lateness it was paid with. On an issued
 * invoice with nothing dated after `day`, the two agree whenever it is overdue.
 */

/**
 * Days past due at the end of `day`, never negative.
 * - still owed at the end of `day`: `day − dueDate`, or 0 if that is not positive (due today is
 *   0 days late and not overdue);
 * - cleared on or before `day`: frozen at what it was when the balance reached zero, the date
 *   of the payment or credit note that cleared it minus the due date (0 if cleared by then);
 * - draft, written off, or `day` before the issue date: 0.
 */
export function daysPastDue(inv: InvoiceLedger, day: IsoDate): number {
  if (!isReceivable(inv) || day < inv.issueDate) return 0;
  const until = openBalanceAsOf(inv, day) > 0 ? day : clearedOn(inv, day);
  if (until === null) return 0;
  const late = dayNumber(until) - dayNumber(inv.dueDate);
  return late > 0 ? late : 0;
}

/** Something is still owed at the end of `day` and `day` is after the due date. */
export function isOverdue(inv: InvoiceLedger, day: IsoDate): boolean {
  return day > inv.dueDate && openBalanceAsOf(inv, day) > 0;
}

/**
 * For an invoice cleared on or before `asOf`: days from the due date to the clearing date,
 * signed (negative = paid that many days early, 0 = paid on the due date). Null while still
 * owed, and for drafts and written-off invoices.
 */
export function daysAfterDueAtClearing(inv: InvoiceLedger, asOf: IsoDate): number | null {
  const cleared = clearedOn(inv, asOf);
  return cleared === null ? null : dayNumber(cleared) - dayNumber(inv.dueDate);
}
