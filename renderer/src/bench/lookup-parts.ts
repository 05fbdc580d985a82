import { parseSearchQuery } from '@core/search-tokens';
import type { BookDb } from '../db/book-db';
import { numberKeyOf } from '../db/invoice-keys';
import { parseRows } from '../db/read-validation';
import { CustomerRow } from '../db/rows';
import type { LookupPart } from './types';

/** One bare getAll on the customers' tokens index through the raw IDBDatabase: the floor. */
export function rawTokenRange(idb: IDBDatabase, prefix: string, count: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = idb
      .transaction('customers', 'readonly')
      .objectStore('customers')
      .index('tokens')
      .getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`), count);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('getAll failed'));
  });
}

/** searchCounter asks for limit + 5 rows on a one-word query (a row may come back twice). */
const APP_CANDIDATES = 25;
const PARSE_REPEATS = 5;

/**
 * The pieces searchCounter is made of, timed one by one on the same query, so a miss can be
 * put down to Dexie's query (dexie-tokens − raw-tokens-25), its explicit read transaction over
 * two stores, which resolves only on the transaction's `complete` (dexie-tokens-in-tx −
 * dexie-tokens), the invoice-number lookup a query with a digit adds, or zod parsing the rows
 * read back. dexie-invoice-number is null for queries without a digit.
 */
export async function timeParts(db: BookDb, idb: IDBDatabase, raw: string): Promise<Record<LookupPart, number | null>> {
  const q = parseSearchQuery(raw);
  if (q.kind === 'empty') throw new Error(`"${raw}" is not a query`);

  let t = performance.now();
  await rawTokenRange(idb, q.primary, APP_CANDIDATES);
  const rawMs = performance.now() - t;

  t = performance.now();
  const rows = await db.customers.where('tokens').startsWith(q.primary).limit(APP_CANDIDATES).toArray();
  const dexieMs = performance.now() - t;

  t = performance.now();
  await db.transaction('r', db.customers, db.invoices, () =>
    db.customers.where('tokens').startsWith(q.primary).limit(APP_CANDIDATES).toArray(),
  );
  const inTxMs = performance.now() - t;

  let invoiceMs: number | null = null;
  if (q.invoiceNumber) {
    t = performance.now();
    await db.invoices.where('numberKey').startsWith(numberKeyOf(q.invoiceNumber)).limit(5).toArray();
    invoiceMs = performance.now() - t;
  }

  // A few repeats: one parse of 25 rows is near the 0.1 ms resolution of performance.now().
  t = performance.now();
  for (let i = 0; i < PARSE_REPEATS; i++) parseRows('customers', CustomerRow, rows);
  const parseMs = (performance.now() - t) / PARSE_REPEATS;

  return { 'raw-tokens-25': rawMs, 'dexie-tokens': dexieMs, 'dexie-tokens-in-tx': inTxMs, 'dexie-invoice-number': invoiceMs, 'zod-parse': parseMs };
}
