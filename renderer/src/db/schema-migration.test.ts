import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BookDb } from './book-db';
import { SCHEMA_V1, SCHEMA_V2 } from './schema-versions';
import { listInvoiceIds, getInvoice } from './invoices-repo';
import { bindBook } from '../sync/bind-book';

const base = {
  customerId: '6a1b9a52-4c1e-4f5e-9d2a-3f7d1b7c0a11',
  issueDate: '2025-01-01',
  currency: 'GBP',
  totalMinor: 10_000,
  state: 'issued' as const,
  creditNotes: [],
  notes: '',
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-01T10:00:00.000Z',
};
const payment = { id: '0d3c3c4e-7a67-4f0e-8f55-5f5b8d6c2c01', date: '2025-01-20', amountMinor: 10_000, method: 'cash', recordedBy: '', recordedAt: '2025-01-20T10:00:00.000Z' };

describe('schema upgrade', () => {
  it('opens a book made by schema v1 and derives the v2 open-invoice index', async () => {
    const indexedDB = new IDBFactory();
    // A database exactly as the v1 app left it: v1 stores, no openDueDate on any row.
    const old = new Dexie('book', { indexedDB, IDBKeyRange });
    old.version(SCHEMA_V1.version).stores(SCHEMA_V1.stores);
    await old.table('invoices').bulkAdd([
      { ...base, id: '11111111-1111-4111-8111-111111111111', number: 'INV-1', numberKey: 'INV-1', dueDate: '2025-01-31', payments: [] },
      { ...base, id: '22222222-2222-4222-8222-222222222222', number: 'INV-2', numberKey: 'INV-2', dueDate: '2025-02-28', payments: [payment] },
    ]);
    old.close();

    const db = new BookDb('book', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(3);
    expect(await listInvoiceIds(db, 'open', '2025-03-01')).toEqual(['11111111-1111-4111-8111-111111111111']);
    expect(await listInvoiceIds(db, 'overdue', '2025-03-01')).toEqual(['11111111-1111-4111-8111-111111111111']);
    // The rows still read back as valid invoices: nothing was lost on the way.
    expect((await getInvoice(db, '22222222-2222-4222-8222-222222222222'))?.payments).toHaveLength(1);
    db.close();
  });

  it('opens a book made by schema v2 with the v3 sync tables, empty, and its rows untouched', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('book', { indexedDB, IDBKeyRange });
    old.version(SCHEMA_V1.version).stores(SCHEMA_V1.stores);
    old.version(SCHEMA_V2.version).stores(SCHEMA_V2.stores);
    const invoice = { ...base, id: '11111111-1111-4111-8111-111111111111', number: 'INV-1', numberKey: 'INV-1', dueDate: '2025-01-31', openDueDate: '2025-01-31', payments: [] };
    await old.table('invoices').add(invoice);
    old.close();

    const db = new BookDb('book', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
    expect(await db.invoices.get(invoice.id)).toEqual(invoice);
    expect(await listInvoiceIds(db, 'open', '2025-03-01')).toEqual([invoice.id]);

    // Rows older than the outbox are not lost to sync: binding the book queues them.
    const bound = await bindBook(db, 'business-1', { now: () => '2026-03-01T08:00:00.000Z', newDeviceId: () => crypto.randomUUID() });
    expect(bound).toMatchObject({ kind: 'bound', changes: 1 });
    const [row] = await db.outbox.toArray();
    expect(row?.changes).toEqual([{ table: 'invoices', id: invoice.id, op: 'put', set: expect.not.objectContaining({ numberKey: 'INV-1' }) as unknown, append: {} }]);
    db.close();
  });
});
