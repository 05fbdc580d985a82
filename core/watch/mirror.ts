import { z } from 'zod';
import { Email } from '../customer';
import { CurrencyCode, Id, IsoDate, IsoInstant, MinorUnits, NonEmptyText, OptionalText } from '../primitives';

/**
 * The watch's copy of the book: just what chasing and alerts need. The book itself lives in the
 * renderer's IndexedDB; the renderer sends this mirror (a full snapshot at start, then deltas),
 * so the main process can keep chasing with the window hidden or closed.
 *
 * Only invoices with money owed are sent (issued or disputed, open balance > 0), and only
 * customers that have such invoices or a status other than `ok`.
 */

export const WatchStatus = z.enum(['ok', 'watch', 'blacklisted']);
export type WatchStatus = z.infer<typeof WatchStatus>;

export const MirrorCustomer = z.strictObject({
  id: Id,
  name: NonEmptyText(200),
  emails: z.array(Email).max(10),
  status: WatchStatus,
  statusReason: OptionalText(500),
  statusSetBy: OptionalText(120),
  statusSetAt: IsoInstant,
});
export type MirrorCustomer = z.infer<typeof MirrorCustomer>;

export const MirrorInvoice = z
  .strictObject({
    id: Id,
    customerId: Id,
    number: NonEmptyText(40),
    currency: CurrencyCode,
    issueDate: IsoDate,
    dueDate: IsoDate,
    totalMinor: MinorUnits.nonnegative(),
    /** What is still owed; a paid-off invoice is removed from the mirror, never sent with 0. */
    openMinor: MinorUnits.positive(),
    disputed: z.boolean(),
  })
  .refine((inv) => inv.dueDate >= inv.issueDate, { message: 'The due date cannot be before the issue date', path: ['dueDate'] });
export type MirrorInvoice = z.infer<typeof MirrorInvoice>;

/**
 * Rows per `watch.mirror.replace` / `watch.mirror.delta` call. 2,000 invoice rows are about
 * 600 kB of JSON, under the web host's 1 MB body limit with room for long names.
 */
export const MAX_MIRROR_ROWS_PER_CALL = 2_000;

/**
 * Of those, customers per call. A customer row can reach 3.5 kB (ten long emails, a 500-character
 * reason), so 250 of them are the most that surely fit in 1 MB; invoices are bounded (~300 B).
 */
export const MAX_MIRROR_CUSTOMERS_PER_CALL = 250;

/** A customer flagged at the counter: alerts fire when they are opened or invoiced. */
export function isFlagged(status: WatchStatus): boolean {
  return status !== 'ok';
}
