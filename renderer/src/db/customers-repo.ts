import { Customer, type CustomerStatusValue, type StatusChange } from '@core/customer';
import { normaliseCustomerInput } from '@core/customer-input';
import type { Checked } from '@core/field-issues';
import { foldText } from '@core/identifiers';
import { mergeCustomerFields } from '@core/merge-customers';
import { newId } from '@core/primitives';
import { customerTokens } from '@core/search-tokens';
import type { BookDb } from './book-db';
import { importRecords, type ImportProgress, type ImportReport } from './import-records';
import { CustomerRow } from './rows';
import { parseRow, parseRows } from './read-validation';
import { guardedWrite, WriteError } from './write-error';
import type { WriteContext } from './write-context';

export interface ImportOptions {
  chunkSize?: number;
  onProgress?: (p: ImportProgress) => void;
}

/** Adds the index keys a customer row carries (see rows.ts). */
export function toCustomerRow(c: Customer): CustomerRow {
  return { ...c, tokens: customerTokens(c), nameKey: foldText(c.displayName) };
}

/** Strips the index keys again: screens and core only ever see a Customer. */
export function fromCustomerRow(row: CustomerRow): Customer {
  const { tokens: _tokens, nameKey: _nameKey, ...customer } = row;
  return customer;
}

export async function getCustomer(db: BookDb, id: string): Promise<Customer | undefined> {
  const row = parseRow('customers', CustomerRow, await db.customers.get(id));
  return row && fromCustomerRow(row);
}

export async function getCustomers(db: BookDb, ids: readonly string[]): Promise<Customer[]> {
  const rows = await db.customers.bulkGet([...ids]);
  return parseRows('customers', CustomerRow, rows.filter((r) => r !== undefined)).map(fromCustomerRow);
}

export async function createCustomer(db: BookDb, input: unknown, ctx: WriteContext): Promise<Checked<Customer>> {
  const checked = normaliseCustomerInput(input, ctx.country);
  if (!checked.ok) return checked;
  const now = ctx.now();
  const customer: Customer = {
    id: newId(),
    ...checked.value,
    status: { value: 'ok', reason: '', setBy: ctx.actor, setAt: now },
    createdAt: now,
    updatedAt: now,
  };
  await guardedWrite('the customer', () => db.customers.add(toCustomerRow(customer)));
  return { ok: true, value: customer };
}

export async function updateCustomer(db: BookDb, id: string, input: unknown, ctx: WriteContext): Promise<Checked<Customer>> {
  const checked = normaliseCustomerInput(input, ctx.country);
  if (!checked.ok) return checked;
  const updated = await guardedWrite('the customer', () =>
    db.transaction('rw', db.customers, async () => {
      const current = await getCustomer(db, id);
      if (!current) throw new WriteError('This customer no longer exists; nothing was saved.', 'not_found');
      const next: Customer = { ...current, ...checked.value, updatedAt: ctx.now() };
      await db.customers.put(toCustomerRow(next));
      return next;
    }),
  );
  return { ok: true, value: updated };
}

/**
 * Sets ok / watch / blacklisted with a reason, and appends the change to the customer's
 * history in the same transaction, so the status and its history never disagree.
 */
export async function setCustomerStatus(
  db: BookDb,
  id: string,
  change: { value: CustomerStatusValue; reason: string },
  ctx: WriteContext,
): Promise<Checked<Customer>> {
  const reason = change.reason.trim();
  if (change.value !== 'ok' && reason === '') {
    return { ok: false, issues: [{ path: ['reason'], message: 'Say why, so colleagues know what to watch for' }] };
  }
  if (reason.length > 500) return { ok: false, issues: [{ path: ['reason'], message: 'Keep the reason under 500 characters' }] };
  const updated = await guardedWrite('the status', () =>
    db.transaction('rw', db.customers, db.statusChanges, async () => {
      const current = await getCustomer(db, id);
      if (!current) throw new WriteError('This customer no longer exists; nothing was saved.', 'not_found');
      const now = ctx.now();
      const history: StatusChange = {
        id: newId(),
        customerId: id,
        from: current.status.value,
        to: change.value,
        reason,
        setBy: ctx.actor,
        setAt: now,
      };
      const next: Customer = { ...current, status: { value: change.value, reason, setBy: ctx.actor, setAt: now }, updatedAt: now };
      await db.customers.put(toCustomerRow(next));
      await db.statusChanges.add(history);
      return next;
    }),
  );
  return { ok: true, value: updated };
}

/** Deletes a customer with everything the book holds about them, all or nothing. */
export async function deleteCustomer(db: BookDb, id: string): Promise<void> {
  await guardedWrite('the deletion', () =>
    db.transaction('rw', [db.customers, db.invoices, db.ratings, db.statusChanges], async () => {
      await db.invoices.where('customerId').equals(id).delete();
      await db.ratings.where('customerId').equals(id).delete();
      await db.statusChanges.where('customerId').equals(id).delete();
      await db.customers.delete(id);
    }),
  );
}

/** What deleting a customer would remove, for the confirmation dialog. */
export async function customerFootprint(db: BookDb, id: string): Promise<{ invoices: number; ratings: number }> {
  const [invoices, ratings] = await Promise.all([
    db.invoices.where('customerId').equals(id).count(),
    db.ratings.where('customerId').equals(id).count(),
  ]);
  return { invoices, ratings };
}

/**
 * Merges a duplicate into the customer to keep: identifiers and notes are combined, invoices,
 * ratings and status history move over, and the duplicate is removed — in one transaction.
 */
export async function mergeCustomers(db: BookDb, keepId: string, dropId: string, ctx: WriteContext): Promise<Customer> {
  if (keepId === dropId) throw new WriteError('Choose two different customers to merge.', 'invalid');
  return guardedWrite('the merge', () =>
    db.transaction('rw', [db.customers, db.invoices, db.ratings, db.statusChanges], async () => {
      const [keep, drop] = await Promise.all([getCustomer(db, keepId), getCustomer(db, dropId)]);
      if (!keep || !drop) throw new WriteError('One of the two customers no longer exists; nothing was merged.', 'not_found');
      const now = ctx.now();
      const merged = mergeCustomerFields(keep, drop, now);
      await db.invoices.where('customerId').equals(dropId).modify({ customerId: keepId, updatedAt: now });
      await db.ratings.where('customerId').equals(dropId).modify({ customerId: keepId });
      await db.statusChanges.where('customerId').equals(dropId).modify({ customerId: keepId });
      await db.customers.delete(dropId);
      await db.customers.put(toCustomerRow(merged));
      // Taking over the duplicate's stricter status is a status change of the kept customer.
      if (merged.status.value !== keep.status.value) {
        await db.statusChanges.add({
          id: newId(),
          customerId: keepId,
          from: keep.status.value,
          to: merged.status.value,
          reason: `Merged with ${drop.displayName}: ${merged.status.reason}`.slice(0, 500),
          setBy: ctx.actor,
          setAt: now,
        });
      }
      return merged;
    }),
  );
}

/** Imports whole customer records through the book's import path (see import-records.ts). */
export function importCustomers(db: BookDb, records: readonly unknown[], opts?: ImportOptions): Promise<ImportReport> {
  return importRecords('the imported customers', db.customers, Customer, toCustomerRow, records, { chunkSize: 2000, ...opts });
}
