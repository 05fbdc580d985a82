import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PullInput, PullPage, PushInput } from '@core/sync/protocol';
import type { BookDb } from '../db/book-db';
import type { SyncState } from '../sync/sync-engine';
import { openSyncTestDb, TEST_BUSINESS } from '../sync/test-sync-book';
import type { CloudClient } from './cloud-client';
import { classifyCloudSyncError, startSync, versionOf, type NetworkSignals, type RunningSync } from './sync-wiring';

const emptyPage = (cursor: number): PullPage => ({ records: [], cursor, hasMore: false, latest: cursor, remaining: 0 });

/** A cloud client with just the sync procedures, answering from a version the test moves. */
function fakeCloud() {
  let version = 0;
  const pulls: PullInput[] = [];
  const pushes: PushInput[] = [];
  const subscriptions: { input: unknown; onData: (event: unknown) => void; onError: (error: unknown) => void; ended: boolean }[] = [];
  const client = {
    sync: {
      push: { mutate: async (input: PushInput) => (pushes.push(input), { applied: input.mutations.length, replayed: 0, lastMutationId: input.mutations.at(-1)?.id ?? 0, version }) },
      pull: { query: async (input: PullInput) => (pulls.push(input), emptyPage(version)) },
      deviceStatus: { query: async () => ({ lastMutationId: 0, version }) },
      onVersion: {
        subscribe: (input: unknown, handlers: { onData: (event: unknown) => void; onError: (error: unknown) => void }) => {
          const entry = { input, ...handlers, ended: false };
          subscriptions.push(entry);
          return { unsubscribe: () => (entry.ended = true) };
        },
      },
    },
  };
  return {
    cloud: client as unknown as CloudClient,
    pulls,
    pushes,
    subscriptions,
    setVersion: (v: number) => (version = v),
  };
}

function fakeNetwork(online = true) {
  const listeners = new Set<() => void>();
  const network: NetworkSignals & { set(online: boolean): void } = {
    online: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      online = next;
      for (const l of listeners) l();
    },
  };
  return network;
}

let running: RunningSync | undefined;
let db: BookDb | undefined;
afterEach(() => {
  running?.stop();
  db?.close();
  running = db = undefined;
});

async function start(opts: { online?: boolean } = {}) {
  db = await openSyncTestDb({ bind: false });
  const fake = fakeCloud();
  const network = fakeNetwork(opts.online ?? true);
  const states: SyncState[] = [];
  running = startSync({ db, cloud: fake.cloud, businessId: TEST_BUSINESS, onState: (s) => states.push(s), network, resubscribeMs: { firstMs: 1, maxMs: 1 } });
  return { ...fake, network, states, engine: running.engine };
}

describe('startSync', () => {
  it('binds the book and runs a first sync through the cloud client', async () => {
    const { pulls, states } = await start();
    await vi.waitFor(() => expect(states.at(-1)).toMatchObject({ phase: 'idle', lastSyncedAt: expect.any(String) }));
    expect(pulls).toEqual([{ cursor: 0 }]);
    expect(states.at(-1)?.lastSyncedAt).not.toBeNull();
    expect(await db?.syncState.get('binding')).toMatchObject({ businessId: TEST_BUSINESS });
  });

  it("pulls when the cloud announces another PC's version", async () => {
    const { pulls, states, subscriptions, setVersion } = await start();
    await vi.waitFor(() => expect(states.at(-1)).toMatchObject({ phase: 'idle', lastSyncedAt: expect.any(String) }));
    await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
    expect(subscriptions[0]?.input).toEqual({ since: 0 });
    setVersion(5);
    subscriptions[0]?.onData({ id: '5', data: { version: 5 } });
    await vi.waitFor(() => expect(pulls).toHaveLength(2));
    // Nothing new: a version the PC already has is not pulled again.
    await vi.waitFor(() => expect(states.at(-1)?.phase).toBe('idle'));
    subscriptions[0]?.onData({ id: '5', data: { version: 5 } });
    await new Promise((r) => setTimeout(r, 20));
    expect(pulls).toHaveLength(2);
  });

  it('follows onVersion again after it fails', async () => {
    const { subscriptions } = await start();
    await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
    subscriptions[0]?.onError(new Error('stream dropped'));
    expect(subscriptions[0]?.ended).toBe(true);
    await vi.waitFor(() => expect(subscriptions).toHaveLength(2));
  });

  it('goes offline and back with the network', async () => {
    const { network, states, pulls } = await start();
    await vi.waitFor(() => expect(states.at(-1)).toMatchObject({ phase: 'idle', lastSyncedAt: expect.any(String) }));
    network.set(false);
    expect(states.at(-1)).toMatchObject({ online: false, phase: 'offline' });
    network.set(true);
    await vi.waitFor(() => expect(pulls).toHaveLength(2));
    await vi.waitFor(() => expect(states.at(-1)).toMatchObject({ online: true, phase: 'idle' }));
  });

  it('stops everything it started', async () => {
    const { subscriptions, states, network } = await start();
    await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
    await vi.waitFor(() => expect(states.at(-1)).toMatchObject({ phase: 'idle', lastSyncedAt: expect.any(String) }));
    running?.stop();
    expect(subscriptions[0]?.ended).toBe(true);
    const seen = states.length;
    network.set(false);
    expect(states).toHaveLength(seen); // no longer listening to the network
    running = undefined;
  });
});

describe('versionOf', () => {
  it('reads the version from a tracked event or a plain one', () => {
    expect(versionOf({ id: '7', data: { version: 7 } })).toBe(7);
    expect(versionOf({ version: 3 })).toBe(3);
    expect(versionOf('x')).toBeNull();
  });
});

describe('classifyCloudSyncError', () => {
  const err = (code: string) => Object.assign(new Error(code), { name: 'TRPCClientError', data: { code } });
  it('reads "the cloud did not answer" from main as offline', () => {
    expect(classifyCloudSyncError(err('SERVICE_UNAVAILABLE'))).toBe('offline');
    expect(classifyCloudSyncError(err('GATEWAY_TIMEOUT'))).toBe('offline');
  });
  it("keeps the engine's reading of the cloud's own answers", () => {
    expect(classifyCloudSyncError(err('CONFLICT'))).toBe('conflict');
    expect(classifyCloudSyncError(err('FORBIDDEN'))).toBe('refused');
    expect(classifyCloudSyncError(Object.assign(new Error('x'), { name: 'TRPCClientError' }))).toBe('offline');
  });
});
