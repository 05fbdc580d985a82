import { generateDemoBook } from '@core/demo/generate';
import type { BusinessProfile } from '@core/business';
import type { IsoDate } from '@core/primitives';
import type { BookDb } from '../../db/book-db';
import { importCustomers } from '../../db/customers-repo';
import { importInvoices } from '../../db/invoices-repo';
import { importRatings } from '../../db/ratings-repo';
import { importMembers, importStatusChanges, saveBusinessProfile } from '../../db/book-meta';
import { WriteError } from '../../db/write-error';

export const SAMPLE_PROFILE: BusinessProfile = {
  name: 'Harbour Lane Hardware',
  currency: 'GBP',
  country: 'GB',
  timeZone: 'Europe/London',
  locale: 'en-GB',
};

/**
 * Loads a realistic sample business — a few hundred customers, a couple of thousand invoices
 * over two years, ratings by three team members — through the book's own import path, all in
 * one transaction: it either loads whole or not at all. Returns the team so the caller can
 * choose who is at this PC.
 */
export async function loadSampleBusiness(db: BookDb, today: IsoDate) {
  const book = generateDemoBook({
    seed: 20261123,
    customers: 320,
    invoicesPerCustomer: 7,
    today,
    country: SAMPLE_PROFILE.country,
    currency: SAMPLE_PROFILE.currency,
  });
  await db.transaction('rw', [db.customers, db.invoices, db.ratings, db.statusChanges, db.members, db.meta], async () => {
    const reports = [
      await importMembers(db, book.members),
      await importCustomers(db, book.customers),
      await importInvoices(db, book.invoices),
      await importRatings(db, book.ratings),
      await importStatusChanges(db, book.statusChanges),
    ];
    // Generated data that fails its own schema is a bug: refuse rather than load half a book.
    if (reports.some((r) => r.rejected.length > 0)) {
      throw new WriteError('The sample business did not pass validation, so nothing was loaded.', 'invalid');
    }
    const saved = await saveBusinessProfile(db, SAMPLE_PROFILE);
    if (!saved.ok) throw new WriteError('The sample profile is invalid, so nothing was loaded.', 'invalid');
  });
  return book.members;
}
