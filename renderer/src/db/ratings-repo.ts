import { z } from 'zod';
import { issuesOf, type Checked } from '@core/field-issues';
import { newId, Id, IsoDate, OptionalText } from '@core/primitives';
import { IncidentTag, PositiveTag, Rating, Scores } from '@core/rating';
import type { BookDb } from './book-db';
import { importRecords, type ImportReport } from './import-records';
import type { ImportOptions } from './customers-repo';
import { parseRows } from './read-validation';
import { guardedWrite } from './write-error';
import type { WriteContext } from './write-context';

/** What the rating form submits; the rater is whoever uses this PC. */
export const RatingInput = z.strictObject({
  customerId: Id,
  date: IsoDate,
  scores: Scores,
  incidents: z.array(IncidentTag),
  positives: z.array(PositiveTag),
  invoiceId: Id.nullable(),
  note: OptionalText(2000),
});
export type RatingInput = z.infer<typeof RatingInput>;

/**
 * Adds one rater's rating as a record of its own. Ratings are append-only: a second opinion
 * is a second record, never an edit of someone else's, so disagreement stays visible.
 */
export async function addRating(db: BookDb, input: unknown, rater: { id: string; name: string }, ctx: WriteContext): Promise<Checked<Rating>> {
  const parsed = RatingInput.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const rating: Rating = {
    id: newId(),
    ...parsed.data,
    incidents: [...new Set(parsed.data.incidents)],
    positives: [...new Set(parsed.data.positives)],
    raterId: rater.id,
    raterName: rater.name,
    createdAt: ctx.now(),
  };
  return guardedWrite('the rating', () =>
    db.transaction('rw', db.ratings, db.customers, db.invoices, async (): Promise<Checked<Rating>> => {
      if (!(await db.customers.get(rating.customerId))) {
        return { ok: false, issues: [{ path: ['customerId'], message: 'This customer no longer exists' }] };
      }
      if (rating.invoiceId !== null) {
        const invoice = await db.invoices.get(rating.invoiceId);
        if (!invoice || invoice.customerId !== rating.customerId) {
          return { ok: false, issues: [{ path: ['invoiceId'], message: "Link one of this customer's own invoices" }] };
        }
      }
      await db.ratings.add(rating);
      return { ok: true, value: rating };
    }),
  );
}

export async function ratingsOfCustomer(db: BookDb, customerId: string): Promise<Rating[]> {
  const rows = await db.ratings.where('customerId').equals(customerId).toArray();
  return parseRows('ratings', Rating, rows).sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}

/** The ratings of several customers at once (one equality range each, as invoicesOfCustomers). */
export async function ratingsOfCustomers(db: BookDb, customerIds: readonly string[]): Promise<Rating[]> {
  const perCustomer = await Promise.all(customerIds.map((id) => db.ratings.where('customerId').equals(id).toArray()));
  return parseRows('ratings', Rating, perCustomer.flat());
}

export function importRatings(db: BookDb, records: readonly unknown[], opts?: ImportOptions): Promise<ImportReport> {
  return importRecords('the imported ratings', db.ratings, Rating, (r) => r, records, { chunkSize: 5000, ...opts });
}
