import type { Customer } from '@core/customer';
import type { PlannedCustomer } from '@core/csv-import';
import { newId, type IsoInstant } from '@core/primitives';
import type { BookDb } from '../../db/book-db';
import { toCustomerRow } from '../../db/customers-repo';
import { parseRows } from '../../db/read-validation';
import { CustomerRow } from '../../db/rows';

export type CustomerMatch =
  | { kind: 'found'; id: string }
  | { kind: 'none' }
  /** Several customers in the book have the name and nothing tells them apart. */
  | { kind: 'ambiguous'; count: number };

interface Known {
  readonly id: string;
  readonly emails: readonly string[];
}

/**
 * Finds the book's customer for each customer named in a file: by e-mail first, then by name
 * as the book folds it (customers' `nameKey`). A name match is refused when both sides have
 * e-mail addresses and none agrees — two "John Smith"s with different addresses are two
 * people — and when several customers share the name, since putting an unpaid invoice on the
 * wrong person's record is worse than asking.
 *
 * Only the customers the file can match are read, through the `tokens` index (which holds
 * every e-mail) and the `nameKey` index: one query each, not one per row.
 */
export class CustomerMatcher {
  private readonly byEmail = new Map<string, string>();
  private readonly byName = new Map<string, Known[]>();

  static async load(db: BookDb, customers: Iterable<PlannedCustomer>): Promise<CustomerMatcher> {
    const emails = new Set<string>();
    const names = new Set<string>();
    for (const c of customers) {
      if (c.email !== null) emails.add(c.email);
      names.add(c.nameKey);
    }
    const [byEmail, byName] = await Promise.all([
      emails.size === 0 ? [] : db.customers.where('tokens').anyOf([...emails]).toArray(),
      names.size === 0 ? [] : db.customers.where('nameKey').anyOf([...names]).toArray(),
    ]);
    const matcher = new CustomerMatcher();
    const seen = new Set<string>();
    for (const row of parseRows('customers', CustomerRow, [...byEmail, ...byName])) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      matcher.remember(row.id, row.nameKey, row.emails);
    }
    return matcher;
  }

  find(c: PlannedCustomer): CustomerMatch {
    if (c.email !== null) {
      const id = this.byEmail.get(c.email);
      if (id !== undefined) return { kind: 'found', id };
    }
    const named = (this.byName.get(c.nameKey) ?? []).filter((k) => c.email === null || k.emails.length === 0 || k.emails.includes(c.email));
    const [only] = named;
    if (only === undefined) return { kind: 'none' };
    if (named.length > 1) return { kind: 'ambiguous', count: named.length };
    return { kind: 'found', id: only.id };
  }

  /** A new customer for the file's name and e-mail, as the customer form would make one (no phones). */
  newCustomer(c: PlannedCustomer, actor: string, now: IsoInstant): CustomerRow {
    const customer: Customer = {
      id: newId(),
      displayName: c.name,
      company: '',
      phones: [],
      emails: c.email === null ? [] : [c.email],
      taxId: '',
      address: { line1: '', line2: '', city: '', postcode: '', region: '', country: '' },
      tags: [],
      notes: '',
      status: { value: 'ok', reason: '', setBy: actor, setAt: now },
      createdAt: now,
      updatedAt: now,
    };
    return toCustomerRow(customer);
  }

  /** Makes a customer created by this import findable by the file's later rows. */
  add(row: CustomerRow): void {
    this.remember(row.id, row.nameKey, row.emails);
  }

  private remember(id: string, nameKey: string, emails: readonly string[]): void {
    for (const e of emails) if (!this.byEmail.has(e)) this.byEmail.set(e, id);
    const list = this.byName.get(nameKey);
    if (list) list.push({ id, emails });
    else this.byName.set(nameKey, [{ id, emails }]);
  }
}
