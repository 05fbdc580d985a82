import { parseSearchQuery } from '@core/search-tokens';
import { BookDb } from '../db/book-db';
import { searchCounter } from '../db/counter-search';
import { rawTokenRange, timeParts } from './lookup-parts';
import { peer } from './peer';
import type { LookupSample, PeerSample } from './types';

const LIMIT = 20;

/** The app's book, opened once for all lookups on this page (closeLookups() ends it). */
let book: { db: BookDb; idb: IDBDatabase } | null = null;

async function openBook(): Promise<{ db: BookDb; idb: IDBDatabase }> {
  if (!book) {
    const db = new BookDb();
    await db.open();
    book = { db, idb: db.backendDB() };
  }
  return book;
}

async function timeApp(db: BookDb, q: string): Promise<[number, number]> {
  const t = performance.now();
  const hits = await searchCounter(db, q, LIMIT);
  return [performance.now() - t, hits.length];
}

async function timeFloor(idb: IDBDatabase, q: string): Promise<[number, number]> {
  const parsed = parseSearchQuery(q);
  if (parsed.kind === 'empty') throw new Error(`"${q}" is not a query`);
  const t = performance.now();
  const rows = await rawTokenRange(idb, parsed.primary, LIMIT);
  return [performance.now() - t, rows.length];
}

/**
 * One query, data only: the app's searchCounter(db, q, 20) and the floor (one bare getAll of
 * 20 on the tokens index, on the same primary token), back to back in the given order (the
 * caller alternates it: whoever goes first pays for cold pages), then the app's parts (warm).
 */
export async function lookupOnce(q: string, appFirst: boolean): Promise<LookupSample> {
  const { db, idb } = await openBook();
  let app: [number, number];
  let floor: [number, number];
  if (appFirst) {
    app = await timeApp(db, q);
    floor = await timeFloor(idb, q);
  } else {
    floor = await timeFloor(idb, q);
    app = await timeApp(db, q);
  }
  const parts = await timeParts(db, idb, q);
  return { app: app[0], floor: floor[0], parts, hits: { app: app[1], floor: floor[1] } };
}

export function closeLookups(): void {
  book?.db.close();
  book = null;
}

/** The peer's lookup (FlexSearch in memory, built by buildPeer() on this page). */
export function peerLookup(q: string): PeerSample {
  const t = performance.now();
  const hits = peer.search(q, LIMIT).length;
  return { ms: performance.now() - t, hits };
}
