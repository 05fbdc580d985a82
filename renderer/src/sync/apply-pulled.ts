import type { Table } from 'dexie';
import { z } from 'zod';
import { applyChange, type Held, type RecordData } from '@core/sync/merge';
import type { Change, PullPage } from '@core/sync/protocol';
import { isSyncedKey, SYNCED_TABLES, SyncedTable } from '@core/sync/tables';
import type { BookDb } from '../db/book-db';
import { reportRowProblem } from '../db/read-validation';
import { toLocalRow } from './local-rows';
import { markRemoteWrite } from './remote-writes';
import { OutboxRow, PullRow } from './sync-state';

/**
 * Writes one page of pulled records into the book, in one transaction marked remote (so the
 * outbox does not send the cloud's own records back), together with the new pull cursor.
 *
 * Each record starts from what the cloud holds (or a tombstone), then this PC's changes still
 * waiting in the outbox are laid over it with core's `applyChange`, the same merge the cloud
 * will make when they arrive. So a pull never hides a local edit that is not pushed yet, and
 * the row shown is the one the cloud will end with (a delete still wins). This is only right
 * for changes the cloud has not applied yet: the engine pulls only after a push that was
 * acknowledged, so what is left in the outbox is exactly that.
 */

/** A pulled page, checked before use: it comes over the network. */
export const PulledPageSchema = z.object({
  records: z.array(
    z.object({
      table: SyncedTable,
      id: z.string().min(1),
      version: z.number().int().min(0),
      deleted: z.boolean(),
      data: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  latest: z.number().int().min(0),
  remaining: z.number().int().min(0),
});

export type ApplyOutcome = { kind: 'applied'; records: number; rejected: number } | { kind: 'stale'; cursor: number };

/**
 * Applies `page`, pulled from `fromCursor`. If the book's cursor is no longer `fromCursor`
 * (another window of the app applied a page meanwhile), nothing is written: 'stale'.
 */
export async function applyPulledPage(db: BookDb, page: PullPage, fromCursor: number): Promise<ApplyOutcome> {
  const tables = SYNCED_TABLES.map((name) => db.table(name) as Table<RecordData, string>);
  return db.transaction('rw', [...tables, db.outbox, db.syncState], async (tx): Promise<ApplyOutcome> => {
    markRemoteWrite(tx.idbtrans);
    const stored = PullRow.safeParse(await db.syncState.get('pull'));
    const cursor = stored.success ? stored.data.cursor : 0;
    if (cursor !== fromCursor) return { kind: 'stale', cursor };

    const pending = pendingByRecord(await db.outbox.toArray());
    // The final state of each record of the page, in page order (a key listed twice: last wins).
    const finals = new Map<string, { table: SyncedTable; id: string; row: RecordData | null }>();
    let rejected = 0;
    for (const record of page.records) {
      if (!isSyncedKey(record.table, record.id)) continue;
      let held: Exclude<Held, undefined> = record.deleted || record.data === null ? { deleted: true, data: null } : { deleted: false, data: record.data };
      for (const change of pending.get(recordKey(record.table, record.id)) ?? []) {
        const next = applyChange(record.table, held, change);
        if (next !== 'ignored') held = next;
      }
      if (held.deleted) {
        finals.set(recordKey(record.table, record.id), { table: record.table, id: record.id, row: null });
        continue;
      }
      const local = toLocalRow(record.table, record.id, held.data);
      if (local.ok) {
        finals.set(recordKey(record.table, record.id), { table: record.table, id: record.id, row: local.row });
      } else {
        // Left as it is on this PC and reported; the cursor still moves on, so one bad record
        // cannot stall the sync (the next change of that record brings it again).
        rejected++;
        reportRowProblem({ table: record.table, id: record.id, issues: local.issues });
      }
    }

    for (const name of SYNCED_TABLES) {
      const mine = [...finals.values()].filter((f) => f.table === name);
      if (mine.length === 0) continue;
      const puts = mine.flatMap((f) => (f.row ? [f.row] : []));
      const deletes = mine.flatMap((f) => (f.row ? [] : [f.id]));
      if (deletes.length > 0) await db.table(name).bulkDelete(deletes);
      if (puts.length > 0) await db.table(name).bulkPut(puts);
    }
    await db.syncState.put({ key: 'pull', cursor: page.cursor });
    return { kind: 'applied', records: page.records.length, rejected };
  });
}

function recordKey(table: string, id: string): string {
  return `${table}:${id}`;
}

/** This PC's waiting changes per record, oldest first. */
function pendingByRecord(rows: readonly unknown[]): Map<string, Change[]> {
  const byKey = new Map<string, Change[]>();
  const parsed = rows.flatMap((row) => {
    const mutation = OutboxRow.safeParse(row);
    return mutation.success ? [mutation.data] : [];
  });
  parsed.sort((a, b) => a.id - b.id);
  for (const mutation of parsed) {
    for (const change of mutation.changes) {
      const key = recordKey(change.table, change.id);
      const list = byKey.get(key);
      if (list) list.push(change);
      else byKey.set(key, [change]);
    }
  }
  return byKey;
}
