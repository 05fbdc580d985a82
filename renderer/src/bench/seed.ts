import type { ImportReport } from '../db/import-records';
import { BookDb } from '../db/book-db';
import { importCustomers } from '../db/customers-repo';
import { importInvoices } from '../db/invoices-repo';
import { importRatings } from '../db/ratings-repo';
import { importMembers, importStatusChanges, saveBusinessProfile } from '../db/book-meta';
import { SAMPLE_PROFILE } from '../features/demo/load-sample';
import { demoChunks } from './demo-chunks';
import { progress, since } from './progress';
import type { SeedOptions, SeedResult } from './types';

function expectClean(what: string, report: ImportReport): number {
  const first = report.rejected[0];
  if (first) throw new Error(`${report.rejected.length} generated ${what} failed validation, e.g. #${first.index}: ${first.issues.join('; ')}`);
  return report.imported;
}

/**
 * Seeds the app's own book ('rateback-book') through the app's import path — the same
 * importCustomers / importInvoices / … the "load sample business" button uses — so the real
 * app opens on it afterwards. Only the customer and invoice imports are timed.
 */
export async function seed(opts: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const db = new BookDb();
  await db.open();
  try {
    if ((await db.customers.count()) > 0) throw new Error('The book is not empty: the benchmark needs a fresh browser profile.');
    const result: SeedResult = {
      customers: 0,
      invoices: 0,
      ratings: 0,
      statusChanges: 0,
      members: 0,
      customersMs: 0,
      invoicesMs: 0,
      generateMs: 0,
      totalMs: 0,
    };
    const chunks = demoChunks(opts, opts.chunkCustomers);
    for (;;) {
      let t = performance.now();
      const next = chunks.next();
      if (next.done) break;
      const book = next.value;
      result.generateMs += since(t);

      result.members += expectClean('members', await importMembers(db, book.members));
      t = performance.now();
      result.customers += expectClean('customers', await importCustomers(db, book.customers));
      result.customersMs += since(t);
      t = performance.now();
      result.invoices += expectClean('invoices', await importInvoices(db, book.invoices));
      result.invoicesMs += since(t);
      result.ratings += expectClean('ratings', await importRatings(db, book.ratings));
      result.statusChanges += expectClean('status changes', await importStatusChanges(db, book.statusChanges));
      progress(`seeded ${result.customers} customers, ${result.invoices} invoices (${(since(started) / 1000).toFixed(0)} s)`);
    }
    const saved = await saveBusinessProfile(db, SAMPLE_PROFILE);
    if (!saved.ok) throw new Error('SAMPLE_PROFILE failed validation');

    // Distinct seeds must give distinct ids: a collision would silently overwrite a row.
    const [customers, invoices] = await Promise.all([db.customers.count(), db.invoices.count()]);
    if (customers !== result.customers || invoices !== result.invoices) {
      throw new Error(`Stored ${customers} customers / ${invoices} invoices but imported ${result.customers} / ${result.invoices}: ids collided`);
    }
    result.totalMs = since(started);
    return result;
  } finally {
    db.close();
  }
}
