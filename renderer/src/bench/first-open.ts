import { BookDb } from '../db/book-db';
import { searchCounter } from '../db/counter-search';
import type { FirstOpenResult } from './types';

/** Right after a browser restart: open the app's book, then its first counter lookup. */
export async function firstOpen(query: string): Promise<FirstOpenResult> {
  const t0 = performance.now();
  const db = new BookDb();
  await db.open();
  const t1 = performance.now();
  try {
    const hits = await searchCounter(db, query, 20);
    return { openMs: t1 - t0, firstSearchMs: performance.now() - t1, hits: hits.length };
  } finally {
    db.close();
  }
}
