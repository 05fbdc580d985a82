import { z } from 'zod';
import { CurrencyCode, Id, IsoDate, IsoInstant, MinorUnits, NonEmptyText, OptionalText } from './primitives';

export const PaymentMethod = z.enum(['cash', 'card', 'bank_transfer', 'cheque', 'other']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** Payments are append-only records in the invoice's currency. */
export const Payment = z.strictObject({
  id: Id,
  date: IsoDate,
  amountMinor: MinorUnits.positive(),
  method: PaymentMethod,
  recordedBy: OptionalText(120),
  recordedAt: IsoInstant,
});
export type Payment = z.infer<typeof Payment>;

export const CreditNote = z.strictObject({
  id: Id,
  date: IsoDate,
  amountMinor: MinorUnits.positive(),
  reason: OptionalText(500),
});
export type CreditNote = z.infer<typeof CreditNote>;

/**
 * What a person decides about an invoice. Everything else about its state (open, partly paid,
 * paid, overdue) is derived from dates and payments in core/invoice-status.ts, never stored.
 */
export const InvoiceState = z.enum(['draft', 'issued', 'disputed', 'written_off']);
export type InvoiceState = z.infer<typeof InvoiceState>;

export const Invoice = z
  .strictObject({
    id: Id,
    number: NonEmptyText(40),
    customerId: Id,
    issueDate: IsoDate,
    dueDate: IsoDate,
    currency: CurrencyCode,
    totalMinor: MinorUnits.nonnegative(),
    state: InvoiceState,
    payments: z.array(Payment).max(1000),
    creditNotes: z.array(CreditNote).max(100),
    notes: OptionalText(2000),
    createdAt: IsoInstant,
    updatedAt: IsoInstant,
  })
  .refine((inv) => inv.dueDate >= inv.issueDate, {
    message: 'The due date cannot be before the issue date',
    path: ['dueDate'],
  });
export type Invoice = z.infer<typeof Invoice>;
