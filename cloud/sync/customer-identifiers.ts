import type { RecordData } from '@core/sync/merge';

/**
 * The keys `book.lookup` finds a customer by, kept in customer_identifiers with every push.
 *
 * A stored customer's phones are already E.164 (the shape checks it), e-mails are compared
 * lower-cased and tax ids upper-cased; a typed lookup goes through `normaliseLookup` so both
 * sides meet in the same form. The three kinds need no prefix to stay apart: an E.164 number is
 * "+" and digits, an e-mail has an "@", and anything else is read as a tax id.
 */

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normaliseTaxId(taxId: string): string {
  return taxId.trim().toUpperCase();
}

/** What a person typed at the counter, in the form identifiers are stored in. */
export function normaliseLookup(typed: string): string {
  const text = typed.trim();
  if (text.includes('@')) return normaliseEmail(text);
  // "+44 7700 900123" and "+44-7700-900123" are the stored "+447700900123".
  const compact = text.replace(/[\s\-().]/g, '');
  if (/^\+\d+$/.test(compact)) return compact;
  return normaliseTaxId(text);
}

/** A customer record's identifiers (a tombstone or nothing has none). */
export function identifiersOf(data: RecordData | null | undefined): Set<string> {
  const out = new Set<string>();
  if (!data) return out;
  const { phones, emails, taxId } = data;
  if (Array.isArray(phones)) for (const p of phones) if (typeof p === 'string' && p !== '') out.add(p);
  if (Array.isArray(emails)) for (const e of emails) if (typeof e === 'string' && e.trim() !== '') out.add(normaliseEmail(e));
  if (typeof taxId === 'string' && taxId.trim() !== '') out.add(normaliseTaxId(taxId));
  return out;
}

export interface IdentifierRow {
  identifier: string;
  customer_id: string;
}

export interface IdentifierChanges {
  remove: IdentifierRow[];
  /** New identifiers of customers held before: a row may already be there. */
  add: IdentifierRow[];
  /** Identifiers of customers the business did not hold: their rows cannot exist yet. */
  addFresh: IdentifierRow[];
}

/**
 * The rows to delete and insert for customers that changed, from each one's identifiers before
 * and after the push. Deleting exactly the old pairs keeps to the table's primary key
 * (business_id, identifier, customer_id); there is no index by customer alone.
 *
 * `fresh` marks a customer not held before the push (not even as a tombstone). Its rows are
 * written with its record in the same transaction, so none exists for its id yet, and they go
 * in `addFresh` to be inserted without ON CONFLICT (which doubles that insert's cost).
 */
export function identifierChanges(
  customers: readonly { id: string; fresh?: boolean; before: RecordData | null; after: RecordData | null }[],
): IdentifierChanges {
  const remove: IdentifierRow[] = [];
  const add: IdentifierRow[] = [];
  const addFresh: IdentifierRow[] = [];
  for (const { id, fresh, before, after } of customers) {
    const next = identifiersOf(after);
    if (fresh === true) {
      for (const identifier of next) addFresh.push({ identifier, customer_id: id });
      continue;
    }
    const old = identifiersOf(before);
    for (const identifier of old) if (!next.has(identifier)) remove.push({ identifier, customer_id: id });
    for (const identifier of next) if (!old.has(identifier)) add.push({ identifier, customer_id: id });
  }
  return { remove, add, addFresh };
}
