import type { Customer } from '@core/customer';
import { customerMatches, parseSearchQuery, type SearchQuery } from '@core/search-tokens';
import type { BookDb } from './book-db';
import { fromCustomerRow } from './customers-repo';
import { numberKeyOf } from './invoice-keys';
import { parseRow, parseRows } from './read-validation';
import { CustomerRow } from './rows';

export interface CounterHit {
  customer: Customer;
  /** The invoice number that found this customer, when the query was one. */
  viaInvoice: string | null;
}

/**
 * The counter lookup: one prefix range on the multi-entry token index, on the query's most
 * selective word, then the other words checked in memory. Measured by `npm run bench` against
 * a bare `index.getAll(range, 20)`; what keeps it near that floor:
 * - no explicit transaction: Dexie's own read resolves on the request's success, an explicit
 *   one only on the transaction's `complete` (measured ~0.3 ms);
 * - only the rows shown are validated, not every candidate;
 * - invoice numbers are tried, in parallel, for text with a digit ("INV-2025-0004"); for a
 *   digits-only query only when no customer's phone has those digits (a numeric invoice
 *   number); never for an e-mail.
 */
export async function searchCounter(db: BookDb, raw: string, limit = 20): Promise<CounterHit[]> {
  const q = parseSearchQuery(raw);
  if (q.kind === 'empty') return [];
  const multiWord = q.kind === 'text' && q.words.length > 1;
  // A row comes back once per matching token (a multi-entry index), so ask for a few more than
  // shown; several words need more candidates since most fail the in-memory check.
  const candidates = multiWord ? limit * 10 : limit + 5;
  // An e-mail is never an invoice number; a phone-like run of digits only when no customer has it.
  const looksLikeInvoice = q.kind === 'text' && q.invoiceNumber !== null;

  const byInvoice = looksLikeInvoice ? invoiceOwners(db, q, limit) : null;
  const rows = await db.customers.where('tokens').startsWith(q.primary).limit(candidates).toArray();

  const hits: CounterHit[] = [];
  const seen = new Set<string>();
  for (const candidate of rows) {
    if (seen.has(candidate.id) || (multiWord && !customerMatches(candidate.tokens, q))) continue;
    seen.add(candidate.id);
    const row = parseRow('customers', CustomerRow, candidate);
    if (!row) continue;
    hits.push({ customer: fromCustomerRow(row), viaInvoice: null });
    if (hits.length === limit) break;
  }

  const owners = byInvoice ?? (q.kind === 'phone' && q.invoiceNumber !== null && hits.length === 0 ? invoiceOwners(db, q, limit) : null);
  if (owners) {
    for (const hit of await owners) {
      if (seen.has(hit.customer.id) || hits.length === limit) continue;
      seen.add(hit.customer.id);
      hits.push(hit);
    }
  }
  return hits;
}

/** Customers owning invoices whose number starts with the query. */
async function invoiceOwners(db: BookDb, q: SearchQuery, limit: number): Promise<CounterHit[]> {
  if (q.kind === 'empty' || q.invoiceNumber === null) return [];
  const invoices = await db.invoices.where('numberKey').startsWith(numberKeyOf(q.invoiceNumber)).limit(Math.min(limit, 5)).toArray();
  if (invoices.length === 0) return [];
  const owners = await db.customers.bulkGet(invoices.map((inv) => inv.customerId));
  const valid = new Map(parseRows('customers', CustomerRow, owners.filter((o) => o !== undefined)).map((c) => [c.id, c]));
  const hits: CounterHit[] = [];
  for (const inv of invoices) {
    const owner = valid.get(inv.customerId);
    if (owner) hits.push({ customer: fromCustomerRow(owner), viaInvoice: inv.number });
  }
  return hits;
}
