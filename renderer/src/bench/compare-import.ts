import Dexie from 'dexie';
import { Customer } from '@core/customer';
import { generateDemoBook } from '@core/demo/generate';
import { Invoice } from '@core/invoice';
import { BookDb } from '../db/book-db';
import { importCustomers, toCustomerRow } from '../db/customers-repo';
import { importInvoices, toInvoiceRow } from '../db/invoices-repo';
import { SAMPLE_PROFILE } from '../features/demo/load-sample';
import { progress, since } from './progress';
import { IMPORT_PATHS, type CompareImportOptions, type CompareImportResult, type ImportPath } from './types';

const SCRATCH = 'rateback-bench-scratch';
/** The chunk sizes importCustomers / importInvoices use (customers-repo.ts, invoices-repo.ts). */
const APP_CHUNKS = { customers: 2000, invoices: 5000 };

async function bulkPut<Row>(table: { bulkPut(rows: readonly Row[]): Promise<unknown> }, rows: readonly Row[], chunk: number): Promise<number> {
  for (let i = 0; i < rows.length; i += chunk) await table.bulkPut(rows.slice(i, i + chunk));
  return rows.length;
}

/**
 * Like for like: the same generated customers and invoices written into an empty scratch book
 * with the app's schema, three ways —
 * - app: importCustomers / importInvoices (zod parse + index keys + chunked bulkPut);
 * - bare: ONE Dexie bulkPut of rows prepared beforehand (toCustomerRow / toInvoiceRow, outside
 *   the clock): the floor;
 * - bare-chunked: the same prepared rows in the app's chunk sizes, one transaction each, so
 *   app − bare-chunked is the JS work and bare-chunked − bare is the chunking.
 * Rounds alternate the order (ABC, CBA, …); each run gets a fresh scratch database, deleted
 * afterwards. `prepareMs` times parse + index keys alone, with no database at all.
 */
export async function compareImport(opts: CompareImportOptions): Promise<CompareImportResult> {
  const book = generateDemoBook({
    seed: opts.seed,
    customers: opts.customers,
    invoicesPerCustomer: opts.invoicesPerCustomer,
    today: opts.today,
    country: SAMPLE_PROFILE.country,
    currency: SAMPLE_PROFILE.currency,
  });
  let t = performance.now();
  const customerRows = book.customers.map((c) => toCustomerRow(Customer.parse(c)));
  const prepareCustomersMs = since(t);
  t = performance.now();
  const invoiceRows = book.invoices.map((i) => toInvoiceRow(Invoice.parse(i)));
  const prepareInvoicesMs = since(t);

  const result: CompareImportResult = {
    customers: book.customers.length,
    invoices: book.invoices.length,
    prepare: { customersMs: [prepareCustomersMs], invoicesMs: [prepareInvoicesMs] },
    app: { customersMs: [], invoicesMs: [] },
    bare: { customersMs: [], invoicesMs: [] },
    'bare-chunked': { customersMs: [], invoicesMs: [] },
  };
  const write: Record<ImportPath, (db: BookDb) => { customers: () => Promise<number>; invoices: () => Promise<number> }> = {
    app: (db) => ({
      customers: async () => (await importCustomers(db, book.customers)).imported,
      invoices: async () => (await importInvoices(db, book.invoices)).imported,
    }),
    bare: (db) => ({
      customers: () => bulkPut(db.customers, customerRows, customerRows.length),
      invoices: () => bulkPut(db.invoices, invoiceRows, invoiceRows.length),
    }),
    'bare-chunked': (db) => ({
      customers: () => bulkPut(db.customers, customerRows, APP_CHUNKS.customers),
      invoices: () => bulkPut(db.invoices, invoiceRows, APP_CHUNKS.invoices),
    }),
  };

  const order: ImportPath[] = [];
  for (let r = 0; r < opts.rounds; r++) order.push(...(r % 2 === 0 ? IMPORT_PATHS : [...IMPORT_PATHS].reverse()));

  for (const path of order) {
    await Dexie.delete(SCRATCH);
    const db = new BookDb(SCRATCH);
    await db.open();
    try {
      const run = write[path](db);
      t = performance.now();
      const customers = await run.customers();
      result[path].customersMs.push(since(t));
      t = performance.now();
      const invoices = await run.invoices();
      result[path].invoicesMs.push(since(t));
      if (customers !== result.customers || invoices !== result.invoices) throw new Error(`${path} import stored ${customers}/${invoices} rows`);
      progress(`import ${path}: customers ${result[path].customersMs.at(-1)?.toFixed(0)} ms, invoices ${result[path].invoicesMs.at(-1)?.toFixed(0)} ms`);
    } finally {
      db.close();
      await Dexie.delete(SCRATCH);
    }
  }
  return result;
}
