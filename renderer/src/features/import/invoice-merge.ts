import type { PlannedInvoice } from '@core/csv-import';
import { Invoice, type Payment } from '@core/invoice';
import { creditedMinor, paidMinor } from '@core/invoice-status';
import { formatMoney } from '@core/money';
import { newId, type IsoInstant } from '@core/primitives';
import { toInvoiceRow } from '../../db/invoices-repo';
import type { InvoiceRow } from '../../db/rows';

export type InvoiceDecision =
  | { kind: 'create'; row: InvoiceRow }
  | { kind: 'update'; row: InvoiceRow }
  | { kind: 'unchanged' }
  | { kind: 'error'; field: 'amount' | 'currency' | 'paid' | 'number'; message: string };

export interface Stamp {
  readonly now: IsoInstant;
  readonly actor: string;
  readonly locale: string;
}

/**
 * What importing one planned invoice does to the book, given the invoice already stored under
 * its number (if any) and the customer it belongs to.
 *
 * The imported fields are the customer, the dates, the currency, the total, the state (when
 * the file has a status column) and the amount paid (when it has one). Notes are filled from
 * the file's description only while the book's are empty: they are where people type, and an
 * import must never overwrite that. Payments already recorded are always kept; a paid amount
 * in the file above what the book has recorded becomes one more payment of the difference, so
 * importing the same file again adds nothing.
 */
export function decideInvoice(planned: PlannedInvoice, existing: Invoice | undefined, customerId: string, stamp: Stamp): InvoiceDecision {
  if (existing === undefined) {
    const invoice: Invoice = {
      id: newId(),
      number: planned.number,
      customerId,
      issueDate: planned.issueDate,
      dueDate: planned.dueDate,
      currency: planned.currency,
      totalMinor: planned.totalMinor,
      state: planned.state ?? 'issued',
      payments: planned.paid === null ? [] : [payment(planned.paid.date, planned.paid.amountMinor, stamp)],
      creditNotes: [],
      notes: planned.notes ?? '',
      createdAt: stamp.now,
      updatedAt: stamp.now,
    };
    return checked('create', invoice);
  }

  const paid = paidMinor(existing);
  const settled = paid + creditedMinor(existing);
  if (planned.currency !== existing.currency && settled > 0) {
    return { kind: 'error', field: 'currency', message: `Invoice ${existing.number} is in ${existing.currency} in the book and has payments or credits recorded; its currency cannot change to ${planned.currency}` };
  }
  if (planned.totalMinor < settled) {
    const owed = (m: number) => formatMoney(m, existing.currency, stamp.locale);
    return { kind: 'error', field: 'amount', message: `The total ${owed(planned.totalMinor)} is less than the ${owed(settled)} already paid or credited on invoice ${existing.number} in the book` };
  }
  const topUp = planned.paid === null ? 0 : planned.paid.amountMinor - paid;
  if (topUp > 0 && topUp > planned.totalMinor - settled) {
    return { kind: 'error', field: 'paid', message: `Invoice ${existing.number} has credits recorded in the book, so the amount paid in the file is more than was owed` };
  }
  const next: Invoice = {
    ...existing,
    customerId,
    issueDate: planned.issueDate,
    dueDate: planned.dueDate,
    currency: planned.currency,
    totalMinor: planned.totalMinor,
    state: planned.state ?? existing.state,
    notes: existing.notes === '' && planned.notes !== null ? planned.notes : existing.notes,
    payments: topUp > 0 && planned.paid !== null ? [...existing.payments, payment(planned.paid.date, topUp, stamp)] : existing.payments,
  };
  if (sameImportedFields(existing, next)) return { kind: 'unchanged' };
  return checked('update', { ...next, updatedAt: stamp.now });
}

function sameImportedFields(a: Invoice, b: Invoice): boolean {
  return (
    a.customerId === b.customerId &&
    a.issueDate === b.issueDate &&
    a.dueDate === b.dueDate &&
    a.currency === b.currency &&
    a.totalMinor === b.totalMinor &&
    a.state === b.state &&
    a.notes === b.notes &&
    a.payments.length === b.payments.length
  );
}

function payment(date: string, amountMinor: number, stamp: Stamp): Payment {
  return { id: newId(), date, amountMinor, method: 'other', recordedBy: stamp.actor, recordedAt: stamp.now };
}

/** Every record is checked against the book's schema before it is written, as importRecords does. */
function checked(kind: 'create' | 'update', invoice: Invoice): InvoiceDecision {
  const parsed = Invoice.safeParse(invoice);
  if (parsed.success) return { kind, row: toInvoiceRow(parsed.data) };
  const issue = parsed.error.issues[0];
  return { kind: 'error', field: 'number', message: `Invoice ${invoice.number} cannot be stored: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() };
}
