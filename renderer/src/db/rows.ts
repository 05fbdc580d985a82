import { z } from 'zod';
import { Customer } from '@core/customer';
import { Invoice } from '@core/invoice';

/**
 * What IndexedDB holds beside the domain records: index keys the book derives on every write
 * and never reads as truth. They exist only so the counter and the lists can use an index.
 */

/** A customer row: the customer plus its search tokens and its sort key. */
export const CustomerRow = z.strictObject({
  ...Customer.shape,
  /** Multi-entry index: folded name words, phone digit suffixes, e-mails, tax id. */
  tokens: z.array(z.string()),
  /** Folded display name, for sorting the customer list. */
  nameKey: z.string(),
});
export type CustomerRow = z.infer<typeof CustomerRow>;

/**
 * An invoice row: the invoice plus two index keys.
 * - numberKey: the number upper-cased, so the counter finds "inv-20" as "INV-20…".
 * - openDueDate: the due date while money is still owed on an issued or disputed invoice;
 *   absent otherwise, so IndexedDB leaves the row out of that index and "open" and "overdue"
 *   lists read only the invoices that matter. Recomputed from payments on every write.
 */
export const InvoiceRow = z.strictObject({
  ...Invoice.shape,
  numberKey: z.string(),
  openDueDate: z.string().optional(),
});
export type InvoiceRow = z.infer<typeof InvoiceRow>;
