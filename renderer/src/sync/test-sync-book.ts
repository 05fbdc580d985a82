import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { toRecord } from '@core/sync/merge';
import type { Change } from '@core/sync/protocol';
import { isSyncedKey, SYNCED_TABLES, TABLE_RULES, type SyncedTable } from '@core/sync/tables';
import { BookDb } from '../db/book-db';
import { bindBook } from './bind-book';
import type { OutboxOptions } from './outbox-middleware';
import { OutboxCounterRow, type OutboxRow } from './sync-state';

/** Helpers for the sync tests: books in fake-indexeddb, bound to a test business. */

export const TEST_BUSINESS = '0b7c1f9e-2a44-4c51-9d0e-6f3a8b2c1d00';

export const customerInput = (displayName: string) => ({
  displayName,
  company: '',
  phones: [],
  emails: [],
  taxId: '',
  address: { line1: '', line2: '', city: '', postcode: '', region: '', country: 'GB' },
  tags: [],
  notes: '',
});

/** A fresh book in its own in-memory IndexedDB; bound to TEST_BUSINESS unless `bind` is false. */
export async function openSyncTestDb(opts: OutboxOptions & { bind?: boolean; name?: string; indexedDB?: InstanceType<typeof IDBFactory> } = {}): Promise<BookDb> {
  const { bind = true, name = 'sync-test-book', indexedDB = new IDBFactory(), ...outbox } = opts;
  const db = new BookDb(name, { indexedDB, IDBKeyRange }, outbox);
  if (bind) await bindBook(db, TEST_BUSINESS, { now: () => '2026-03-01T08:00:00.000Z', newDeviceId: () => crypto.randomUUID() });
  return db;
}

export async function outboxRows(db: BookDb): Promise<OutboxRow[]> {
  return db.outbox.orderBy(':id').toArray();
}

export async function outboxChanges(db: BookDb): Promise<Change[]> {
  return (await outboxRows(db)).flatMap((r) => r.changes);
}

export async function outboxCounter(db: BookDb): Promise<OutboxCounterRow | undefined> {
  const parsed = OutboxCounterRow.safeParse(await db.syncState.get('outbox'));
  return parsed.success ? parsed.data : undefined;
}

/** Every synced record of a book (or of some tables) as the cloud would hold it, by `table:id`. */
export async function bookRecords(db: BookDb, tables: readonly SyncedTable[] = SYNCED_TABLES): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const table of tables) {
    const key = TABLE_RULES[table].primaryKey;
    for (const row of (await db.table(table).toArray()) as Record<string, unknown>[]) {
      const id = row[key];
      if (typeof id === 'string' && isSyncedKey(table, id)) out.set(`${table}:${id}`, toRecord(table, row));
    }
  }
  return out;
}

/** Timers the test fires by hand: `due()` lists what is waiting, `fire()` runs the earliest. */
export function manualTimers() {
  let next = 1;
  const waiting = new Map<number, { run: () => void; ms: number }>();
  return {
    set(run: () => void, ms: number): unknown {
      const id = next++;
      waiting.set(id, { run, ms });
      return id;
    },
    clear(handle: unknown) {
      waiting.delete(handle as number);
    },
    due(): number[] {
      return [...waiting.values()].map((t) => t.ms);
    },
    fire(): boolean {
      const first = [...waiting.entries()].sort((a, b) => a[1].ms - b[1].ms)[0];
      if (!first) return false;
      waiting.delete(first[0]);
      first[1].run();
      return true;
    },
  };
}
