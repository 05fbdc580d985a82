import { afterEach, describe, expect, it } from 'vitest';
import type { BookDb } from '../db/book-db';
import { createCustomer } from '../db/customers-repo';
import { testContext } from '../db/test-db';
import { ackOutbox, nextPushBatch, pendingChanges, takeBatch } from './outbox-queue';
import { customerInput, openSyncTestDb, outboxRows } from './test-sync-book';

let db: BookDb;
afterEach(() => db?.close());

const rows = (...sizes: number[]) => sizes.map((n, i) => ({ id: i + 1, changes: Array.from({ length: n }, () => ({})) }));

describe('takeBatch', () => {
  it('takes whole mutations, oldest first, within both caps', () => {
    const limits = { mutationsPerPush: 3, changesPerPush: 10 };
    expect(takeBatch(rows(2, 2, 2, 2), limits).map((r) => r.id)).toEqual([1, 2, 3]);
    expect(takeBatch(rows(4, 5, 2), limits).map((r) => r.id)).toEqual([1, 2]);
    // Never splits a mutation; a big one goes alone.
    expect(takeBatch(rows(12, 1), limits).map((r) => r.id)).toEqual([1]);
    expect(takeBatch([], limits)).toEqual([]);
  });
});

describe('the outbox queue', () => {
  it('reads a push across pages of the outbox and removes what the cloud acknowledged', async () => {
    db = await openSyncTestDb();
    for (let i = 0; i < 60; i++) await createCustomer(db, customerInput(`Customer ${i}`), testContext());
    expect((await nextPushBatch(db, { mutationsPerPush: 55, changesPerPush: 1000 })).map((r) => r.id)).toEqual(Array.from({ length: 55 }, (_, i) => i + 1));
    expect(await pendingChanges(db)).toBe(60);
    expect(await ackOutbox(db, 58)).toBe(2);
    expect((await outboxRows(db)).map((r) => r.id)).toEqual([59, 60]);
    expect(await pendingChanges(db)).toBe(2);
    // An acknowledgement the outbox is already past changes nothing.
    expect(await ackOutbox(db, 10)).toBe(2);
  });

  it('refuses to send a damaged mutation rather than skip it', async () => {
    db = await openSyncTestDb();
    await db.outbox.add({ id: 1, at: 'yesterday', changes: [] });
    await expect(nextPushBatch(db)).rejects.toThrow('Change 1 waiting in the sync outbox is damaged');
  });
});
