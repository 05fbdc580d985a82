import type { Customer } from '@core/customer';
import { customerMatches, parseSearchQuery } from '@core/search-tokens';
import type { BookDb } from './book-db';
import { fromCustomerRow } from './customers-repo';
import { numberKeyOf } from './invoice-keys';
import { parseRows } from './read-validation';
import { CustomerRow } from './rows';

export interface CounterHit {
  customer: Customer;
  /** The invoice number that found this customer, when the query was one. */
  viaInvoice: string | null;
}

/**
 * The counter lookup: one prefix range on the multi-entry token index, on the query's most
 * selective word, then the other words checked in memory. A query with a digit also tries
 * invoice numbers, in the same read transaction. Measured by `npm run bench` against a bare
 * `index.getAll(range, 20)`.
 */
export async function searchCounter(db: BookDb, raw: string, limit = 20): Promise<CounterHit[]> {
  const q = parseSearchQuery(raw);
  if (q.kind === 'empty') return [];
  const multiWord = q.kind === 'text' && q.words.length > 1;
  // A row comes back once per matching token (a multi-entry index), so ask for a few more than
  // shown; several words need more candidates since most fail the in-memory check.
  const candidates = multiWord ? limit * 10 : limit + 5;

  return db.transaction('r', db.customers, db.invoices, async () => {
    const byToken = db.customers.where('tokens').startsWith(q.primary).limit(candidates).toArray();
    const byInvoice = q.invoiceNumber
      ? db.invoices.where('numberKey').startsWith(numberKeyOf(q.invoiceNumber)).limit(5).toArray()
      : Promise.resolve([]);
    const [rows, invoices] = await Promise.all([byToken, byInvoice]);

    const hits: CounterHit[] = [];
    const seen = new Set<string>();
    for (const row of parseRows('customers', CustomerRow, rows)) {
      if (seen.has(row.id) || (multiWord && !customerMatches(row.tokens, q))) continue;
      seen.add(row.id);
      hits.push({ customer: fromCustomerRow(row), viaInvoice: null });
      if (hits.length === limit) return hits;
    }

    const invoiceOwners = invoices.filter((inv) => !seen.has(inv.customerId));
    if (invoiceOwners.length > 0) {
      const owners = await db.customers.bulkGet(invoiceOwners.map((inv) => inv.customerId));
      const valid = parseRows('customers', CustomerRow, owners.filter((o) => o !== undefined));
      for (const inv of invoiceOwners) {
        const owner = valid.find((c) => c.id === inv.customerId);
        if (!owner || seen.has(owner.id)) continue;
        seen.add(owner.id);
        hits.push({ customer: fromCustomerRow(owner), viaInvoice: inv.number });
        if (hits.length === limit) break;
      }
    }
    return hits;
  });
}
