import { Index } from 'flexsearch';
import { parseSearchQuery } from '@core/search-tokens';
import { BookDb } from '../db/book-db';
import { progress, since } from './progress';
import type { PeerBuildResult } from './types';

/**
 * The peer: everything in memory. A FlexSearch Index with the forward (prefix) tokenizer over
 * the same tokens the app stores per customer (folded name and company words, phone digit
 * suffixes of ≥ 4 digits, e-mails; also the national phone form and the tax id). Documents
 * get numeric ids (cheaper in FlexSearch than UUID strings) mapped back through one array.
 */
export interface Peer {
  search(raw: string, limit: number): string[];
}

let current: { index: Index; ids: string[] } | null = null;

const PAGE = 5000;

export async function buildPeer(): Promise<PeerBuildResult> {
  // Tokens are already folded and space-free: split on spaces only, keep '@' and '.'.
  const index = new Index({ tokenize: 'forward', encode: (text: string) => text.split(' '), fastupdate: false, cache: false });
  const ids: string[] = [];
  const db = new BookDb();
  let readMs = 0;
  let indexMs = 0;
  try {
    let after = '';
    for (;;) {
      let t = performance.now();
      const rows = await db.customers.where(':id').above(after).limit(PAGE).toArray();
      readMs += since(t);
      if (rows.length === 0) break;
      t = performance.now();
      for (const row of rows) {
        index.add(ids.length, row.tokens.join(' '));
        ids.push(row.id);
      }
      indexMs += since(t);
      after = rows[rows.length - 1]?.id ?? after;
      if (ids.length % 20_000 === 0) progress(`flexsearch: ${ids.length} customers indexed (${((readMs + indexMs) / 1000).toFixed(0)} s)`);
    }
  } finally {
    db.close();
  }
  current = { index, ids };
  return { documents: ids.length, readMs, indexMs };
}

export const peer: Peer = {
  search(raw, limit) {
    if (!current) throw new Error('buildPeer() first');
    const q = parseSearchQuery(raw);
    if (q.kind === 'empty') return [];
    const { ids } = current;
    return (current.index.search(q.primary, { limit }) as number[]).map((n) => ids[n] ?? '');
  },
};
