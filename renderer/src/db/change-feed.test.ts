import { afterEach, describe, expect, it } from 'vitest';
import type { BookDb } from './book-db';
import { onBookChange, type BookChanges } from './change-feed';
import { createCustomer, deleteCustomer, setCustomerStatus } from './customers-repo';
import { openTestDb, testContext } from './test-db';

let db: BookDb;
afterEach(() => db?.close());

const customer = { displayName: 'Ada Lovelace', company: '', phones: [], emails: [], taxId: '', address: { line1: '', line2: '', city: '', postcode: '', region: '', country: 'GB' }, tags: [], notes: '' };

function collect(): BookChanges[] {
  const seen: BookChanges[] = [];
  onBookChange(db, (c) => seen.push(c));
  return seen;
}

describe('change feed', () => {
  it('reports the keys a committed transaction touched, once per transaction', async () => {
    ({ db } = openTestDb());
    const seen = collect();
    const created = await createCustomer(db, customer, testContext());
    if (!created.ok) throw new Error('setup');
    await setCustomerStatus(db, created.value.id, { value: 'watch', reason: 'Slow payer' }, testContext());
    expect(seen).toHaveLength(2);
    expect([...((seen[1]?.tables.get('customers') as Set<string>) ?? [])]).toEqual([created.value.id]);
    expect((seen[1]?.tables.get('statusChanges') as Set<string>).size).toBe(1);
  });

  it('says nothing about a transaction that aborted', async () => {
    ({ db } = openTestDb());
    const seen = collect();
    await expect(
      db.transaction('rw', db.customers, async () => {
        await createCustomer(db, customer, testContext());
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(seen).toEqual([]);
    expect(await db.customers.count()).toBe(0);
  });

  it('reports deletes', async () => {
    ({ db } = openTestDb());
    const created = await createCustomer(db, customer, testContext());
    if (!created.ok) throw new Error('setup');
    const seen = collect();
    await deleteCustomer(db, created.value.id);
    const tables = seen[0]?.tables;
    expect(tables?.get('customers')).toEqual(new Set([created.value.id]));
  });
});
