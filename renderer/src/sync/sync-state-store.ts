import type { BookDb } from '../db/book-db';
import { DeviceRow, LastSyncRow, PullRow } from './sync-state';

/** The engine's reads and writes of single syncState facts, each validated when read. */

export async function readDeviceId(db: BookDb): Promise<string | undefined> {
  const parsed = DeviceRow.safeParse(await db.syncState.get('device'));
  return parsed.success ? parsed.data.deviceId : undefined;
}

/** Where the next pull starts (0: from the beginning, a first sync downloads everything). */
export async function readPullCursor(db: BookDb): Promise<number> {
  const parsed = PullRow.safeParse(await db.syncState.get('pull'));
  return parsed.success ? parsed.data.cursor : 0;
}

export async function readLastSyncedAt(db: BookDb): Promise<string | null> {
  const parsed = LastSyncRow.safeParse(await db.syncState.get('lastSync'));
  return parsed.success ? parsed.data.at : null;
}

export async function saveLastSyncedAt(db: BookDb, at: string): Promise<void> {
  await db.syncState.put({ key: 'lastSync', at });
}
