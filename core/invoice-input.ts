import { z } from 'zod';
import { CurrencyCode, Id, IsoDate, MinorUnits, NonEmptyText, OptionalText } from './primitives';
import { InvoiceState, PaymentMethod } from './invoice';

/**
 * What the invoice form and importers hand to the book. Money arrives already parsed into
 * minor units (core/money.ts parseMoney), so nothing here ever sees a float.
 */
export const InvoiceInput = z
  .strictObject({
    number: NonEmptyText(40),
    customerId: Id,
    issueDate: IsoDate,
    dueDate: IsoDate,
    currency: CurrencyCode,
    totalMinor: MinorUnits.nonnegative(),
    state: InvoiceState.exclude(['written_off']),
    notes: OptionalText(2000),
  })
  .refine((inv) => inv.dueDate >= inv.issueDate, {
    message: 'The due date cannot be before the issue date',
    path: ['dueDate'],
  });
export type InvoiceInput = z.infer<typeof InvoiceInput>;

export const PaymentInput = z.strictObject({
  date: IsoDate,
  amountMinor: MinorUnits.positive('Enter an amount above zero'),
  method: PaymentMethod,
});
export type PaymentInput = z.infer<typeof PaymentInput>;

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Cash',
  card: 'Card',
  bank_transfer: 'Bank transfer',
  cheque: 'Cheque',
  other: 'Other',
};
