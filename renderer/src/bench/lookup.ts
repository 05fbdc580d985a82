import { parseSearchQuery } from '@core/search-tokens';
import { BookDb } from '../db/book-db';
import { searchCounter } from '../db/counter-search';
import { rawTokenRange, timeParts } from './lookup-parts';
import { peer } from './peer';
import { progress } from './progress';
import { LOOKUP_PARTS, QUERY_KINDS, type KindSamples, type LookupResult, type QuerySets } from './types';

const LIMIT = 20;

type Way = 'app' | 'floor' | 'peer';
const WAYS: readonly Way[] = ['app', 'floor', 'peer'];

/** Runs one way of looking up and returns how many results it gave. */
async function run(way: Way, db: BookDb, idb: IDBDatabase, q: string): Promise<number> {
  switch (way) {
    case 'app':
      return (await searchCounter(db, q, LIMIT)).length;
    case 'floor': {
      const parsed = parseSearchQuery(q);
      return parsed.kind === 'empty' ? 0 : (await rawTokenRange(idb, parsed.primary, LIMIT)).length;
    }
    case 'peer':
      return peer.search(q, LIMIT).length;
  }
}

function emptySamples(): KindSamples {
  const parts = Object.fromEntries(LOOKUP_PARTS.map((p) => [p, [] as number[]])) as KindSamples['parts'];
  return { app: [], floor: [], peer: [], parts, hits: { app: 0, floor: 0, peer: 0 } };
}

/**
 * Data-only lookup latency. For every query the three ways run back to back, in an order that
 * rotates from query to query (whoever goes first pays for cold pages), then the app's parts.
 * The first `warmup` queries of each kind are run but not recorded.
 */
export async function measureLookups(opts: { queries: QuerySets; warmup: number }): Promise<LookupResult> {
  const db = new BookDb();
  await db.open();
  const idb = db.backendDB();
  const result = {} as LookupResult;
  try {
    for (const kind of QUERY_KINDS) {
      const samples = emptySamples();
      const hits = { app: 0, floor: 0, peer: 0 };
      const queries = opts.queries[kind];
      for (let i = 0; i < queries.length; i++) {
        const q = queries[i] ?? '';
        const record = i >= opts.warmup;
        for (let k = 0; k < WAYS.length; k++) {
          const way = WAYS[(i + k) % WAYS.length] ?? 'app';
          const t = performance.now();
          const n = await run(way, db, idb, q);
          const ms = performance.now() - t;
          if (record) {
            samples[way].push(ms);
            hits[way] += n;
          }
        }
        const parts = await timeParts(db, idb, q);
        if (record) for (const p of LOOKUP_PARTS) if (parts[p] !== null) samples.parts[p].push(parts[p]);
      }
      const recorded = Math.max(1, queries.length - opts.warmup);
      samples.hits = { app: hits.app / recorded, floor: hits.floor / recorded, peer: hits.peer / recorded };
      result[kind] = samples;
      progress(`lookups ${kind}: ${recorded} queries`);
    }
    return result;
  } finally {
    db.close();
  }
}
