import { sameJson } from '@core/sync/merge';
import { TABLE_RULES, type SyncedTable } from '@core/sync/tables';

/**
 * What the fuzz's PCs did, independent of the sync under test: each local operation is seen
 * as the difference between the PC's book just before and just after it (records as the
 * cloud holds them, by `table:id`). From that the model knows which records were created and
 * deleted anywhere, who wrote each field last on each PC, and every item ever appended to a
 * payments list — and `check` says what the converged book must look like.
 */
export type Book = Map<string, Record<string, unknown>>;

const tableOf = (key: string) => key.slice(0, key.indexOf(':')) as SyncedTable;

export class BookModel {
  /** key → the record as first created (for its parent links). */
  readonly created = new Map<string, Record<string, unknown>>();
  readonly deleted = new Set<string>();
  /** key → field → PC → the last value that PC wrote. */
  readonly writes = new Map<string, Map<string, Map<number, unknown>>>();
  /** key → list → item id → item. */
  readonly appended = new Map<string, Map<string, Map<string, unknown>>>();

  /** Records what one local operation on PC `pc` did. */
  observe(pc: number, before: Book, after: Book): void {
    const effect = diffBooks(before, after);
    for (const [key, record] of effect.created) this.created.set(key, record);
    for (const [key, fields] of effect.writes) for (const [field, value] of fields) this.write(key, field, pc, value);
    for (const [key, lists] of effect.appends) for (const [list, items] of lists) for (const item of items) this.append(key, list, item);
    for (const key of effect.deleted) this.deleted.add(key);
  }

  private write(key: string, field: string, pc: number, value: unknown) {
    let fields = this.writes.get(key);
    if (!fields) this.writes.set(key, (fields = new Map()));
    let byPc = fields.get(field);
    if (!byPc) fields.set(field, (byPc = new Map()));
    byPc.set(pc, structuredClone(value));
  }

  private append(key: string, list: string, item: unknown) {
    let lists = this.appended.get(key);
    if (!lists) this.appended.set(key, (lists = new Map()));
    let items = lists.get(list);
    if (!items) lists.set(list, (items = new Map()));
    const id = itemId(item);
    if (id !== undefined) items.set(id, structuredClone(item));
  }

  /** Everything wrong with `truth` (the cloud's converged book) against what the PCs did. */
  check(truth: Book): string[] {
    const problems: string[] = [];
    for (const key of this.deleted) if (truth.has(key)) problems.push(`${key} was deleted on a PC but is still in the book`);
    for (const key of this.created.keys()) {
      if (!this.deleted.has(key) && !truth.has(key)) problems.push(`${key} was created on a PC, never deleted, and is lost`);
    }
    for (const [key, record] of truth) {
      if (!this.created.has(key)) {
        problems.push(`${key} is in the book but no PC created it`);
        continue;
      }
      const lists = TABLE_RULES[tableOf(key)].appendLists;
      for (const [field, value] of Object.entries(record)) {
        if (lists.includes(field)) continue;
        const byPc = this.writes.get(key)?.get(field);
        if (!byPc) problems.push(`${key}.${field} holds ${JSON.stringify(value)}, which no PC wrote`);
        else if (byPc.size === 1) {
          const [pc, last] = [...byPc][0] ?? [];
          if (!sameJson(value, last)) problems.push(`${key}.${field} is ${JSON.stringify(value)}, but only PC ${pc} wrote it, last as ${JSON.stringify(last)}`);
        } else if (![...byPc.values()].some((last) => sameJson(value, last))) {
          problems.push(`${key}.${field} is ${JSON.stringify(value)}, none of the last values its writers wrote: ${JSON.stringify([...byPc.values()])}`);
        }
      }
      for (const list of lists) {
        const expected = this.appended.get(key)?.get(list) ?? new Map<string, unknown>();
        const held = Array.isArray(record[list]) ? (record[list] as unknown[]) : [];
        const ids = held.map(itemId);
        if (new Set(ids).size !== ids.length) problems.push(`${key}.${list} holds an item twice`);
        if (ids.length !== expected.size || held.some((item) => !sameJson(item, expected.get(itemId(item) ?? '')))) {
          problems.push(`${key}.${list} holds ${ids.length} items, but PCs appended exactly ${expected.size} (${[...expected.keys()].join(', ')})`);
        }
      }
    }
    // Ratings of every customer still in the book: exactly those recorded for it anywhere.
    for (const key of truth.keys()) {
      if (tableOf(key) !== 'customers') continue;
      const id = key.slice('customers:'.length);
      const expected = [...this.created].filter(([k, r]) => tableOf(k) === 'ratings' && r['customerId'] === id && !this.deleted.has(k)).map(([k]) => k);
      const held = [...truth].filter(([k, r]) => tableOf(k) === 'ratings' && r['customerId'] === id).map(([k]) => k);
      if (!sameJson(expected.sort(), held.sort())) problems.push(`${key} has ratings ${held.join(', ')} but ${expected.join(', ')} were recorded for it`);
    }
    return problems;
  }
}

/** What one local operation did to a book: new records, written fields, appended items, deletes. */
export interface Effect {
  created: Map<string, Record<string, unknown>>;
  writes: Map<string, Map<string, unknown>>;
  appends: Map<string, Map<string, unknown[]>>;
  deleted: Set<string>;
}

export function diffBooks(before: Book, after: Book): Effect {
  const effect: Effect = { created: new Map(), writes: new Map(), appends: new Map(), deleted: new Set() };
  for (const [key, now] of after) {
    const was = before.get(key);
    if (!was) effect.created.set(key, structuredClone(now));
    const lists = TABLE_RULES[tableOf(key)].appendLists;
    for (const field of new Set([...Object.keys(now), ...Object.keys(was ?? {})])) {
      if (was && sameJson(was[field], now[field])) continue;
      if (lists.includes(field)) {
        const known = new Set((Array.isArray(was?.[field]) ? (was[field] as unknown[]) : []).map(itemId));
        const added = (Array.isArray(now[field]) ? (now[field] as unknown[]) : []).filter((item) => !known.has(itemId(item)));
        if (added.length === 0) continue;
        let lists = effect.appends.get(key);
        if (!lists) effect.appends.set(key, (lists = new Map()));
        lists.set(field, structuredClone(added));
      } else {
        let fields = effect.writes.get(key);
        if (!fields) effect.writes.set(key, (fields = new Map()));
        fields.set(field, structuredClone(now[field]));
      }
    }
  }
  for (const key of before.keys()) if (!after.has(key)) effect.deleted.add(key);
  return effect;
}

/**
 * What a PC must still show right after a sync during which it made `effects` (while the sync
 * waited for the cloud): its own edits, which the cloud has not seen yet, laid over whatever
 * was pulled — unless the record was deleted (a delete wins) — and its deletes.
 */
export function hiddenLocalEdits(effects: readonly Effect[], book: Book): string[] {
  const problems: string[] = [];
  const deleted = new Set<string>();
  const latest = new Map<string, Map<string, unknown>>();
  const appended = new Map<string, unknown[]>();
  for (const effect of effects) {
    for (const key of effect.deleted) deleted.add(key);
    for (const [key, fields] of effect.writes) {
      deleted.delete(key);
      let mine = latest.get(key);
      if (!mine) latest.set(key, (mine = new Map()));
      for (const [field, value] of fields) mine.set(field, value);
    }
    for (const [key, lists] of effect.appends) for (const items of lists.values()) appended.set(key, [...(appended.get(key) ?? []), ...items]);
  }
  for (const key of deleted) if (book.has(key)) problems.push(`${key}, deleted on this PC during the sync, came back`);
  for (const [key, fields] of latest) {
    const record = book.get(key);
    if (!record) continue;
    for (const [field, value] of fields) {
      if (!sameJson(record[field], value)) problems.push(`${key}.${field}, written on this PC during the sync, shows ${JSON.stringify(record[field])} instead of ${JSON.stringify(value)}`);
    }
  }
  for (const [key, items] of appended) {
    const record = book.get(key);
    if (!record) continue;
    const held = new Set(Object.values(record).flatMap((v) => (Array.isArray(v) ? v.map(itemId) : [])));
    for (const item of items) if (!held.has(itemId(item))) problems.push(`${key}: an item appended on this PC during the sync is gone`);
  }
  return problems;
}

function itemId(item: unknown): string | undefined {
  if (typeof item === 'object' && item !== null && 'id' in item) {
    const id = (item as { id: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}
