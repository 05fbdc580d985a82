import { afterEach, describe, expect, it } from 'vitest';
import type { BookDb } from '../db/book-db';
import { saveBusinessProfile } from '../db/book-meta';
import { onBookChange, type BookChanges } from '../db/change-feed';
import { createCustomer, deleteCustomer, importCustomers, mergeCustomers, setCustomerStatus, toCustomerRow, updateCustomer } from '../db/customers-repo';
import { createInvoice, deleteInvoice, recordPayment } from '../db/invoices-repo';
import { addRating } from '../db/ratings-repo';
import { testContext } from '../db/test-db';
import { loadSampleBusiness } from '../features/demo/load-sample';
import { importInvoicesCsv } from '../features/import/apply-import';
import { onOutboxCommitted } from './outbox-middleware';
import { markRemoteWrite } from './remote-writes';
import { customerInput, openSyncTestDb, outboxChanges, outboxCounter, outboxRows } from './test-sync-book';

let db: BookDb;
afterEach(() => db?.close());

async function customer(name: string, ctx = testContext()) {
  const created = await createCustomer(db, customerInput(name), ctx);
  if (!created.ok) throw new Error('setup');
  return created.value;
}

async function invoice(customerId: string, number: string, ctx = testContext()) {
  const created = await createInvoice(
    db,
    { number, customerId, issueDate: '2026-01-01', dueDate: '2026-01-31', currency: 'GBP', totalMinor: 10_000, state: 'issued', notes: '' },
    ctx,
  );
  if (!created.ok) throw new Error('setup');
  return created.value;
}

const scores = { timelyPayment: 4, reliability: 4, respect: 5, effortToServe: 3, overall: 4 };

describe('outbox middleware', () => {
  it('records a created customer as one mutation with every field that travels', async () => {
    db = await openSyncTestDb();
    const ada = await customer('Ada Lovelace');
    const rows = await outboxRows(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 1, changes: [{ table: 'customers', id: ada.id, op: 'put', set: ada, append: {} }] });
    // Derived index keys stay on the PC.
    expect(rows[0]?.changes[0]).not.toHaveProperty('set.tokens');
    expect(await outboxCounter(db)).toEqual({ key: 'outbox', nextMutationId: 2, pendingChanges: 1 });
  });

  it('records only the fields an edit changed', async () => {
    db = await openSyncTestDb();
    const ctx = testContext();
    const ada = await customer('Ada Lovelace', ctx);
    await updateCustomer(db, ada.id, { ...customerInput('Ada Lovelace'), notes: 'Prefers e-mail' }, ctx);
    const rows = await outboxRows(db);
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    expect(rows[1]?.changes).toEqual([{ table: 'customers', id: ada.id, op: 'put', set: { notes: 'Prefers e-mail', updatedAt: expect.any(String) as unknown }, append: {} }]);
  });

  it('puts every write of one transaction in one mutation (status and its history)', async () => {
    db = await openSyncTestDb();
    const ada = await customer('Ada Lovelace');
    await setCustomerStatus(db, ada.id, { value: 'watch', reason: 'Slow payer' }, testContext());
    const rows = await outboxRows(db);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.changes.map((c) => `${c.table}:${c.op}`)).toEqual(['customers:put', 'statusChanges:put']);
  });

  it('sends a payment as an appended item', async () => {
    db = await openSyncTestDb();
    const ctx = testContext();
    const ada = await customer('Ada Lovelace', ctx);
    const inv = await invoice(ada.id, 'INV-1', ctx);
    const paid = await recordPayment(db, inv.id, { date: '2026-01-20', amountMinor: 2_500, method: 'cash' }, ctx);
    if (!paid.ok) throw new Error('setup');
    const last = (await outboxRows(db)).at(-1);
    expect(last?.changes).toEqual([
      { table: 'invoices', id: inv.id, op: 'put', set: { updatedAt: paid.value.updatedAt }, append: { payments: [paid.value.payments[0]] } },
    ]);
  });

  it("records deleteCustomer's where().delete() as deletes of everything it removed", async () => {
    db = await openSyncTestDb();
    const ctx = testContext();
    const ada = await customer('Ada Lovelace', ctx);
    const inv = await invoice(ada.id, 'INV-1', ctx);
    const rated = await addRating(db, { customerId: ada.id, date: '2026-01-05', scores, incidents: [], positives: [], invoiceId: null, note: '' }, { id: crypto.randomUUID(), name: 'Sam' }, ctx);
    if (!rated.ok) throw new Error('setup');
    await deleteCustomer(db, ada.id);
    const last = (await outboxRows(db)).at(-1);
    expect(last?.changes).toEqual([
      { table: 'invoices', id: inv.id, op: 'delete' },
      { table: 'ratings', id: rated.value.id, op: 'delete' },
      { table: 'customers', id: ada.id, op: 'delete' },
    ]);
  });

  it("records mergeCustomers' where().modify() as field changes of each moved row", async () => {
    db = await openSyncTestDb();
    const ctx = testContext();
    const keep = await customer('Ada Lovelace', ctx);
    const drop = await customer('Ada L.', ctx);
    const inv = await invoice(drop.id, 'INV-9', ctx);
    const before = (await outboxRows(db)).length;
    await mergeCustomers(db, keep.id, drop.id, ctx);
    const rows = await outboxRows(db);
    expect(rows).toHaveLength(before + 1);
    const changes = rows.at(-1)?.changes ?? [];
    expect(changes).toContainEqual({ table: 'invoices', id: inv.id, op: 'put', set: { customerId: keep.id, updatedAt: expect.any(String) as unknown }, append: {} });
    expect(changes).toContainEqual({ table: 'customers', id: drop.id, op: 'delete' });
    expect(changes.some((c) => c.table === 'customers' && c.id === keep.id && c.op === 'put')).toBe(true);
  });

  it('records a rating unlinked from a deleted invoice (filter().modify())', async () => {
    db = await openSyncTestDb();
    const ctx = testContext();
    const ada = await customer('Ada Lovelace', ctx);
    const inv = await invoice(ada.id, 'INV-1', ctx);
    const rated = await addRating(db, { customerId: ada.id, date: '2026-01-05', scores, incidents: [], positives: [], invoiceId: inv.id, note: '' }, { id: crypto.randomUUID(), name: 'Sam' }, ctx);
    if (!rated.ok) throw new Error('setup');
    await deleteInvoice(db, inv.id);
    expect((await outboxRows(db)).at(-1)?.changes).toEqual([
      { table: 'ratings', id: rated.value.id, op: 'put', set: { invoiceId: null }, append: {} },
      { table: 'invoices', id: inv.id, op: 'delete' },
    ]);
  });

  it('records a CSV import (bulkAdd + bulkPut in one transaction) as one mutation', async () => {
    db = await openSyncTestDb();
    const ctx = testContext();
    const result = await importInvoicesCsv(db, 'Invoice,Customer,Date,Amount\nI-1,Ada,2026-01-02,5\nI-2,Bob,2026-01-03,7\n', { ctx, currency: 'GBP', today: '2026-03-01' });
    expect(result).toMatchObject({ written: true, created: 2, customersCreated: 2 });
    const rows = await outboxRows(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.changes.map((c) => `${c.table}:${c.op}`).sort()).toEqual(['customers:put', 'customers:put', 'invoices:put', 'invoices:put']);
  });

  it('splits a transaction larger than a mutation into consecutive ids', async () => {
    db = await openSyncTestDb({ changesPerMutation: 3 });
    const ctx = testContext();
    const records = Array.from({ length: 7 }, (_, i) => ({
      ...customerInput(`Customer ${i}`),
      id: crypto.randomUUID(),
      status: { value: 'ok', reason: '', setBy: '', setAt: ctx.now() },
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    }));
    await importCustomers(db, records, { chunkSize: 100 });
    const rows = await outboxRows(db);
    expect(rows.map((r) => [r.id, r.changes.length])).toEqual([
      [1, 3],
      [2, 3],
      [3, 1],
    ]);
    expect(await outboxCounter(db)).toEqual({ key: 'outbox', nextMutationId: 4, pendingChanges: 7 });
  });

  it('records the sample business, loaded in one transaction, as consecutive mutations', async () => {
    db = await openSyncTestDb();
    await loadSampleBusiness(db, '2026-03-01');
    const rows = await outboxRows(db);
    const counts = await Promise.all([db.customers.count(), db.invoices.count(), db.ratings.count(), db.statusChanges.count(), db.members.count()]);
    const records = counts.reduce((a, b) => a + b, 0) + 1; // + the business profile
    expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.every((r) => r.changes.length <= 2000)).toBe(true);
    expect(rows.reduce((n, r) => n + r.changes.length, 0)).toBe(records);
  }, 60_000);

  it('records table.clear() (a range delete) as a delete of each row', async () => {
    db = await openSyncTestDb();
    const a = await customer('A');
    const b = await customer('B');
    await db.customers.clear();
    expect((await outboxRows(db)).at(-1)?.changes).toEqual([
      { table: 'customers', id: [a.id, b.id].sort()[0], op: 'delete' },
      { table: 'customers', id: [a.id, b.id].sort()[1], op: 'delete' },
    ]);
  });

  it('diffs two writes of one row in one transaction, even started together', async () => {
    db = await openSyncTestDb();
    const ada = await customer('Ada Lovelace');
    const row = toCustomerRow(ada);
    await db.transaction('rw', db.customers, () => Promise.all([db.customers.put({ ...row, notes: 'one' }), db.customers.put({ ...row, notes: 'two', company: 'X' })]));
    const rows = await outboxRows(db);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.changes).toEqual([
      { table: 'customers', id: ada.id, op: 'put', set: { notes: 'one' }, append: {} },
      { table: 'customers', id: ada.id, op: 'put', set: { notes: 'two', company: 'X' }, append: {} },
    ]);
  });

  it('leaves no outbox row and no counter bump when the transaction aborts', async () => {
    db = await openSyncTestDb();
    await customer('First');
    const counter = await outboxCounter(db);
    await expect(
      db.transaction('rw', db.customers, async () => {
        await createCustomer(db, customerInput('Never saved'), testContext());
        await createCustomer(db, customerInput('Nor this'), testContext());
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await outboxRows(db)).toHaveLength(1);
    expect(await outboxCounter(db)).toEqual(counter);
    // The next write takes the very next id: no gap.
    await customer('Second');
    expect((await outboxRows(db)).map((r) => r.id)).toEqual([1, 2]);
  });

  it('records nothing for a write that changes nothing that travels', async () => {
    db = await openSyncTestDb();
    const ada = await customer('Ada Lovelace');
    await db.customers.put({ ...toCustomerRow(ada), tokens: ['changed'] });
    expect(await outboxRows(db)).toHaveLength(1);
  });

  it('records the business profile but not the meta rows that stay on the PC', async () => {
    db = await openSyncTestDb();
    await db.meta.put({ key: 'demo', value: true });
    expect(await outboxRows(db)).toHaveLength(0);
    const saved = await saveBusinessProfile(db, { name: 'Harbour Lane', currency: 'GBP', country: 'GB', timeZone: 'Europe/London', locale: 'en-GB' });
    expect(saved.ok).toBe(true);
    expect(await outboxChanges(db)).toEqual([
      { table: 'meta', id: 'businessProfile', op: 'put', set: { key: 'businessProfile', value: expect.objectContaining({ name: 'Harbour Lane' }) as unknown }, append: {} },
    ]);
  });

  it('records nothing in a transaction the sync applier marked remote', async () => {
    db = await openSyncTestDb();
    const ada = await customer('Ada Lovelace');
    await db.transaction('rw', db.customers, async (tx) => {
      markRemoteWrite(tx.idbtrans);
      await db.customers.put({ ...toCustomerRow(ada), notes: 'from the cloud' });
    });
    expect(await outboxRows(db)).toHaveLength(1);
    expect((await db.customers.get(ada.id))?.notes).toBe('from the cloud');
  });

  it('records nothing before the book is bound to a business', async () => {
    db = await openSyncTestDb({ bind: false });
    await customer('Ada Lovelace');
    expect(await outboxRows(db)).toHaveLength(0);
    expect(await db.customers.count()).toBe(1);
  });

  it('tells listeners once per committed local transaction, never for aborted or remote ones', async () => {
    db = await openSyncTestDb();
    let heard = 0;
    onOutboxCommitted(db, () => heard++);
    const ada = await customer('Ada Lovelace');
    await setCustomerStatus(db, ada.id, { value: 'watch', reason: 'Slow payer' }, testContext());
    await db.transaction('rw', db.customers, async () => {
      await createCustomer(db, customerInput('Never saved'), testContext());
      throw new Error('no');
    }).catch(() => undefined);
    await db.transaction('rw', db.customers, async (tx) => {
      markRemoteWrite(tx.idbtrans);
      await db.customers.put({ ...toCustomerRow(ada), notes: 'from the cloud' });
    });
    expect(heard).toBe(2);
  });

  it('still lets the change feed report the synced tables a local write changed', async () => {
    db = await openSyncTestDb();
    const seen: BookChanges[] = [];
    onBookChange(db, (c) => seen.push(c));
    const ada = await customer('Ada Lovelace');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.tables.get('customers')).toEqual(new Set([ada.id]));
  });
});
