import type { IsoDate } from '../primitives';
import { openBalanceAsOf } from './balance';
import { dayNumber, fromDayNumber } from './day-number';
import type { InvoiceLedger } from './ledger';

/**
 * When an open invoice is expected to be paid, from the customer's own habit.
 *
 *   expected = dueDate + the customer's median days late (over their last ≤ 12 paid invoices,
 *              see `medianDaysLate` in payment-profile.ts), or the due date with no history.
 *
 * An unpaid invoice cannot be expected to be paid in the past, so the result is never before
 * `today`:
 * - overdue (today after the due date) and the habit date already behind us: the customer is
 *   later than they usually are, so the next plausible date is after another chase:
 *   `today + OVERDUE_EXPECTATION_DAYS` (one week, a usual reminder cycle). It moves forward
 *   with `today` until the invoice is paid; the basis `'overdue_fallback'` lets the screen say
 *   "overdue, later than usual" rather than present it as a promise.
 * - not yet due, but an early payer's usual day has passed: `today` (they may still pay today).
 */
export const OVERDUE_EXPECTATION_DAYS = 7;

export type ExpectationBasis = 'history' | 'due_date' | 'overdue_fallback';

export interface ExpectedDate {
  readonly date: IsoDate;
  readonly basis: ExpectationBasis;
}

/**
 * The expected payment date of `inv` on `today`; null when nothing is open on it at the end of
 * `today` (paid, draft, written off, or not issued yet). `medianDaysLate` is the customer's
 * median of (clearing date − due date), negative for early payers, or null with no history;
 * a half day rounds to the later day.
 */
export function expectedPaymentDate(inv: InvoiceLedger, today: IsoDate, medianDaysLate: number | null): ExpectedDate | null {
  if (openBalanceAsOf(inv, today) <= 0) return null;
  const todayDay = dayNumber(today);
  const dueDay = dayNumber(inv.dueDate);
  const habitDay = dueDay + (medianDaysLate === null ? 0 : Math.round(medianDaysLate));
  if (habitDay >= todayDay) {
    return { date: fromDayNumber(habitDay), basis: medianDaysLate === null ? 'due_date' : 'history' };
  }
  if (todayDay > dueDay) {
    return { date: fromDayNumber(todayDay + OVERDUE_EXPECTATION_DAYS), basis: 'overdue_fallback' };
  }
  return { date: today, basis: 'history' };
}
