import type { BookDb } from '../../db/book-db';
import type { InvoiceRow } from '../../db/rows';

/**
 * The stored invoices whose numberKey is one of `keys`, read in one request where possible.
 *
 * `where('numberKey').anyOf(keys)` walks a cursor, one IndexedDB round trip per row: fine for a
 * first import (nothing matches), but re-importing 100,000 invoices took seconds. Files number
 * their invoices in a series, so the stored rows between the lowest and the highest number are
 * usually just the ones wanted: when that range holds not many more rows than asked for (a
 * cheap index count), it is read with one getAll and filtered here; otherwise anyOf it is.
 */
export async function storedInvoicesByNumberKey(db: BookDb, keys: readonly string[]): Promise<InvoiceRow[]> {
  if (keys.length === 0) return [];
  let lo = keys[0]!;
  let hi = lo;
  for (const k of keys) {
    if (k < lo) lo = k;
    else if (k > hi) hi = k;
  }
  const range = db.invoices.where('numberKey').between(lo, hi, true, true);
  const inRange = await range.count();
  if (inRange === 0) return [];
  if (inRange > 2 * keys.length + 1000) return db.invoices.where('numberKey').anyOf([...keys]).toArray();
  const wanted = new Set(keys);
  return (await range.toArray()).filter((row) => wanted.has(row.numberKey));
}
