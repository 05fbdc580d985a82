import type { Change, PutChange } from './protocol';
import { TABLE_RULES, type SyncedTable } from './tables';

/**
 * The merge rules of tables.ts as functions: the PC uses `diffRecords` to turn a write into a
 * change and `applyChange` to lay its own pending changes over what it pulls; the server uses
 * `applyChange` to merge a pushed change into what it holds. One implementation, so the two
 * sides agree by construction.
 */

export type RecordData = Record<string, unknown>;

/** What a table holds for a key: a record, a tombstone, or nothing yet. */
export type Held = { deleted: false; data: RecordData } | { deleted: true; data: null } | undefined;

/** Strips the fields a device derives for its own indexes. */
export function toRecord(table: SyncedTable, row: RecordData): RecordData {
  const derived = TABLE_RULES[table].derivedFields;
  if (derived.length === 0) return row;
  const out: RecordData = {};
  for (const [k, v] of Object.entries(row)) if (!derived.includes(k)) out[k] = v;
  return out;
}

/**
 * The change that turns `before` into `after` (rows as stored on the PC; derived fields are
 * ignored), or null when nothing that travels changed. Items that disappeared from an
 * append-only list are not sent: those lists only grow.
 */
export function diffRecords(table: SyncedTable, id: string, before: RecordData | undefined, after: RecordData | undefined): Change | null {
  if (after === undefined) return before === undefined ? null : { table, id, op: 'delete' };
  const rule = TABLE_RULES[table];
  const set: RecordData = {};
  const append: Record<string, unknown[]> = {};
  for (const [field, value] of Object.entries(after)) {
    if (rule.derivedFields.includes(field)) continue;
    if (rule.appendLists.includes(field)) {
      const known = new Set(itemIds(before?.[field]));
      const added = (Array.isArray(value) ? value : []).filter((item) => !known.has(itemId(item)));
      if (added.length > 0) append[field] = added;
      continue;
    }
    if (before === undefined || !sameJson(before[field], value)) set[field] = value;
  }
  if (before !== undefined && Object.keys(set).length === 0 && Object.keys(append).length === 0) return null;
  return { table, id, op: 'put', set, append };
}

/**
 * Merges a change into what is held. Returns the new state, or `'ignored'` when the change
 * has no effect by rule (an edit of a deleted record). The result is not validated here: the
 * server checks it against the table's shape, the PC trusts its own writes.
 */
export function applyChange(table: SyncedTable, held: Held, change: Change): Exclude<Held, undefined> | 'ignored' {
  if (change.op === 'delete') return { deleted: true, data: null };
  if (held?.deleted) return 'ignored';
  return { deleted: false, data: mergePut(table, held?.data, change) };
}

function mergePut(table: SyncedTable, current: RecordData | undefined, change: PutChange): RecordData {
  const rule = TABLE_RULES[table];
  const next: RecordData = { ...current, ...change.set };
  for (const list of rule.appendLists) {
    const existing = Array.isArray(current?.[list]) ? (current[list] as unknown[]) : [];
    const fromSet = Array.isArray(change.set[list]) ? (change.set[list] as unknown[]) : [];
    const merged = [...existing];
    const seen = new Set(itemIds(existing));
    for (const item of [...fromSet, ...(change.append[list] ?? [])]) {
      const id = itemId(item);
      if (id !== undefined && seen.has(id)) continue;
      if (id !== undefined) seen.add(id);
      merged.push(item);
    }
    next[list] = merged;
  }
  return next;
}

/** Whether a put carries only append-list fields for lists the table does not have. */
export function unknownLists(table: SyncedTable, change: PutChange): string[] {
  const lists = TABLE_RULES[table].appendLists;
  return Object.keys(change.append).filter((l) => !lists.includes(l));
}

function itemIds(list: unknown): (string | undefined)[] {
  return Array.isArray(list) ? list.map(itemId) : [];
}

function itemId(item: unknown): string | undefined {
  if (typeof item === 'object' && item !== null && 'id' in item) {
    const id = (item as { id: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

/** Structural equality of JSON values, independent of key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as RecordData)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as RecordData)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as RecordData)[k], (b as RecordData)[k]));
}
