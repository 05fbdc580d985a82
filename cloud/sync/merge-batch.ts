import { applyChange, sameJson, unknownLists, type Held, type RecordData } from '@core/sync/merge';
import type { Change } from '@core/sync/protocol';
import { isSyncedKey, TABLE_RULES, type SyncedTable } from '@core/sync/tables';

/**
 * The server's half of a push, without the database: merges a batch of changes into the records
 * held for their keys with core's `applyChange`, and checks what would be stored. Pure, so the
 * rules can be tested without a server and apply-push.ts is left with SQL and locking.
 *
 * A record changed several times in one batch is merged change by change and checked once, in
 * its final state: that is what gets stored, and what the next version number is given to.
 */

/** One record whose stored state changes: it gets the next version. */
export interface MergedRecord {
  table: SyncedTable;
  id: string;
  before: Held;
  after: Exclude<Held, undefined>;
}

export type BatchMerge = { ok: true; changed: MergedRecord[] } | { ok: false; problem: string };

/** The key of a record in the maps below; tables never contain ':', so this cannot collide. */
export function recordKey(table: string, id: string): string {
  return `${table}:${id}`;
}

export function mergeBatch(changes: readonly Change[], held: ReadonlyMap<string, Held>): BatchMerge {
  const states = new Map<string, { table: SyncedTable; id: string; before: Held; now: Held }>();
  for (const change of changes) {
    const problem = changeProblem(change);
    if (problem) return { ok: false, problem };
    const key = recordKey(change.table, change.id);
    let state = states.get(key);
    if (!state) {
      const before = held.get(key);
      state = { table: change.table, id: change.id, before, now: before };
      states.set(key, state);
    }
    const next = applyChange(change.table, state.now, change);
    // 'ignored' is an edit of a deleted record: delete wins, nothing changes.
    if (next !== 'ignored') state.now = next;
  }

  const changed: MergedRecord[] = [];
  for (const { table, id, before, now } of states.values()) {
    // Unchanged (an ignored edit, a second delete, a put of what is held): no new version.
    if (now === undefined || sameState(before, now)) continue;
    if (!now.deleted) {
      const problem = recordProblem(table, id, now.data);
      if (problem) return { ok: false, problem };
    }
    changed.push({ table, id, before, after: now });
  }
  return { ok: true, changed };
}

function sameState(before: Held, after: Exclude<Held, undefined>): boolean {
  if (before === undefined) return false;
  if (before.deleted || after.deleted) return before.deleted === after.deleted;
  return sameJson(before.data, after.data);
}

function label(table: SyncedTable, id: string): string {
  return `${table} ${id}`;
}

/** What is wrong with a change before it is merged, or null. */
function changeProblem(change: Change): string | null {
  if (!isSyncedKey(change.table, change.id)) return `${label(change.table, change.id)}: this key of ${change.table} does not sync`;
  if (change.op === 'put') {
    const unknown = unknownLists(change.table, change);
    if (unknown.length > 0) return `${label(change.table, change.id)}, field ${unknown.join(', ')}: ${change.table} has no append-only list of that name`;
  }
  return null;
}

/** What is wrong with a merged record, naming its table, id and field, or null. */
function recordProblem(table: SyncedTable, id: string, data: RecordData): string | null {
  const rule = TABLE_RULES[table];
  const key = data[rule.primaryKey];
  if (key !== id) {
    return `${label(table, id)}, field ${rule.primaryKey}: ${key === undefined ? 'missing' : `${JSON.stringify(key)} does not match the record's id`}`;
  }
  const parsed = rule.shape.safeParse(data);
  if (parsed.success) return null;
  const issues = parsed.error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    // An unknown field has an empty path; the field is in `keys`.
    const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : path || '(record)';
    return `field ${field}: ${issue.message}`;
  });
  return `${label(table, id)}, ${issues.join('; ')}`;
}
