import { SYNC_LIMITS } from '@core/sync/protocol';
import type { BookDb } from '../db/book-db';
import { EMPTY_COUNTER, OutboxCounterRow, OutboxRow } from './sync-state';

/**
 * The engine's side of the outbox: which mutations go in the next push, and removing the ones
 * the cloud has acknowledged. The middleware (outbox-middleware.ts) is the only writer of new
 * rows; this file only reads and deletes them.
 */

export interface BatchLimits {
  mutationsPerPush: number;
  changesPerPush: number;
}

/**
 * The oldest mutations that fit in one push, in id order. A mutation is never split (the
 * cloud applies it whole or not at all); one mutation always fits, as its own cap is lower.
 */
export function takeBatch<M extends { changes: readonly unknown[] }>(rows: readonly M[], limits: BatchLimits = SYNC_LIMITS): M[] {
  const batch: M[] = [];
  let changes = 0;
  for (const row of rows) {
    if (batch.length >= limits.mutationsPerPush) break;
    if (batch.length > 0 && changes + row.changes.length > limits.changesPerPush) break;
    batch.push(row);
    changes += row.changes.length;
  }
  return batch;
}

/** Reads the next push, a few rows at a time, so a long outbox is never loaded whole. */
export async function nextPushBatch(db: BookDb, limits: BatchLimits = SYNC_LIMITS): Promise<OutboxRow[]> {
  const rows: OutboxRow[] = [];
  for (;;) {
    const page = await db.outbox.where(':id').above(rows.at(-1)?.id ?? 0).limit(PAGE).toArray();
    for (const raw of page) {
      const parsed = OutboxRow.safeParse(raw);
      // A damaged mutation cannot be skipped (the cloud would see a gap) nor guessed at.
      if (!parsed.success) throw new Error(`Change ${String((raw as { id?: unknown }).id)} waiting in the sync outbox is damaged and cannot be sent.`);
      rows.push(parsed.data);
    }
    const batch = takeBatch(rows, limits);
    if (batch.length < rows.length || page.length < PAGE) return batch;
  }
}

const PAGE = 50;

/** Deletes every mutation up to `lastMutationId` (the cloud holds them); returns what is left. */
export async function ackOutbox(db: BookDb, lastMutationId: number): Promise<number> {
  return db.transaction('rw', db.outbox, db.syncState, async () => {
    const acked = await db.outbox.where(':id').belowOrEqual(lastMutationId).toArray();
    const counter = OutboxCounterRow.safeParse(await db.syncState.get('outbox'));
    const pending = counter.success ? counter.data.pendingChanges : 0;
    if (acked.length === 0) return pending;
    const removed = acked.reduce((n, row) => n + (Array.isArray(row.changes) ? row.changes.length : 0), 0);
    await db.outbox.bulkDelete(acked.map((row) => row.id));
    const pendingChanges = Math.max(0, pending - removed);
    // A damaged counter is left for the middleware to refuse: rewriting it here could reset
    // the mutation ids and have the cloud drop new changes as replays.
    if (counter.success) await db.syncState.put({ ...counter.data, pendingChanges });
    return pendingChanges;
  });
}

/** The id of the oldest mutation still waiting, if any. */
export async function firstPendingId(db: BookDb): Promise<number | undefined> {
  const first = await db.outbox.orderBy(':id').first();
  return first?.id;
}

/** The id the next local mutation will get. */
export async function nextMutationId(db: BookDb): Promise<number> {
  return (await readCounter(db)).nextMutationId;
}

/** How many changes wait in the outbox (kept in the counter, so no outbox scan). */
export async function pendingChanges(db: BookDb): Promise<number> {
  return (await readCounter(db)).pendingChanges;
}

async function readCounter(db: BookDb): Promise<OutboxCounterRow> {
  const parsed = OutboxCounterRow.safeParse(await db.syncState.get('outbox'));
  return parsed.success ? parsed.data : EMPTY_COUNTER;
}
