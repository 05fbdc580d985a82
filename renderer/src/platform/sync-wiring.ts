import { createContext, createElement, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../app/book-context';
import type { BookDb } from '../db/book-db';
import type { SyncView } from '../features/sync-status/sync-text';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions, type SyncState, type SyncTransport } from '../sync/sync-engine';
import { pendingChanges } from '../sync/outbox-queue';
import { readPullCursor } from '../sync/sync-state-store';
import { classifySyncError, type SyncFailure } from '../sync/sync-errors';
import { codeOf, type CloudClient } from './cloud-client';
import { useCloudClient, useCloudSession } from './cloud-session';
import { bringTeamIntoBook, memberForThisPc } from './team-in-book';
import { useTRPC, useTRPCClient } from './trpc';
import { useQueryClient } from '@tanstack/react-query';

/**
 * Runs the book's sync while this PC is signed in to the cloud, and tells the UI how it goes.
 *
 * Once the account is read (`account.me`) and its e-mail address confirmed, a SyncEngine
 * (renderer/src/sync) starts for the open book and the member's business, with a transport over
 * the cloud client (so every call goes through main, which holds the token). It also follows
 * the cloud's `sync.onVersion` (through main's `cloud.subscribe`) so another PC's change is
 * pulled at once, and the browser's online/offline events. Signing out, the cloud ending the
 * session, or another business signing in stops it; the book and its outbox stay on this PC.
 */

/** The engine's calls, over the cloud client. */
export function cloudTransport(cloud: CloudClient): SyncTransport {
  return {
    push: (input) => cloud.sync.push.mutate(input),
    pull: (input) => cloud.sync.pull.query(input),
    deviceStatus: (input) => cloud.sync.deviceStatus.query(input),
  };
}

/**
 * The engine's reading of a failed call. Main answers for the cloud, so "the cloud did not
 * answer" arrives as main's error with a code, not as a network failure: those codes mean
 * offline too (changes wait, the engine retries with backoff).
 */
const NO_ANSWER_CODES: ReadonlySet<string> = new Set(['SERVICE_UNAVAILABLE', 'GATEWAY_TIMEOUT', 'TIMEOUT', 'BAD_GATEWAY', 'CLIENT_CLOSED_REQUEST']);

export function classifyCloudSyncError(error: unknown): SyncFailure {
  const code = codeOf(error);
  if (code !== null && NO_ANSWER_CODES.has(code)) return 'offline';
  return classifySyncError(error);
}

/** The version number in one `sync.onVersion` event, whichever envelope it arrived in. */
export function versionOf(event: unknown): number | null {
  if (typeof event !== 'object' || event === null) return null;
  const record = event as { version?: unknown; data?: unknown };
  if (typeof record.version === 'number') return record.version;
  return record.data === undefined ? null : versionOf(record.data);
}

export interface NetworkSignals {
  online(): boolean;
  /** Calls `listener` on each change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** The browser's idea of being online (the network cable, the Wi-Fi), with its events. */
export const browserNetwork: NetworkSignals = {
  online: () => navigator.onLine,
  subscribe(listener) {
    window.addEventListener('online', listener);
    window.addEventListener('offline', listener);
    return () => {
      window.removeEventListener('online', listener);
      window.removeEventListener('offline', listener);
    };
  },
};

export interface RunningSync {
  engine: SyncEngine;
  stop(): void;
}

export interface StartSyncOptions {
  db: BookDb;
  cloud: CloudClient;
  businessId: string;
  onState: (state: SyncState) => void;
  /** Whether the PC is online, and news when that changes: the browser's in the app, a fake in tests. */
  network?: NetworkSignals | undefined;
  engine?: Partial<Omit<SyncEngineOptions, 'db' | 'transport' | 'businessId' | 'onState'>>;
  /** Wait before following onVersion again after it failed: doubles from 2 s to 60 s. */
  resubscribeMs?: { firstMs: number; maxMs: number };
}

/** Starts the engine and everything that wakes it; `stop()` undoes all of it. */
export function startSync(opts: StartSyncOptions): RunningSync {
  const { db, cloud, businessId } = opts;
  const engine = createSyncEngine({
    classifyError: classifyCloudSyncError,
    ...opts.engine,
    db,
    transport: cloudTransport(cloud),
    businessId,
    onState: opts.onState,
  });
  let stopped = false;

  // The cloud's version notices: a change pushed by another PC is pulled at once.
  const backoff = opts.resubscribeMs ?? { firstMs: 2_000, maxMs: 60_000 };
  let failures = 0;
  let unsubscribe: (() => void) | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const follow = async () => {
    const since = await readPullCursor(db).catch(() => 0);
    if (stopped) return;
    let ended = false;
    const handle: { subscription?: { unsubscribe(): void } } = {};
    const again = () => {
      if (ended) return;
      ended = true;
      // Called from inside subscribe(), there is no subscription yet: it is ended below.
      handle.subscription?.unsubscribe();
      if (stopped) return;
      failures++;
      retryTimer = setTimeout(() => void follow(), Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.min(failures - 1, 10)));
    };
    handle.subscription = cloud.sync.onVersion.subscribe(
      { since },
      {
        onData: (event: unknown) => {
          failures = 0;
          const version = versionOf(event);
          if (version !== null) engine.notifyRemoteVersion(version);
        },
        onError: again,
        // Main ends it when the session changes hands; if this sync still runs, follow anew.
        onComplete: again,
      },
    );
    if (ended) handle.subscription.unsubscribe();
    unsubscribe = () => handle.subscription?.unsubscribe();
  };
  void follow();

  const network = opts.network;
  let stopNetwork: (() => void) | undefined;
  if (network) {
    engine.setOnline(network.online());
    stopNetwork = network.subscribe(() => engine.setOnline(network.online()));
  }

  engine.start();
  return {
    engine,
    stop() {
      stopped = true;
      engine.stop();
      unsubscribe?.();
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      stopNetwork?.();
    },
  };
}

export interface SyncStatus {
  view: SyncView;
  /** Runs a sync now; does nothing while no engine runs. */
  syncNow: () => void;
}

const SyncContext = createContext<SyncStatus>({ view: { kind: 'signed_out' }, syncNow: () => {} });

/**
 * Runs the sync for the book in DbProvider while signed in, and provides its state. Sits
 * above BookProvider, so an empty book (a new PC joining a team) is filled by the first pull.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const db = useDb();
  const cloud = useCloudClient();
  const session = useCloudSession();
  const [state, setState] = useState<SyncState | null>(null);
  // The running sync, for "Sync now": read by the button's handler, never during render.
  const [current] = useState(() => {
    let running: RunningSync | null = null;
    return { set: (r: RunningSync | null) => void (running = r), syncNow: () => void running?.engine.syncNow() };
  });
  const businessId = session.state === 'signed_in' ? session.me.business.id : null;
  // What waits on this PC, for the indicator while no engine runs (offline at start).
  const pending = useLiveQuery(() => pendingChanges(db).catch(() => 0), [db], 0);

  useEffect(() => {
    if (businessId === null) return;
    const sync = startSync({ db, cloud, businessId, onState: setState, network: browserNetwork });
    current.set(sync);
    return () => {
      sync.stop();
      current.set(null);
      setState(null);
    };
  }, [db, cloud, businessId, current]);

  // Once the first sync has brought the team's book, the cloud team becomes the book's team
  // (team-in-book.ts), and a PC that has nobody chosen "At this PC" gets the signed-in person.
  const main = useTRPCClient();
  const mainQueries = useTRPC();
  const queryClient = useQueryClient();
  const userId = session.state === 'signed_in' ? session.me.user.id : null;
  const firstSyncDone = state?.lastSyncedAt != null;
  useEffect(() => {
    if (userId === null || !firstSyncDone) return;
    let cancelled = false;
    (async () => {
      const team = await cloud.team.members.query();
      if (cancelled) return;
      await bringTeamIntoBook(db, team);
      const settings = await main.settings.get.query();
      const choose = memberForThisPc(settings.currentMemberId, (await db.members.toCollection().primaryKeys()) as string[], userId);
      if (choose && !cancelled) {
        await main.settings.update.mutate({ currentMemberId: choose });
        await queryClient.invalidateQueries({ queryKey: mainQueries.settings.get.queryKey() });
      }
    })().catch(() => {
      // Offline or refused: the book's team stays as it is and this runs again at the next sign-in.
    });
    return () => {
      cancelled = true;
    };
  }, [db, cloud, main, mainQueries, queryClient, userId, firstSyncDone]);

  const value = useMemo((): SyncStatus => {
    const { syncNow } = current;
    switch (session.state) {
      case 'signed_out':
        return { view: { kind: 'signed_out' }, syncNow };
      case 'needs_code':
        return { view: { kind: 'needs_code' }, syncNow };
      case 'unreachable':
        return { view: { kind: 'unreachable', pending, error: session.error instanceof Error ? session.error.message : String(session.error) }, syncNow };
      case 'loading':
        return { view: { kind: 'starting' }, syncNow };
      case 'signed_in':
        return { view: state ? { kind: 'running', state } : { kind: 'starting' }, syncNow };
    }
  }, [session, state, pending, current]);

  return createElement(SyncContext.Provider, { value }, children);
}

export function useSyncStatus(): SyncStatus {
  return useContext(SyncContext);
}
