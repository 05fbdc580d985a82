import { useLiveQuery } from 'dexie-react-hooks';
import type { Invoice } from '@core/invoice';
import type { Rating } from '@core/rating';
import type { BookDb } from '../../db/book-db';
import { searchCounter, type CounterHit } from '../../db/counter-search';
import { invoicesOfCustomers } from '../../db/invoices-repo';
import { ratingsOfCustomers } from '../../db/ratings-repo';

export interface CounterResults {
  /** The text these hits answer, so a late answer never replaces a newer one on screen. */
  query: string;
  hits: CounterHit[];
}

/** Live lookup: re-runs on every keystroke and whenever the book changes underneath. */
export function useCounterSearch(db: BookDb, query: string): CounterResults | undefined {
  return useLiveQuery(async () => ({ query, hits: await searchCounter(db, query, 20) }), [db, query]);
}

export interface CardFacts {
  invoices: Map<string, Invoice[]>;
  ratings: Map<string, Rating[]>;
}

/**
 * The facts each result card shows (balance, lateness, scores, incidents), fetched for all
 * shown customers at once after the names have painted.
 */
export function useCardFacts(db: BookDb, customerIds: readonly string[]): CardFacts | undefined {
  // The ids travel as one string: the array changes identity on every render, its content rarely.
  const key = customerIds.join(',');
  return useLiveQuery(async () => {
    const ids = key === '' ? [] : key.split(',');
    const [invoices, ratings] = await Promise.all([invoicesOfCustomers(db, ids), ratingsOfCustomers(db, ids)]);
    return { invoices: groupBy(invoices, (i) => i.customerId), ratings: groupBy(ratings, (r) => r.customerId) };
  }, [db, key]);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
