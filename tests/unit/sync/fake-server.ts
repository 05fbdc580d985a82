import { applyChange, sameJson, type Held } from '@core/sync/merge';
import { PushInput, SYNC_LIMITS, type DeviceStatus, type PullInput, type PullPage, type PulledRecord, type PushResult } from '@core/sync/protocol';
import { TABLE_RULES, type SyncedTable } from '@core/sync/tables';

/**
 * An in-memory stand-in for the cloud's sync API, written from the contract alone (core's
 * `applyChange` and the protocol's rules), for the device-side tests:
 * - a push applies its new mutations in order, all or nothing; mutations already held are
 *   acknowledged as replays; a push starting beyond the next expected id is refused with
 *   CONFLICT; a merged record that does not fit its table's shape refuses the whole push;
 * - every record that changes gets the next version; pull returns records after a cursor in
 *   version order, tombstones included.
 * Errors are shaped like tRPC client errors (`data.code`), so the engine's classifier reads
 * them as it reads the real ones. `store` is the "database": a restart keeps it.
 */
export class FakeSyncError extends Error {
  readonly data: { code: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = 'TRPCClientError';
    this.data = { code };
  }
}

export interface FakeStore {
  version: number;
  records: Map<string, PulledRecord>;
  devices: Map<string, number>;
}

export function emptyStore(): FakeStore {
  return { version: 0, records: new Map(), devices: new Map() };
}

export interface FakeSyncServer {
  store: FakeStore;
  push(input: PushInput): Promise<PushResult>;
  pull(input: PullInput): Promise<PullPage>;
  deviceStatus(input: { deviceId: string }): Promise<DeviceStatus>;
  /** Called with the new version after every push that changed something. */
  onVersion(listener: (version: number) => void): () => void;
  /** Every live record (tombstones left out), as `table:id` → data. */
  snapshot(): Map<string, Record<string, unknown>>;
}

const key = (table: string, id: string) => `${table}:${id}`;

export function createFakeSyncServer(store: FakeStore = emptyStore()): FakeSyncServer {
  const listeners = new Set<(version: number) => void>();

  const heldOf = (record: PulledRecord | undefined): Held =>
    record === undefined ? undefined : record.deleted ? { deleted: true, data: null } : { deleted: false, data: record.data ?? {} };

  return {
    store,
    async push(input) {
      const parsed = PushInput.safeParse(input);
      if (!parsed.success) throw new FakeSyncError('BAD_REQUEST', parsed.error.message);
      const { deviceId, mutations } = parsed.data;
      for (let i = 1; i < mutations.length; i++) {
        if (mutations[i]?.id !== (mutations[i - 1]?.id ?? 0) + 1) throw new FakeSyncError('BAD_REQUEST', 'Mutations of a push must be consecutive');
      }
      const last = store.devices.get(deviceId) ?? 0;
      const fresh = mutations.filter((m) => m.id > last);
      const first = fresh[0];
      if (first && first.id !== last + 1) throw new FakeSyncError('CONFLICT', `The cloud is missing changes ${last + 1}–${first.id - 1}`);

      // Merge on the side, so a refused push leaves nothing behind.
      const staged = new Map<string, { table: SyncedTable; id: string; now: Exclude<Held, undefined> }>();
      for (const mutation of fresh) {
        for (const change of mutation.changes) {
          const k = key(change.table, change.id);
          const held = staged.get(k)?.now ?? heldOf(store.records.get(k));
          const next = applyChange(change.table, held, change);
          if (next !== 'ignored') staged.set(k, { table: change.table, id: change.id, now: next });
        }
      }
      for (const { table, id, now } of staged.values()) {
        if (now.deleted) continue;
        const rule = TABLE_RULES[table];
        const checked = rule.shape.safeParse(now.data);
        if (!checked.success || now.data[rule.primaryKey] !== id) throw new FakeSyncError('BAD_REQUEST', `${table} ${id} does not fit its table: ${checked.error?.message ?? 'id'}`);
      }
      let changed = false;
      for (const [k, { table, id, now }] of staged) {
        const before = heldOf(store.records.get(k));
        const same = before !== undefined && before.deleted === now.deleted && (now.deleted || sameJson(before.data, now.data));
        if (same) continue;
        changed = true;
        store.records.set(k, { table, id, version: ++store.version, deleted: now.deleted, data: now.deleted ? null : structuredClone(now.data) });
      }
      store.devices.set(deviceId, last + fresh.length);
      if (changed) for (const l of listeners) l(store.version);
      return { applied: fresh.length, replayed: mutations.length - fresh.length, lastMutationId: last + fresh.length, version: store.version };
    },
    async pull({ cursor, limit }) {
      const after = [...store.records.values()].filter((r) => r.version > cursor).sort((a, b) => a.version - b.version);
      const page = after.slice(0, Math.min(limit ?? SYNC_LIMITS.pullPageDefault, SYNC_LIMITS.pullPageMax));
      const hasMore = after.length > page.length;
      return {
        records: structuredClone(page),
        cursor: hasMore ? (page.at(-1)?.version ?? cursor) : Math.max(cursor, store.version),
        hasMore,
        latest: store.version,
        remaining: after.length,
      };
    },
    async deviceStatus({ deviceId }) {
      return { lastMutationId: store.devices.get(deviceId) ?? 0, version: store.version };
    },
    onVersion(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot() {
      const live = new Map<string, Record<string, unknown>>();
      for (const [k, r] of store.records) if (!r.deleted && r.data) live.set(k, r.data);
      return live;
    },
  };
}
