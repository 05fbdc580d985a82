import { z } from 'zod';
import { Id, IsoInstant } from '../primitives';
import { SyncedTable } from './tables';

/**
 * The wire format of sync between a PC and the cloud.
 *
 * A PC records every local write transaction as one *mutation* in its outbox, in the same
 * IndexedDB transaction as the write itself, numbered 1, 2, 3… per device. Push sends mutations
 * in order; the server applies a batch in one database transaction and remembers the device's
 * last applied mutation id, so a replayed batch changes nothing and a gap is refused (the PC
 * then resends from what the server has). Every accepted change gets the business's next
 * version number; pull returns the records changed after a cursor, deletes as tombstones.
 */

/** Caps: a push body is also capped in bytes by the HTTP layer. */
export const SYNC_LIMITS = {
  mutationsPerPush: 500,
  changesPerMutation: 2000,
  changesPerPush: 5000,
  itemsPerAppend: 1000,
  pullPageMax: 5000,
  pullPageDefault: 1000,
  recordIdLength: 100,
} as const;

const RecordKey = z.string().min(1).max(SYNC_LIMITS.recordIdLength);
const FIELD_NAME_MAX = 64;

/**
 * A plain object whose keys are at most 64 characters and whose every value passes `value`.
 * Checked in place and passed on as it came, not copied: `z.record` would walk and rebuild
 * every value of every change, and each table's shape checks the merged record anyway.
 */
function shallowRecord<T>(value: (v: unknown) => boolean, message: string) {
  return z.custom<Record<string, T>>((input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
    const proto: unknown = Object.getPrototypeOf(input);
    if (proto !== Object.prototype && proto !== null) return false;
    for (const key in input) {
      if (key.length > FIELD_NAME_MAX || !value((input as Record<string, unknown>)[key])) return false;
    }
    return true;
  }, message);
}

/** Field values are plain JSON; each table's shape checks them when the server merges. */
const FieldValues = shallowRecord<unknown>(() => true, `Expected an object of fields with names of at most ${FIELD_NAME_MAX} characters`);
/** Items added to append-only lists, by list name; the items themselves are checked at merge. */
const AppendLists = shallowRecord<unknown[]>(
  (v) => Array.isArray(v) && v.length <= SYNC_LIMITS.itemsPerAppend,
  `Expected an object of lists with names of at most ${FIELD_NAME_MAX} characters and at most ${SYNC_LIMITS.itemsPerAppend} items each`,
);

export const Change = z.discriminatedUnion('op', [
  z.strictObject({
    table: SyncedTable,
    id: RecordKey,
    op: z.literal('put'),
    /** Fields set by this change (all of them when the record is new). */
    set: FieldValues,
    /** Items added to append-only lists, by list name. */
    append: AppendLists,
  }),
  z.strictObject({ table: SyncedTable, id: RecordKey, op: z.literal('delete') }),
]);
export type Change = z.infer<typeof Change>;
export type PutChange = Extract<Change, { op: 'put' }>;

export const Mutation = z.strictObject({
  /** 1, 2, 3… per device, with no gaps. */
  id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** When the PC made it (for people; the server orders by arrival). */
  at: IsoInstant,
  changes: z.array(Change).min(1).max(SYNC_LIMITS.changesPerMutation),
});
export type Mutation = z.infer<typeof Mutation>;

export const PushInput = z
  .strictObject({
    deviceId: Id,
    mutations: z.array(Mutation).min(1).max(SYNC_LIMITS.mutationsPerPush),
  })
  .refine((p) => p.mutations.reduce((n, m) => n + m.changes.length, 0) <= SYNC_LIMITS.changesPerPush, {
    message: `A push carries at most ${SYNC_LIMITS.changesPerPush} changes; send fewer mutations at a time`,
    path: ['mutations'],
  });
export type PushInput = z.infer<typeof PushInput>;

export interface PushResult {
  /** Mutations applied now. */
  applied: number;
  /** Mutations the server already had (a replay): acknowledged, not applied twice. */
  replayed: number;
  /** The device's last mutation id the server holds: everything up to it can leave the outbox. */
  lastMutationId: number;
  /** The business's version after this push. */
  version: number;
}

export const PullInput = z.strictObject({
  cursor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  limit: z.number().int().min(1).max(SYNC_LIMITS.pullPageMax).optional(),
});
export type PullInput = z.infer<typeof PullInput>;

/** One record as the server holds it now: its merged fields, or a tombstone. */
export interface PulledRecord {
  table: SyncedTable;
  id: string;
  version: number;
  deleted: boolean;
  /** The merged record (null for a tombstone). */
  data: Record<string, unknown> | null;
}

export interface PullPage {
  records: PulledRecord[];
  /** Pass back as the next cursor. */
  cursor: number;
  hasMore: boolean;
  /** The business's latest version, for progress ("1,000 of 100,000"). */
  latest: number;
  /** Records changed after the cursor in all (for progress on a first sync). */
  remaining: number;
}

export const DeviceStatusInput = z.strictObject({ deviceId: Id });
export interface DeviceStatus {
  lastMutationId: number;
  version: number;
}
