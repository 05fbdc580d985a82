import { useEffect, useState } from 'react';
import type { Invoice } from '@core/invoice';
import type { Rating } from '@core/rating';
import type { BookDb } from '../../db/book-db';
import { onBookChange } from '../../db/change-feed';
import { searchCounter, type CounterHit } from '../../db/counter-search';
import { invoicesOfCustomers } from '../../db/invoices-repo';
import { ratingsOfCustomers } from '../../db/ratings-repo';

export interface CounterResults {
  /** The text these hits answer, so a late answer never replaces a newer one on screen. */
  query: string;
  hits: CounterHit[];
}

/** Bumps whenever a committed change touches one of the tables, so lookups re-run. */
function useBookVersion(db: BookDb, tables: readonly string[]): number {
  const [version, setVersion] = useState(0);
  const watched = tables.join(',');
  useEffect(
    () =>
      onBookChange(db, (changes) => {
        const names = watched.split(',');
        if (names.some((t) => changes.tables.has(t))) setVersion((v) => v + 1);
      }),
    [db, watched],
  );
  return version;
}

/**
 * The lookup for each keystroke. A plain read (not a Dexie live query, whose per-row
 * bookkeeping cost more than the read itself, see `npm run bench`) that re-runs when the book
 * changes; the newest keystroke wins, an older answer arriving late is dropped.
 */
export function useCounterSearch(db: BookDb, query: string): CounterResults | undefined {
  const [results, setResults] = useState<CounterResults | undefined>(undefined);
  const version = useBookVersion(db, ['customers', 'invoices']);
  useEffect(() => {
    let current = true;
    searchCounter(db, query, 20).then(
      (hits) => {
        if (current) setResults({ query, hits });
      },
      (error: unknown) => {
        console.error('Rateback: counter lookup failed', error);
        if (current) setResults({ query, hits: [] });
      },
    );
    return () => {
      current = false;
    };
  }, [db, query, version]);
  return results;
}

export interface CardFacts {
  /** Customers whose facts are loaded; others show a placeholder. */
  loaded: ReadonlySet<string>;
  invoices: ReadonlyMap<string, Invoice[]>;
  ratings: ReadonlyMap<string, Rating[]>;
}

const NO_FACTS: CardFacts = { loaded: new Set(), invoices: new Map(), ratings: new Map() };

/**
 * The facts each result card shows (balance, lateness, scores, incidents). They are read after
 * the names have painted — a frame later — so the list itself appears as fast as the lookup.
 */
export function useCardFacts(db: BookDb, customerIds: readonly string[]): CardFacts {
  // The ids travel as one string: the array changes identity on every render, its content rarely.
  const key = customerIds.join(',');
  const [facts, setFacts] = useState<CardFacts>(NO_FACTS);
  const version = useBookVersion(db, ['invoices', 'ratings']);
  useEffect(() => {
    if (key === '') return;
    let current = true;
    const ids = key.split(',');
    const frame = requestAnimationFrame(() => {
      void loadFacts(db, ids).then((loaded) => current && setFacts(loaded));
    });
    return () => {
      current = false;
      cancelAnimationFrame(frame);
    };
  }, [db, key, version]);
  return facts;
}

async function loadFacts(db: BookDb, ids: string[]): Promise<CardFacts> {
  const [invoices, ratings] = await Promise.all([invoicesOfCustomers(db, ids), ratingsOfCustomers(db, ids)]);
  return { loaded: new Set(ids), invoices: groupBy(invoices, (i) => i.customerId), ratings: groupBy(ratings, (r) => r.customerId) };
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
