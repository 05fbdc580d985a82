import type { Table } from 'dexie';
import { diffRecords } from '@core/sync/merge';
import { SYNC_LIMITS, type Change } from '@core/sync/protocol';
import { isSyncedKey, SYNCED_TABLES, TABLE_RULES } from '@core/sync/tables';
import type { BookDb } from '../db/book-db';
import { BindingRow, type OutboxRow } from './sync-state';

/**
 * Binds the book to a business on its first sync, and queues the whole book for the cloud.
 *
 * Why a snapshot rather than the outbox history: a book made before sync existed (schema v1,
 * v2) has rows no outbox ever saw, and a book used for months before sign-in would otherwise
 * replay every intermediate edit. So the outbox records nothing until the book is bound, and
 * binding writes, in one transaction, every synced row as a "put everything" change, numbered
 * from 1 under a fresh device id (the cloud has never seen this device, so it expects 1).
 * Any write either committed before that transaction (and is in the snapshot) or after it
 * (and is in the outbox): IndexedDB serialises the two, as both cover syncState.
 */
export type BindResult = { kind: 'bound'; deviceId: string; changes: number } | { kind: 'already' } | { kind: 'other_business'; businessId: string };

export async function bindBook(
  db: BookDb,
  businessId: string,
  opts: { now: () => string; newDeviceId: () => string; changesPerMutation?: number },
): Promise<BindResult> {
  const cap = opts.changesPerMutation ?? SYNC_LIMITS.changesPerMutation;
  const tables = SYNCED_TABLES.map((name) => db.table(name) as Table<Record<string, unknown>, string>);
  return db.transaction('rw', [...tables, db.outbox, db.syncState], async (): Promise<BindResult> => {
    const existing = await db.syncState.get('binding');
    if (existing !== undefined) {
      const parsed = BindingRow.safeParse(existing);
      if (parsed.success && parsed.data.businessId === businessId) return { kind: 'already' };
      return { kind: 'other_business', businessId: parsed.success ? parsed.data.businessId : '(unreadable)' };
    }

    const changes: Change[] = [];
    for (const name of SYNCED_TABLES) {
      const key = TABLE_RULES[name].primaryKey;
      for (const row of await db.table(name).toArray()) {
        const id = (row as Record<string, unknown>)[key];
        if (typeof id !== 'string' || !isSyncedKey(name, id)) continue;
        const change = diffRecords(name, id, undefined, row as Record<string, unknown>);
        if (change) changes.push(change);
      }
    }

    const at = opts.now();
    const rows: OutboxRow[] = [];
    for (let i = 0; i < changes.length; i += cap) rows.push({ id: rows.length + 1, at, changes: changes.slice(i, i + cap) });
    const deviceId = opts.newDeviceId();
    await db.outbox.clear();
    if (rows.length > 0) await db.outbox.bulkAdd(rows);
    await db.syncState.bulkPut([
      { key: 'binding', businessId, boundAt: at },
      { key: 'device', deviceId },
      { key: 'outbox', nextMutationId: rows.length + 1, pendingChanges: changes.length },
      { key: 'pull', cursor: 0 },
    ]);
    return { kind: 'bound', deviceId, changes: changes.length };
  });
}
