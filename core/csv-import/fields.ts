/**
 * What a CSV column can be mapped to. An accounting tool's export has its own column names and
 * order; a mapping says, for each field the book needs, which column (0-based) holds it, or
 * null when the file has no such column. Optional fields left unmapped get the defaults
 * documented beside them here.
 */

export type ImportKind = 'invoices' | 'payments';

export const INVOICE_FIELDS = [
  'number',
  'customerName',
  'customerEmail',
  'issueDate',
  'dueDate',
  'currency',
  'amount',
  'paid',
  'paidDate',
  'status',
  'description',
] as const;
export type InvoiceField = (typeof INVOICE_FIELDS)[number];

export const PAYMENT_FIELDS = ['number', 'date', 'amount', 'method', 'reference'] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

export type ColumnMapping<F extends string> = Readonly<Record<F, number | null>>;
export type InvoiceMapping = ColumnMapping<InvoiceField>;
export type PaymentMapping = ColumnMapping<PaymentField>;

export interface FieldInfo {
  readonly label: string;
  readonly required: boolean;
  /** What happens when the column is left out, shown under the choice. */
  readonly whenMissing: string;
}

/** Days from issue to due when the file has no due date: the most common payment term. */
export const DEFAULT_DUE_DAYS = 30;

export const INVOICE_FIELD_INFO: Readonly<Record<InvoiceField, FieldInfo>> = {
  number: { label: 'Invoice number', required: true, whenMissing: 'Required' },
  customerName: { label: 'Customer name', required: true, whenMissing: 'Required' },
  customerEmail: {
    label: 'Customer e-mail',
    required: false,
    whenMissing: 'Customers are matched by name only',
  },
  issueDate: { label: 'Issue date', required: true, whenMissing: 'Required' },
  dueDate: {
    label: 'Due date',
    required: false,
    whenMissing: `Due ${DEFAULT_DUE_DAYS} days after the issue date`,
  },
  currency: { label: 'Currency', required: false, whenMissing: "The business's own currency" },
  amount: { label: 'Amount', required: true, whenMissing: 'Required' },
  paid: { label: 'Amount paid', required: false, whenMissing: 'Nothing recorded as paid' },
  paidDate: {
    label: 'Paid on',
    required: false,
    whenMissing: 'A paid amount counts as paid on the due date (or today, if that is earlier)',
  },
  status: { label: 'Status', required: false, whenMissing: 'Every invoice is issued' },
  description: { label: 'Description', required: false, whenMissing: 'No notes' },
};

export const PAYMENT_FIELD_INFO: Readonly<Record<PaymentField, FieldInfo>> = {
  number: { label: 'Invoice number', required: true, whenMissing: 'Required' },
  date: { label: 'Payment date', required: true, whenMissing: 'Required' },
  amount: { label: 'Amount', required: true, whenMissing: 'Required' },
  method: { label: 'Method', required: false, whenMissing: 'Recorded as "Other"' },
  reference: {
    label: 'Reference',
    required: false,
    whenMissing: 'Not needed: the book does not store payment references',
  },
};

export function emptyInvoiceMapping(): Record<InvoiceField, number | null> {
  return Object.fromEntries(INVOICE_FIELDS.map((f) => [f, null])) as Record<InvoiceField, number | null>;
}

export function emptyPaymentMapping(): Record<PaymentField, number | null> {
  return Object.fromEntries(PAYMENT_FIELDS.map((f) => [f, null])) as Record<PaymentField, number | null>;
}
