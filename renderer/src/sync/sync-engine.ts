import { z } from 'zod';
import type { DeviceStatus, PullInput, PullPage, PushInput, PushResult } from '@core/sync/protocol';
import type { BookDb } from '../db/book-db';
import { applyPulledPage, PulledPageSchema } from './apply-pulled';
import { bindBook } from './bind-book';
import { onOutboxCommitted } from './outbox-middleware';
import { ackOutbox, firstPendingId, nextMutationId, nextPushBatch, pendingChanges, type BatchLimits } from './outbox-queue';
import { retryDelayMs } from './retry-delay';
import { classifySyncError, describeSyncError, SyncBlockedError, type SyncFailure } from './sync-errors';
import { readDeviceId, readLastSyncedAt, readPullCursor, saveLastSyncedAt } from './sync-state-store';

/**
 * Keeps the book in step with the cloud: pushes the outbox, then pulls what changed.
 *
 * A run is: bind the book to the business (first time only: queues the whole book), push
 * the outbox oldest first in batches within the protocol's caps, deleting what the cloud
 * acknowledges, then pull pages until there are no more. Push comes first because the pull
 * lays the outbox over what it receives (apply-pulled.ts), which is right only for changes the
 * cloud has not applied: after a push the cloud acknowledged, the outbox holds exactly those.
 * A push whose answer was lost leaves applied changes in the outbox, so a failed push ends the
 * run before any pull; the next run resends them (the cloud acknowledges them as replays).
 * It also means a first sign-in sends this PC's book before downloading the business's, and
 * the download then brings back the merged result of both.
 *
 * Only one run at a time: asking during a run schedules one more run after it. Runs are
 * triggered by `syncNow()`, by local writes (debounced), by the cloud's version notices, by
 * coming back online, and by retries after a failure (1 s, doubling to 60 s). Local writes are
 * heard from the outbox middleware (`onOutboxCommitted`) rather than the change feed: the feed
 * also reports the applier's own writes, and cannot tell them apart, so every pull would
 * schedule another run. Timers and the clock are passed in, so tests drive them.
 */

export interface SyncTransport {
  push(input: PushInput): Promise<PushResult>;
  pull(input: PullInput): Promise<PullPage>;
  deviceStatus(input: { deviceId: string }): Promise<DeviceStatus>;
}

export type SyncPhase = 'idle' | 'pushing' | 'pulling' | 'offline' | 'error';

export interface SyncState {
  phase: SyncPhase;
  /** Whether the PC believes it is online (setOnline); runs are skipped while false. */
  online: boolean;
  /** Changes waiting in the outbox. */
  pending: number;
  lastSyncedAt: string | null;
  /** What went wrong, in words, when phase is 'error' or 'offline'. */
  error?: string;
  /** Records applied of all to download, during a pull of more than one page. */
  progress?: { done: number; total: number };
}

export interface SyncTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SyncEngineOptions {
  db: BookDb;
  transport: SyncTransport;
  /** The business of the signed-in member: the book is bound to it on its first sync. */
  businessId: string;
  now?: () => Date;
  onState?: (state: SyncState) => void;
  timers?: SyncTimers;
  newDeviceId?: () => string;
  /** Wait after a local change before pushing it (writes in quick succession go together). */
  debounceMs?: number;
  retry?: { firstMs: number; maxMs: number };
  pullLimit?: number;
  batchLimits?: BatchLimits;
  /** Changes per mutation when binding (the protocol's cap by default). */
  changesPerMutation?: number;
  classifyError?: (error: unknown) => SyncFailure;
}

export interface SyncEngine {
  start(): void;
  stop(): void;
  /** Runs a sync now (or right after the current one); resolves with the state after it. */
  syncNow(): Promise<SyncState>;
  notifyLocalChange(): void;
  notifyRemoteVersion(version: number): void;
  setOnline(online: boolean): void;
  getState(): SyncState;
}

const PushResultSchema = z.object({
  applied: z.number().int().min(0),
  replayed: z.number().int().min(0),
  lastMutationId: z.number().int().min(0),
  version: z.number().int().min(0),
});
const DeviceStatusSchema = z.object({ lastMutationId: z.number().int().min(0), version: z.number().int().min(0) });

/**
 * The cloud holds mutation ids this book has not made yet: the book was restored from an older
 * copy. New changes would reuse those ids and be dropped as replays, so sync stops instead.
 */
const restoredBook = () =>
  new SyncBlockedError('The cloud already holds newer changes from this PC than its book has: was the book restored from a backup? Sync is paused so nothing is lost.');

/** Gap recoveries allowed in one run before giving up until the next one. */
const MAX_GAP_RECOVERIES = 3;

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const { db, transport, businessId } = opts;
  const now = opts.now ?? (() => new Date());
  const timers: SyncTimers = opts.timers ?? { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  const classify = opts.classifyError ?? classifySyncError;
  const debounceMs = opts.debounceMs ?? 150;
  const retry = opts.retry ?? { firstMs: 1_000, maxMs: 60_000 };

  let state: SyncState = { phase: 'idle', online: true, pending: 0, lastSyncedAt: null };
  let started = false;
  let bound = false;
  let failures = 0;
  /** The cloud version this PC has pulled up to: notices at or below it need no run. */
  let knownVersion = -1;
  let active: Promise<SyncState> | null = null;
  let queued: Promise<SyncState> | null = null;
  let debounceTimer: unknown;
  let retryTimer: unknown;
  let unsubscribe: (() => void) | undefined;

  /** After stop(), a run still finishing updates the state but tells nobody. */
  let stopped = false;
  const setState = (next: SyncState) => {
    state = next;
    if (!stopped) opts.onState?.({ ...state });
  };
  const withoutExtras = ({ error: _e, progress: _p, ...rest }: SyncState): SyncState => rest;

  const refreshPending = async () => {
    try {
      const pending = await pendingChanges(db);
      if (pending !== state.pending) setState({ ...state, pending });
    } catch {
      // The count is for display; the next run tries again.
    }
  };

  const clearTimer = (handle: unknown) => {
    if (handle !== undefined) timers.clear(handle);
  };

  const scheduleRetry = () => {
    clearTimer(retryTimer);
    retryTimer = timers.set(() => {
      retryTimer = undefined;
      void syncNow();
    }, retryDelayMs(failures, retry.firstMs, retry.maxMs));
  };

  const bind = async () => {
    if (bound) return;
    const result = await bindBook(db, businessId, {
      now: () => now().toISOString(),
      newDeviceId: opts.newDeviceId ?? (() => crypto.randomUUID()),
      ...(opts.changesPerMutation ? { changesPerMutation: opts.changesPerMutation } : {}),
    });
    if (result.kind === 'other_business') {
      throw new SyncBlockedError('This PC\'s book is synced with another business. Sign in to that business, or start a new book, to sync.');
    }
    bound = true;
  };

  const pushAll = async () => {
    const deviceId = await readDeviceId(db);
    if (!deviceId) throw new SyncBlockedError('This book has no sync device id; sign in again to sync.');
    let recoveries = 0;
    for (;;) {
      const batch = await nextPushBatch(db, opts.batchLimits);
      const first = batch[0];
      const last = batch.at(-1);
      if (!first || !last) return;
      let result: z.infer<typeof PushResultSchema>;
      try {
        result = PushResultSchema.parse(await transport.push({ deviceId, mutations: batch }));
      } catch (error) {
        if (classify(error) !== 'conflict' || ++recoveries > MAX_GAP_RECOVERIES) throw error;
        // The cloud misses earlier mutations: ask what it holds and resend from there.
        const status = DeviceStatusSchema.parse(await transport.deviceStatus({ deviceId }));
        if (status.lastMutationId >= (await nextMutationId(db))) throw restoredBook();
        setState({ ...state, pending: await ackOutbox(db, status.lastMutationId) });
        const next = await firstPendingId(db);
        if (next !== undefined && next > status.lastMutationId + 1) {
          throw new SyncBlockedError(
            `The cloud has lost changes ${status.lastMutationId + 1}–${next - 1} from this PC, which it had acknowledged; they cannot be sent again.`,
          );
        }
        continue;
      }
      if (result.lastMutationId < last.id) {
        throw new Error(`The cloud acknowledged changes up to ${result.lastMutationId} of ${last.id}; they will be sent again.`);
      }
      if (result.lastMutationId > last.id && result.lastMutationId >= (await nextMutationId(db))) throw restoredBook();
      setState({ ...state, pending: await ackOutbox(db, result.lastMutationId) });
    }
  };

  const pullAll = async () => {
    let cursor = await readPullCursor(db);
    let done = 0;
    let total: number | undefined;
    for (;;) {
      const parsed = PulledPageSchema.safeParse(await transport.pull(opts.pullLimit ? { cursor, limit: opts.pullLimit } : { cursor }));
      if (!parsed.success) throw new Error('The cloud sent changes this PC cannot read; they were not applied.');
      const page = parsed.data;
      // `remaining` counts every record after the cursor asked for, this page included.
      if (total === undefined && page.hasMore) total = page.remaining;
      const outcome = await applyPulledPage(db, page, cursor);
      if (outcome.kind === 'stale') {
        // Another window of the app applied a page meanwhile: carry on from where it is.
        cursor = outcome.cursor;
        continue;
      }
      done += page.records.length;
      // `remaining` may overcount (the cloud counts versions after the first page): the last
      // page settles the total at what was actually applied.
      if (total !== undefined) setState({ ...state, progress: page.hasMore ? { done: Math.min(done, total), total } : { done, total: done } });
      if (page.hasMore && page.cursor <= cursor) throw new Error('The cloud sent a page of changes that does not move forward.');
      cursor = page.cursor;
      knownVersion = Math.max(knownVersion, cursor);
      if (!page.hasMore) {
        knownVersion = Math.max(knownVersion, page.latest);
        return;
      }
    }
  };

  const runOnce = async (): Promise<SyncState> => {
    clearTimer(retryTimer);
    retryTimer = undefined;
    if (!state.online) {
      setState({ ...withoutExtras(state), phase: 'offline' });
      await refreshPending();
      return state;
    }
    try {
      if (state.lastSyncedAt === null) setState({ ...state, lastSyncedAt: await readLastSyncedAt(db) });
      await bind();
      setState({ ...withoutExtras(state), phase: 'pushing' });
      await pushAll();
      setState({ ...state, phase: 'pulling' });
      await pullAll();
      const at = now().toISOString();
      await saveLastSyncedAt(db, at);
      failures = 0;
      setState({ ...withoutExtras(state), phase: state.online ? 'idle' : 'offline', lastSyncedAt: at });
    } catch (error) {
      failures++;
      const blocked = error instanceof SyncBlockedError;
      const kind = blocked ? 'refused' : classify(error);
      setState({ ...withoutExtras(state), phase: kind === 'offline' ? 'offline' : 'error', error: describeSyncError(kind, error) });
      if (!blocked && started && state.online) scheduleRetry();
    }
    await refreshPending();
    return state;
  };

  const syncNow = (): Promise<SyncState> => {
    if (!active) {
      active = runOnce().finally(() => {
        active = null;
      });
      return active;
    }
    queued ??= active.then(() => {
      queued = null;
      return syncNow();
    });
    return queued;
  };

  const notifyLocalChange = () => {
    void refreshPending();
    if (!started || !state.online || debounceTimer !== undefined) return;
    // Not reset by further changes: steady typing still syncs every `debounceMs`.
    debounceTimer = timers.set(() => {
      debounceTimer = undefined;
      void syncNow();
    }, debounceMs);
  };

  return {
    start() {
      if (started) return;
      started = true;
      stopped = false;
      // Hears committed local writes only: the applier's writes queue nothing, so a pull
      // does not trigger another run.
      unsubscribe = onOutboxCommitted(db, notifyLocalChange);
      void syncNow();
    },
    stop() {
      started = false;
      stopped = true;
      unsubscribe?.();
      unsubscribe = undefined;
      clearTimer(debounceTimer);
      clearTimer(retryTimer);
      debounceTimer = retryTimer = undefined;
    },
    syncNow,
    notifyLocalChange,
    notifyRemoteVersion(version) {
      if (started && state.online && version > knownVersion) void syncNow();
    },
    setOnline(online) {
      if (online === state.online) return;
      if (!online) {
        clearTimer(debounceTimer);
        clearTimer(retryTimer);
        debounceTimer = retryTimer = undefined;
        setState({ ...withoutExtras(state), online, phase: active ? state.phase : 'offline' });
        return;
      }
      failures = 0;
      setState({ ...withoutExtras(state), online, phase: 'idle' });
      if (started) void syncNow();
    },
    getState: () => ({ ...state }),
  };
}
