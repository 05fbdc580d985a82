import { daysBetween } from './dates';
import type { Invoice } from './invoice';
import { sumMinor } from './money';
import type { IsoDate } from './primitives';

/**
 * What an invoice's state is *today*, derived from the ledger (total, payments, credit notes,
 * due date) and the one decision a person stores (draft / issued / disputed / written off).
 * Nothing here is stored: a payment recorded or a day passing changes the answer by itself.
 */

export type InvoiceStatus = 'draft' | 'open' | 'partly_paid' | 'paid' | 'overdue' | 'written_off' | 'disputed';

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  partly_paid: 'Partly paid',
  paid: 'Paid',
  overdue: 'Overdue',
  written_off: 'Written off',
  disputed: 'Disputed',
};

type BalanceFields = Pick<Invoice, 'totalMinor' | 'payments' | 'creditNotes' | 'state'>;
type StatusFields = BalanceFields & Pick<Invoice, 'dueDate'>;

/** Everything paid against the invoice, in minor units. */
export function paidMinor(inv: Pick<Invoice, 'payments'>): number {
  return sumMinor(inv.payments.map((p) => p.amountMinor));
}

/** Everything credited against the invoice by credit notes, in minor units. */
export function creditedMinor(inv: Pick<Invoice, 'creditNotes'>): number {
  return sumMinor(inv.creditNotes.map((c) => c.amountMinor));
}

/**
 * What the customer still owes: total − payments − credits, never below 0 (an overpayment is a
 * credit to refund, not negative debt). A draft has not been sent, so nothing is owed yet; a
 * written-off invoice is money the business has decided not to chase. Both count 0, so neither
 * shows up in "who owes us" or in lateness.
 */
export function openBalanceMinor(inv: BalanceFields): number {
  if (inv.state === 'draft' || inv.state === 'written_off') return 0;
  return Math.max(0, inv.totalMinor - paidMinor(inv) - creditedMinor(inv));
}

/**
 * The status shown on lists, by precedence: draft, written off, paid (nothing left to pay),
 * disputed (a disputed invoice is on hold, not chased, even when past due), overdue (due date
 * before today; due today is not late yet), partly paid, open.
 */
export function invoiceStatus(inv: StatusFields, today: IsoDate): InvoiceStatus {
  if (inv.state === 'draft') return 'draft';
  if (inv.state === 'written_off') return 'written_off';
  if (openBalanceMinor(inv) === 0) return 'paid';
  if (inv.state === 'disputed') return 'disputed';
  if (inv.dueDate < today) return 'overdue';
  if (inv.payments.length > 0) return 'partly_paid';
  return 'open';
}

/** Whole days past the due date for an overdue invoice with money owing; 0 for any other. */
export function daysLate(inv: StatusFields, today: IsoDate): number {
  return invoiceStatus(inv, today) === 'overdue' ? daysBetween(inv.dueDate, today) : 0;
}
