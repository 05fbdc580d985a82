import { afterEach, describe, expect, it } from 'vitest';
import type { PullPage, PulledRecord } from '@core/sync/protocol';
import type { BookDb } from '../db/book-db';
import { createCustomer, getCustomer, toCustomerRow, updateCustomer } from '../db/customers-repo';
import { searchCounter } from '../db/counter-search';
import { createInvoice, getInvoice, recordPayment, toInvoiceRow } from '../db/invoices-repo';
import { clearRowProblems, subscribeRowProblems, type RowProblem } from '../db/read-validation';
import { testContext } from '../db/test-db';
import { applyPulledPage } from './apply-pulled';
import { ackOutbox } from './outbox-queue';
import { readPullCursor } from './sync-state-store';
import { customerInput, openSyncTestDb, outboxChanges, outboxRows } from './test-sync-book';

let db: BookDb;
afterEach(() => db?.close());

const page = (records: PulledRecord[], cursor: number): PullPage => ({ records, cursor, hasMore: false, latest: cursor, remaining: records.length });
const live = (table: PulledRecord['table'], data: Record<string, unknown>, version: number): PulledRecord => ({ table, id: String(data['id'] ?? data['key']), version, deleted: false, data });
const tombstone = (table: PulledRecord['table'], id: string, version: number): PulledRecord => ({ table, id, version, deleted: true, data: null });

/** A customer made on this PC and already acknowledged by the cloud (its outbox is empty). */
async function customer(name: string) {
  const created = await createCustomer(db, customerInput(name), testContext());
  if (!created.ok) throw new Error('setup');
  await ackOutbox(db, Number.MAX_SAFE_INTEGER);
  return created.value;
}

describe('applying a pulled page', () => {
  it('writes new records with their derived index keys, queues nothing, and moves the cursor', async () => {
    db = await openSyncTestDb();
    const other = await openSyncTestDb({ name: 'other' });
    const created = await createCustomer(other, customerInput('Grace Hopper'), testContext());
    other.close();
    if (!created.ok) throw new Error('setup');

    expect(await applyPulledPage(db, page([live('customers', created.value, 7)], 7), 0)).toEqual({ kind: 'applied', records: 1, rejected: 0 });
    expect(await db.customers.get(created.value.id)).toEqual(toCustomerRow(created.value));
    expect((await searchCounter(db, 'grace')).map((h) => h.customer.id)).toEqual([created.value.id]);
    expect(await outboxRows(db)).toEqual([]);
    expect(await readPullCursor(db)).toBe(7);
  });

  it('lays a pending local edit over the pulled record', async () => {
    db = await openSyncTestDb();
    const ada = await customer('Ada Lovelace');
    await updateCustomer(db, ada.id, { ...customerInput('Ada Lovelace'), notes: 'Mine, not sent yet' }, testContext());
    await applyPulledPage(db, page([live('customers', { ...ada, company: 'From the cloud' }, 3)], 3), 0);
    expect(await getCustomer(db, ada.id)).toMatchObject({ notes: 'Mine, not sent yet', company: 'From the cloud' });
  });

  it('keeps both payments: the pending one and the pulled one, and derives the open index from both', async () => {
    db = await openSyncTestDb();
    const ctx = testContext();
    const ada = await customer('Ada Lovelace');
    const made = await createInvoice(db, { number: 'INV-1', customerId: ada.id, issueDate: '2026-01-01', dueDate: '2026-01-31', currency: 'GBP', totalMinor: 5_000, state: 'issued', notes: '' }, ctx);
    if (!made.ok) throw new Error('setup');
    await ackOutbox(db, Number.MAX_SAFE_INTEGER);
    await recordPayment(db, made.value.id, { date: '2026-01-10', amountMinor: 2_000, method: 'cash' }, ctx);
    const theirs = { id: '7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', date: '2026-01-11', amountMinor: 3_000, method: 'card', recordedBy: 'B', recordedAt: '2026-01-11T10:00:00.000Z' };
    await applyPulledPage(db, page([live('invoices', { ...made.value, payments: [theirs] }, 4)], 4), 0);
    const merged = await getInvoice(db, made.value.id);
    expect(merged?.payments.map((p) => p.amountMinor).sort()).toEqual([2_000, 3_000]);
    // Paid in full between the two PCs: the row leaves the open-invoice index.
    expect((await db.invoices.get(made.value.id))?.openDueDate).toBeUndefined();
    expect(await db.invoices.get(made.value.id)).toEqual(merged && toInvoiceRow(merged));
  });

  it('lets a pulled delete win over a pending edit', async () => {
    db = await openSyncTestDb();
    const ada = await customer('Ada Lovelace');
    await updateCustomer(db, ada.id, { ...customerInput('Ada Lovelace'), notes: 'Edited here' }, testContext());
    await applyPulledPage(db, page([tombstone('customers', ada.id, 5)], 5), 0);
    expect(await db.customers.get(ada.id)).toBeUndefined();
  });

  it('keeps a record deleted here deleted when the pull brings an edit of it', async () => {
    db = await openSyncTestDb();
    const ada = await customer('Ada Lovelace');
    await db.customers.delete(ada.id);
    await applyPulledPage(db, page([live('customers', { ...ada, notes: 'Edited elsewhere' }, 5)], 5), 0);
    expect(await db.customers.get(ada.id)).toBeUndefined();
    expect((await outboxChanges(db)).at(-1)).toEqual({ table: 'customers', id: ada.id, op: 'delete' });
  });

  it('reports a record that does not fit its table, keeps the rest, and still moves the cursor', async () => {
    db = await openSyncTestDb();
    clearRowProblems();
    const problems: RowProblem[][] = [];
    const stop = subscribeRowProblems((p) => problems.push([...p]));
    const good = { ...(await customer('Good')), notes: 'updated' };
    const bad = { id: 'b0b0b0b0-0000-4000-8000-000000000000', displayName: '' };
    const outcome = await applyPulledPage(db, page([live('customers', bad, 8), live('customers', good, 9)], 9), 0);
    stop();
    expect(outcome).toEqual({ kind: 'applied', records: 2, rejected: 1 });
    expect(await db.customers.get(bad.id)).toBeUndefined();
    expect((await getCustomer(db, good.id))?.notes).toBe('updated');
    expect(problems.at(-1)?.map((p) => p.id)).toEqual([bad.id]);
    expect(await readPullCursor(db)).toBe(9);
    clearRowProblems();
  });

  it('skips a page pulled from a cursor the book has already moved past', async () => {
    db = await openSyncTestDb();
    const ada = await customer('Ada Lovelace');
    await applyPulledPage(db, page([], 10), 0);
    expect(await applyPulledPage(db, page([tombstone('customers', ada.id, 4)], 4), 0)).toEqual({ kind: 'stale', cursor: 10 });
    expect(await db.customers.get(ada.id)).toBeDefined();
    expect(await readPullCursor(db)).toBe(10);
  });

  it('ignores meta rows that do not sync', async () => {
    db = await openSyncTestDb();
    await applyPulledPage(db, page([live('meta', { key: 'demo', value: true }, 2)], 2), 0);
    expect(await db.meta.get('demo')).toBeUndefined();
  });
});
