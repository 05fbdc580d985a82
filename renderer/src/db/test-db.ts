import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { BookDb } from './book-db';
import type { WriteContext } from './write-context';

/** A fresh in-memory book for a Node test (fake-indexeddb implements IndexedDB in JS). */
export function openTestDb(name = 'test-book'): { db: BookDb; indexedDB: IDBFactory } {
  const indexedDB = new IDBFactory();
  return { db: new BookDb(name, { indexedDB, IDBKeyRange }), indexedDB };
}

/** A write context with a clock that moves one second per call, so stamps are ordered. */
export function testContext(overrides: Partial<WriteContext> = {}): WriteContext {
  let t = Date.parse('2026-03-01T09:00:00.000Z');
  return {
    actor: 'Sam Counter',
    country: 'GB',
    locale: 'en-GB',
    now: () => new Date((t += 1000)).toISOString(),
    ...overrides,
  };
}
