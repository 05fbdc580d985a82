import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { BookDb } from './book-db';

/**
 * Tells listeners which rows of the book changed, once the change is committed.
 *
 * A Dexie DBCore middleware sees every write (add, put, modify, delete) whatever repository
 * made it, so no write path can forget to report itself. Keys are collected per IndexedDB
 * transaction and handed over on its `complete` event: an aborted transaction reports nothing,
 * so a listener never hears of a change that did not happen. The watch feeder (and later the
 * sync outbox) listens here.
 */
export interface BookChanges {
  /** Changed or deleted primary keys per table; `'all'` when a range delete hid the keys. */
  tables: Map<string, Set<string> | 'all'>;
}

export type ChangeListener = (changes: BookChanges) => void;

const listeners = new WeakMap<BookDb, Set<ChangeListener>>();

/** Subscribes to committed changes of a book; returns the unsubscribe function. */
export function onBookChange(db: BookDb, listener: ChangeListener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Installs the middleware on a book; BookDb does this in its constructor. */
export function changeFeedMiddleware(db: BookDb): Middleware<DBCore> {
  const pending = new WeakMap<object, BookChanges>();

  const record = (req: DBCoreMutateRequest, table: string) => {
    // For the IndexedDB core, the DBCore transaction is the IDBTransaction itself (named as the
    // EventTarget it is, so Node programs without the DOM library type-check this file too).
    const trans = req.trans as unknown as Pick<EventTarget, 'addEventListener'>;
    let changes = pending.get(trans);
    if (!changes) {
      const fresh: BookChanges = { tables: new Map() };
      changes = fresh;
      pending.set(trans, fresh);
      trans.addEventListener('complete', () => {
        const subscribers = listeners.get(db);
        if (subscribers) for (const l of subscribers) l(fresh);
      });
    }
    const current = changes.tables.get(table);
    if (current === 'all') return;
    if (req.type === 'deleteRange') {
      changes.tables.set(table, 'all');
      return;
    }
    const keys = current ?? new Set<string>();
    const list: readonly unknown[] = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v: { id?: unknown }) => v.id));
    for (const k of list) if (typeof k === 'string') keys.add(k);
    changes.tables.set(table, keys);
  };

  return {
    stack: 'dbcore',
    name: 'change-feed',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(req) {
              record(req, name);
              return table.mutate(req);
            },
          };
        },
      };
    },
  };
}
