import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { diffRecords, type RecordData } from '@core/sync/merge';
import { SYNC_LIMITS, type Change } from '@core/sync/protocol';
import { isSyncedKey, isSyncedTable, type SyncedTable } from '@core/sync/tables';
import { isRemoteWrite } from './remote-writes';
import { EMPTY_COUNTER, OUTBOX_TABLE, OutboxCounterRow, SYNC_STATE_TABLE, type OutboxRow } from './sync-state';

/**
 * Records every local write of a synced table as a mutation in the outbox, in the same
 * IndexedDB transaction as the write: a committed write is always queued for the cloud, an
 * aborted one never is, whatever repository, import or `where().modify()` made it.
 *
 * How, at the DBCore level (below Dexie's Table API, so no write path can bypass it):
 * - `transaction()`: a readwrite transaction over any synced table is widened to also cover
 *   `outbox` and `syncState`, so the outbox row and its counter can be written inside it.
 * - `mutate()`: reads the rows about to change (for a range delete, resolves the keys first),
 *   lets the write through, and diffs old against new with core's `diffRecords` (derived
 *   fields never travel, append-only lists send only new items). The changes join the
 *   transaction's mutation, which is written again (grown) right after each write; its id comes
 *   from the counter in syncState, read and bumped in the same transaction, so ids have no
 *   gaps: an aborted transaction rolls back the row and the bump together.
 * - A transaction's writes are recorded one after another (a promise chain per transaction),
 *   so each diff reads what the previous write of that transaction left.
 *
 * One row per transaction, except a transaction of more than `changesPerMutation` changes (a
 * big import), which fills consecutive ids: the protocol caps a mutation's size.
 *
 * Nothing is recorded until the book is bound to a business (see bind-book.ts, which queues
 * the whole book once at that moment), nor for transactions the sync applier marked remote.
 */
export interface OutboxOptions {
  /** Stamps a mutation's `at` (for people reading the outbox; the cloud orders by arrival). */
  now?: () => string;
  /** Changes per outbox row: the protocol's cap, smaller in tests. */
  changesPerMutation?: number;
}

/** What one IndexedDB transaction has recorded so far. */
interface TransactionOutbox {
  /** The end of this transaction's chain of recorded writes. */
  tail: Promise<unknown>;
  /** Read at its first synced write; null when the book is not bound (nothing is recorded). */
  counter?: OutboxCounterRow | null;
  /** The mutation this transaction is filling. */
  row?: OutboxRow;
}

/**
 * The parts of IDBTransaction used here, named structurally so the Node tests that drive this
 * code (the sync fuzz, type-checked without the DOM library) compile too.
 */
interface IdbTransactionLike extends Pick<EventTarget, 'addEventListener'> {
  readonly mode: string;
  readonly objectStoreNames: { contains(name: string): boolean };
}

/** Which rows a write touches, where they sit in the request, and what they held before. */
interface Touched {
  positions: number[];
  keys: string[];
  before: (RecordData | undefined)[];
}

const listeners = new WeakMap<object, Set<() => void>>();

/**
 * Subscribes to committed local writes of a book: called once per transaction that queued a
 * mutation, after it committed (never for pulled writes or aborted transactions). The sync
 * engine pushes on it. Returns the unsubscribe function.
 */
export function onOutboxCommitted(book: object, listener: () => void): () => void {
  let set = listeners.get(book);
  if (!set) listeners.set(book, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Dexie's promise: its `then` keeps Dexie's transaction zone, which the layers below read. */
const DexiePromise = Dexie.Promise;

export function outboxMiddleware(book: object, opts: OutboxOptions = {}): Middleware<DBCore> {
  const now = opts.now ?? (() => new Date().toISOString());
  const cap = opts.changesPerMutation ?? SYNC_LIMITS.changesPerMutation;
  const recorders = new WeakMap<object, TransactionOutbox>();

  return {
    stack: 'dbcore',
    name: 'sync-outbox',
    // Below Dexie's hooks layer (level 2), which only knows the tables a Dexie transaction
    // named: the outbox and syncState rows written here are not among them.
    level: 1,
    create(down) {
      const names = down.schema.tables.map((t) => t.name);
      // A schema without the sync tables (never the case for BookDb) is left alone.
      if (!names.includes(OUTBOX_TABLE) || !names.includes(SYNC_STATE_TABLE)) return down;

      const readCounter = (trans: DBCoreTransaction) =>
        DexiePromise.resolve(down.table(SYNC_STATE_TABLE).getMany({ trans, keys: ['binding', 'outbox'] })).then((rows: unknown[]) => {
          const [binding, counter] = rows;
          if (binding === undefined) return null;
          if (counter === undefined) return EMPTY_COUNTER;
          const parsed = OutboxCounterRow.safeParse(counter);
          // Guessing a counter could reuse ids the cloud already holds, and it would drop those
          // changes as replays: refuse the write instead (nothing is saved, the error says why).
          if (!parsed.success) throw new Error('The sync outbox counter is damaged; this change was not saved.');
          return parsed.data;
        });

      const append = (trans: DBCoreTransaction, state: TransactionOutbox, counter: OutboxCounterRow, changes: Change[]) => {
        const dirty = new Set<OutboxRow>();
        let next = counter.nextMutationId;
        let row = state.row;
        for (const change of changes) {
          if (!row || row.changes.length >= cap) {
            row = { id: next++, at: now(), changes: [] };
          }
          row.changes.push(change);
          dirty.add(row);
        }
        if (!state.row) {
          // First mutation of this transaction: tell listeners once it has committed.
          (trans as unknown as IdbTransactionLike).addEventListener('complete', () => {
            for (const l of listeners.get(book) ?? []) l();
          });
        }
        if (row) state.row = row;
        state.counter = { key: 'outbox', nextMutationId: next, pendingChanges: counter.pendingChanges + changes.length };
        return DexiePromise.all([
          down.table(OUTBOX_TABLE).mutate({ type: 'put', trans, values: [...dirty] }),
          down.table(SYNC_STATE_TABLE).mutate({ type: 'put', trans, values: [state.counter] }),
        ]).then((results) => {
          const failed = results.find((r) => r.numFailures > 0);
          if (failed) {
            // A write that cannot be queued must not be committed either: it would never sync.
            abortQuietly(trans);
            throw failed.failures[0] ?? new Error('The sync outbox could not be written.');
          }
        });
      };

      const record = (table: DBCoreTable, name: SyncedTable, req: DBCoreMutateRequest, state: TransactionOutbox): Promise<DBCoreMutateResponse> => {
        const ready = state.counter !== undefined ? DexiePromise.resolve(state.counter) : readCounter(req.trans);
        return ready.then((counter) => {
          state.counter = counter;
          if (counter === null) return table.mutate(req);
          return rowsBefore(table, name, req).then((touched) =>
            DexiePromise.resolve(table.mutate(req)).then((res) => {
              const changes = touched.keys.length === 0 ? [] : changesOf(name, req, res, touched);
              return changes.length === 0 ? res : append(req.trans, state, counter, changes).then(() => res);
            }),
          );
        });
      };

      return {
        ...down,
        transaction(stores, mode, options) {
          const synced = mode === 'readwrite' && stores.some(isSyncedTable);
          const widened = synced ? [...new Set([...stores, OUTBOX_TABLE, SYNC_STATE_TABLE])] : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!isSyncedTable(name)) return table;
          return {
            ...table,
            mutate(req) {
              // For the IndexedDB core, the DBCore transaction is the IDBTransaction itself.
              const trans = req.trans as unknown as IdbTransactionLike;
              if (trans.mode !== 'readwrite' || isRemoteWrite(trans) || !trans.objectStoreNames.contains(OUTBOX_TABLE)) {
                return table.mutate(req);
              }
              let state = recorders.get(trans);
              if (!state) recorders.set(trans, (state = { tail: DexiePromise.resolve() }));
              const current = state;
              const result = current.tail.then(() => record(table, name, req, current));
              current.tail = result.then(
                () => undefined,
                () => undefined,
              );
              return result;
            },
          };
        },
      };
    },
  };
}

/** The keys a write touches (synced keys only) and their rows before it. */
function rowsBefore(table: DBCoreTable, name: SyncedTable, req: DBCoreMutateRequest): Promise<Touched> {
  const extractKey = table.schema.primaryKey.extractKey;
  const touched: Touched = { positions: [], keys: [], before: [] };
  const take = (position: number, key: unknown) => {
    if (typeof key === 'string' && isSyncedKey(name, key)) {
      touched.positions.push(position);
      touched.keys.push(key);
    }
  };
  const readBefore = () =>
    DexiePromise.resolve(touched.keys.length === 0 ? [] : table.getMany({ trans: req.trans, keys: touched.keys })).then((rows: unknown[]) => {
      touched.before = rows as (RecordData | undefined)[];
      return touched;
    });
  switch (req.type) {
    case 'add':
      req.values.forEach((value, i) => take(i, req.keys?.[i] ?? extractKey?.(value)));
      // An add only succeeds on a key that holds nothing: no need to read it.
      touched.before = touched.keys.map(() => undefined);
      return DexiePromise.resolve(touched);
    case 'put':
      req.values.forEach((value, i) => take(i, req.keys?.[i] ?? extractKey?.(value)));
      return readBefore();
    case 'delete':
      req.keys.forEach((key, i) => take(i, key));
      return readBefore();
    case 'deleteRange':
      // A range delete names no keys (table.clear(), a primary-key range): find them first.
      return DexiePromise.resolve(table.query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })).then(({ result }) => {
        (result as RecordData[]).forEach((row, i) => {
          take(i, extractKey?.(row));
          if (touched.positions.at(-1) === i) touched.before.push(row);
        });
        return touched;
      });
  }
}

/** The changes a completed write made: failed operations of a bulk write are left out. */
function changesOf(name: SyncedTable, req: DBCoreMutateRequest, res: DBCoreMutateResponse, touched: Touched): Change[] {
  if (req.type === 'deleteRange' && res.numFailures > 0) return [];
  // A bulk write may name one key twice: each diff starts from what the previous one left.
  const latest = new Map<string, RecordData | undefined>();
  const changes: Change[] = [];
  touched.keys.forEach((key, i) => {
    const position = touched.positions[i] ?? i;
    if (req.type !== 'deleteRange' && res.failures[position] !== undefined) return;
    const before = latest.has(key) ? latest.get(key) : touched.before[i];
    const after = req.type === 'add' || req.type === 'put' ? (req.values[position] as RecordData) : undefined;
    latest.set(key, after);
    const change = diffRecords(name, key, before, after);
    // A copy: the caller still holds the objects it wrote and may change them afterwards.
    if (change) changes.push(structuredClone(change));
  });
  return changes;
}

function abortQuietly(trans: DBCoreTransaction): void {
  try {
    trans.abort();
  } catch {
    // Already finished or aborting: nothing more to undo.
  }
}
