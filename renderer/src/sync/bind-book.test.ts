import { afterEach, describe, expect, it } from 'vitest';
import type { BookDb } from '../db/book-db';
import { saveBusinessProfile } from '../db/book-meta';
import { createCustomer, setCustomerStatus } from '../db/customers-repo';
import { testContext } from '../db/test-db';
import { bindBook } from './bind-book';
import { readDeviceId, readPullCursor } from './sync-state-store';
import { customerInput, openSyncTestDb, outboxCounter, outboxRows } from './test-sync-book';

let db: BookDb;
afterEach(() => db?.close());

const opts = (changesPerMutation?: number) => ({
  now: () => '2026-03-01T08:00:00.000Z',
  newDeviceId: () => '5d1f0c8e-9a7b-4c3d-8e2f-1a0b9c8d7e6f',
  ...(changesPerMutation ? { changesPerMutation } : {}),
});

describe('binding a book to a business', () => {
  it('queues the whole book once, numbered from 1, then records writes after it', async () => {
    db = await openSyncTestDb({ bind: false });
    const ctx = testContext();
    const ada = await createCustomer(db, customerInput('Ada'), ctx);
    if (!ada.ok) throw new Error('setup');
    await setCustomerStatus(db, ada.value.id, { value: 'watch', reason: 'Slow payer' }, ctx);
    await createCustomer(db, customerInput('Bob'), ctx);
    await saveBusinessProfile(db, { name: 'Harbour Lane', currency: 'GBP', country: 'GB', timeZone: 'Europe/London', locale: 'en-GB' });
    await db.meta.put({ key: 'demo', value: false });
    expect(await outboxRows(db)).toEqual([]);

    expect(await bindBook(db, 'business-1', opts(2))).toEqual({ kind: 'bound', deviceId: '5d1f0c8e-9a7b-4c3d-8e2f-1a0b9c8d7e6f', changes: 4 });
    const rows = await outboxRows(db);
    expect(rows.map((r) => [r.id, r.changes.length])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    // Every row as it is now, in full: the status with its history, not each step to it.
    expect(rows.flatMap((r) => r.changes).map((c) => `${c.table}:${c.op}`).sort()).toEqual(['customers:put', 'customers:put', 'meta:put', 'statusChanges:put']);
    expect(await outboxCounter(db)).toEqual({ key: 'outbox', nextMutationId: 3, pendingChanges: 4 });
    expect(await readDeviceId(db)).toBe('5d1f0c8e-9a7b-4c3d-8e2f-1a0b9c8d7e6f');
    expect(await readPullCursor(db)).toBe(0);

    await createCustomer(db, customerInput('Cy'), ctx);
    expect((await outboxRows(db)).map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('binds once: again for the same business is a no-op, for another it is refused', async () => {
    db = await openSyncTestDb({ bind: false });
    await bindBook(db, 'business-1', opts());
    await createCustomer(db, customerInput('Ada'), testContext());
    expect(await bindBook(db, 'business-1', opts())).toEqual({ kind: 'already' });
    expect(await bindBook(db, 'business-2', opts())).toEqual({ kind: 'other_business', businessId: 'business-1' });
    expect((await outboxRows(db)).map((r) => r.id)).toEqual([1]);
  });
});
