import Papa from 'papaparse';
import { generateDemoBook } from '@core/demo/generate';
import { minorToDecimalString } from '@core/money';
import { BookDb } from '../db/book-db';
import { SAMPLE_PROFILE } from '../features/demo/load-sample';
import { importInvoicesCsv } from '../features/import/apply-import';
import { systemClock } from '../db/write-context';
import { since } from './progress';

const SCRATCH = 'rateback-bench-csv';

export interface CsvImportBenchResult {
  rows: number;
  invoices: number;
  customers: number;
  /** parse + plan + apply through the app's CSV import, progress bar callback included. */
  appMs: number;
  /** How often the progress callback fired (the bar moves during the import). */
  progressUpdates: number;
  /** One bulkPut each of the same rows the import stored (customers, then invoices), read back. */
  bareMs: number;
}

/**
 * CSV import of `rows` invoice rows (an accounting tool's export: number, customer, e-mail,
 * dates in dd/MM/yyyy, amount, paid) into an empty scratch book through the app's own path,
 * beside a bare bulkPut of the very rows it stored, into another empty book.
 */
export async function benchCsvImport(rows: number): Promise<CsvImportBenchResult> {
  const book = generateDemoBook({ seed: 42, customers: Math.ceil(rows / 3), invoicesPerCustomer: 3, today: '2026-11-23', country: 'GB', currency: 'GBP' });
  const names = new Map(book.customers.map((c) => [c.id, c]));
  const toDmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const records = book.invoices.slice(0, rows).map((inv) => {
    const c = names.get(inv.customerId);
    const paid = inv.payments.reduce((s, p) => s + p.amountMinor, 0);
    return {
      'Invoice No': inv.number,
      Customer: c?.displayName ?? 'Unknown',
      // Every row names its customer's e-mail: generated names repeat, and the import rightly
      // refuses to guess between two customers of one name.
      Email: c?.emails[0] ?? `${inv.customerId.slice(0, 8)}@bench.example`,
      Date: toDmy(inv.issueDate),
      'Due Date': toDmy(inv.dueDate),
      Total: minorToDecimalString(inv.totalMinor, 2),
      Paid: minorToDecimalString(Math.min(paid, inv.totalMinor), 2),
    };
  });
  const csv = Papa.unparse(records);

  await deleteBook(SCRATCH);
  const db = new BookDb(SCRATCH);
  let progressUpdates = 0;
  const t = performance.now();
  const result = await importInvoicesCsv(
    db,
    csv,
    { currency: 'GBP', today: '2026-11-23', mode: 'skip-bad-rows', ctx: { actor: 'Bench', country: SAMPLE_PROFILE.country, locale: SAMPLE_PROFILE.locale, now: systemClock } },
    () => progressUpdates++,
  );
  const appMs = since(t);
  if (result.errors.length > 0) throw new Error(`the CSV bench file had ${result.errors.length} bad rows, first: ${JSON.stringify(result.errors[0])}`);
  const customerRows = await db.customers.toArray();
  const invoiceRows = await db.invoices.toArray();
  db.close();
  await deleteBook(SCRATCH);

  const bare = new BookDb(SCRATCH);
  const b = performance.now();
  await bare.customers.bulkPut(customerRows);
  await bare.invoices.bulkPut(invoiceRows);
  const bareMs = since(b);
  bare.close();
  await deleteBook(SCRATCH);

  return { rows: records.length, invoices: invoiceRows.length, customers: customerRows.length, appMs, progressUpdates, bareMs };
}

async function deleteBook(name: string): Promise<void> {
  await new BookDb(name).delete();
}
