import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PushInput } from '@core/sync/protocol';
import { createFakeSyncServer, emptyStore, FakeSyncError, type FakeSyncServer } from '../../../tests/unit/sync/fake-server';
import type { BookDb } from '../db/book-db';
import { createCustomer, getCustomer, setCustomerStatus, updateCustomer } from '../db/customers-repo';
import { createInvoice, getInvoice, recordPayment } from '../db/invoices-repo';
import { testContext } from '../db/test-db';
import { applyPulledPage } from './apply-pulled';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions, type SyncState, type SyncTransport } from './sync-engine';
import { readDeviceId, readPullCursor } from './sync-state-store';
import { bookRecords, customerInput, manualTimers, openSyncTestDb, outboxRows, TEST_BUSINESS } from './test-sync-book';

const open: BookDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

type Fault = 'drop-request' | 'drop-response' | 'refuse' | 'strip-first';

/** A transport to the fake server that fails the next pushes as scripted. */
function scripted(server: FakeSyncServer, faults: Fault[] = []): SyncTransport & { pushes: PushInput[]; pulls: number } {
  const offline = () => new TypeError('fetch failed');
  const t = {
    pushes: [] as PushInput[],
    pulls: 0,
    async push(input: PushInput) {
      t.pushes.push(input);
      const fault = faults.shift();
      if (fault === 'drop-request') throw offline();
      if (fault === 'refuse') throw new FakeSyncError('FORBIDDEN', 'Only a manager can do that.');
      if (fault === 'strip-first') return server.push({ ...input, mutations: input.mutations.slice(1) });
      const result = await server.push(input);
      if (fault === 'drop-response') throw offline();
      return result;
    },
    async pull(input: { cursor: number; limit?: number }) {
      t.pulls++;
      return server.pull(input);
    },
    deviceStatus: (input: { deviceId: string }) => server.deviceStatus(input),
  };
  return t;
}

interface Device {
  db: BookDb;
  engine: SyncEngine;
  states: SyncState[];
  timers: ReturnType<typeof manualTimers>;
}

async function device(transport: SyncTransport, opts: Partial<SyncEngineOptions> = {}): Promise<Device> {
  const db = await openSyncTestDb({ bind: false, name: `device-${open.length}` });
  open.push(db);
  const states: SyncState[] = [];
  const timers = manualTimers();
  let t = Date.parse('2026-03-01T10:00:00.000Z');
  const engine = createSyncEngine({
    db,
    transport,
    businessId: TEST_BUSINESS,
    now: () => new Date((t += 1000)),
    onState: (s) => states.push(s),
    timers,
    ...opts,
  });
  return { db, engine, states, timers };
}

async function addCustomer(db: BookDb, name: string) {
  const created = await createCustomer(db, customerInput(name), testContext());
  if (!created.ok) throw new Error('setup');
  return created.value;
}

async function addInvoice(db: BookDb, customerId: string, number: string) {
  const created = await createInvoice(
    db,
    { number, customerId, issueDate: '2026-01-01', dueDate: '2026-01-31', currency: 'GBP', totalMinor: 10_000, state: 'issued', notes: '' },
    testContext(),
  );
  if (!created.ok) throw new Error('setup');
  return created.value;
}

async function expectSameBooks(server: FakeSyncServer, ...devices: Device[]) {
  for (const d of devices) expect(await bookRecords(d.db)).toEqual(server.snapshot());
}

describe('sync engine', () => {
  it('brings two PCs to the same book', async () => {
    const server = createFakeSyncServer();
    const a = await device(scripted(server));
    const b = await device(scripted(server));
    const ada = await addCustomer(a.db, 'Ada Lovelace');
    expect((await a.engine.syncNow()).phase).toBe('idle');
    await b.engine.syncNow();
    expect(await getCustomer(b.db, ada.id)).toEqual(ada);

    await updateCustomer(b.db, ada.id, { ...customerInput('Ada Lovelace'), notes: 'Prefers e-mail' }, testContext());
    await b.engine.syncNow();
    await a.engine.syncNow();
    expect((await getCustomer(a.db, ada.id))?.notes).toBe('Prefers e-mail');
    // Derived index keys are rebuilt on the receiving PC.
    expect((await b.db.customers.get(ada.id))?.tokens).toEqual((await a.db.customers.get(ada.id))?.tokens);
    await expectSameBooks(server, a, b);
    expect(a.engine.getState()).toMatchObject({ phase: 'idle', pending: 0, lastSyncedAt: expect.any(String) as unknown });
  });

  it('merges offline edits of both PCs field by field, keeping both payments', async () => {
    const server = createFakeSyncServer();
    const a = await device(scripted(server));
    const b = await device(scripted(server));
    const ada = await addCustomer(a.db, 'Ada Lovelace');
    const inv = await addInvoice(a.db, ada.id, 'INV-1');
    await a.engine.syncNow();
    await b.engine.syncNow();

    // Offline: A edits notes and records £20; B edits the company, sets a status, records £30.
    const ctx = testContext();
    await updateCustomer(a.db, ada.id, { ...customerInput('Ada Lovelace'), notes: 'From A' }, ctx);
    await recordPayment(a.db, inv.id, { date: '2026-01-10', amountMinor: 2_000, method: 'cash' }, ctx);
    await updateCustomer(b.db, ada.id, { ...customerInput('Ada Lovelace'), company: 'Analytical Engines' }, ctx);
    await setCustomerStatus(b.db, ada.id, { value: 'watch', reason: 'Slow payer' }, ctx);
    await recordPayment(b.db, inv.id, { date: '2026-01-11', amountMinor: 3_000, method: 'card' }, ctx);

    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();
    const merged = await getCustomer(a.db, ada.id);
    expect(merged).toMatchObject({ notes: 'From A', company: 'Analytical Engines', status: { value: 'watch', reason: 'Slow payer' } });
    expect((await getInvoice(a.db, inv.id))?.payments.map((p) => p.amountMinor).sort()).toEqual([2_000, 3_000]);
    // The open-invoice index follows the merged payments: £50 of £100 still owed.
    expect((await a.db.invoices.get(inv.id))?.openDueDate).toBe('2026-01-31');
    await expectSameBooks(server, a, b);
  });

  it('keeps a local edit that is not pushed yet when a pull brings the same record', async () => {
    const server = createFakeSyncServer();
    const a = await device(scripted(server));
    const b = await device(scripted(server));
    const ada = await addCustomer(a.db, 'Ada Lovelace');
    await a.engine.syncNow();
    await b.engine.syncNow();
    await updateCustomer(b.db, ada.id, { ...customerInput('Ada Lovelace'), company: 'From B' }, testContext());
    await b.engine.syncNow();

    // A's edit waits in its outbox, and a pull applied now must lay it over B's edit.
    await updateCustomer(a.db, ada.id, { ...customerInput('Ada Lovelace'), notes: 'From A' }, testContext());
    const cursor = await readPullCursor(a.db);
    await applyPulledPage(a.db, await server.pull({ cursor }), cursor);
    expect(await getCustomer(a.db, ada.id)).toMatchObject({ notes: 'From A', company: 'From B' });
    expect(await outboxRows(a.db)).toHaveLength(1);
    await a.engine.syncNow();
    await expectSameBooks(server, a);
    expect(server.snapshot().get(`customers:${ada.id}`)).toMatchObject({ notes: 'From A', company: 'From B' });
  });

  it('acknowledges a replayed push without applying it twice', async () => {
    const server = createFakeSyncServer();
    const transport = scripted(server, ['drop-response']);
    const a = await device(transport);
    const ada = await addCustomer(a.db, 'Ada Lovelace');
    const first = await a.engine.syncNow();
    expect(first).toMatchObject({ phase: 'offline', pending: 1 });
    expect(transport.pulls).toBe(0);
    expect(server.store.devices.size).toBe(1);
    const versionAfterFirst = server.store.version;

    expect((await a.engine.syncNow()).phase).toBe('idle');
    expect(server.store.version).toBe(versionAfterFirst);
    expect(await outboxRows(a.db)).toEqual([]);
    expect(server.snapshot().get(`customers:${ada.id}`)).toEqual(ada);
  });

  it('does not pull after a push whose answer was lost (its changes would be laid over newer ones)', async () => {
    const server = createFakeSyncServer();
    const b = await device(scripted(server));
    let meanwhile: (() => Promise<void>) | undefined;
    const lossy: SyncTransport = {
      async push(input) {
        await server.push(input);
        // The cloud applied A's edit; B edits the same field and syncs before A hears back…
        await meanwhile?.();
        meanwhile = undefined;
        throw new TypeError('fetch failed'); // …and A's answer is lost.
      },
      pull: (input) => server.pull(input),
      deviceStatus: (input) => server.deviceStatus(input),
    };
    const a = await device(lossy);
    const ada = await addCustomer(b.db, 'Ada Lovelace');
    await b.engine.syncNow();
    await a.engine.syncNow().catch(() => undefined);
    meanwhile = async () => {
      await updateCustomer(b.db, ada.id, { ...customerInput('Ada Lovelace'), notes: 'From B, later' }, testContext());
      await b.engine.syncNow();
    };
    await updateCustomer(a.db, ada.id, { ...customerInput('Ada Lovelace'), notes: 'From A' }, testContext());
    const failed = await a.engine.syncNow();
    expect(failed.phase).toBe('offline');
    // A's next run (answers arrive again) resends its edit as a replay, then pulls B's.
    const healed = createSyncEngine({ db: a.db, transport: scripted(server), businessId: TEST_BUSINESS, timers: manualTimers() });
    await healed.syncNow();
    expect((await getCustomer(a.db, ada.id))?.notes).toBe('From B, later');
    await expectSameBooks(server, a, b);
  });

  it('resends from where the cloud stands after a gap', async () => {
    const server = createFakeSyncServer();
    const a = await device(scripted(server));
    await addCustomer(a.db, 'Ada');
    await a.engine.syncNow();
    await addCustomer(a.db, 'Bob');
    await addCustomer(a.db, 'Cy');
    // The second push arrives without its first mutation: the cloud refuses the gap.
    const transport2 = scripted(server, ['strip-first']);
    const b = createSyncEngine({ db: a.db, transport: transport2, businessId: TEST_BUSINESS, timers: manualTimers() });
    const state = await b.syncNow();
    expect(state.phase).toBe('idle');
    expect(transport2.pushes.map((p) => p.mutations.map((m) => m.id))).toEqual([[2, 3], [2, 3]]);
    await expectSameBooks(server, a);
  });

  it('stops, with the outbox kept, when the cloud lost changes it had acknowledged', async () => {
    const store = emptyStore();
    const server = createFakeSyncServer(store);
    const a = await device(scripted(server));
    await addCustomer(a.db, 'Ada');
    await a.engine.syncNow();
    await addCustomer(a.db, 'Bob');
    // The cloud is restored from a backup made before it took mutation 1.
    store.devices.clear();
    store.records.clear();
    const state = await a.engine.syncNow();
    expect(state.phase).toBe('error');
    expect(state.error).toContain('lost changes 1–1');
    expect((await outboxRows(a.db)).map((r) => r.id)).toEqual([2]);
  });

  it('stops, rather than lose new changes as replays, when the cloud holds ids this book has not made', async () => {
    const store = emptyStore();
    const server = createFakeSyncServer(store);
    const a = await device(scripted(server));
    await addCustomer(a.db, 'Ada');
    await a.engine.syncNow();
    // The book was restored from an older copy: the cloud has seen mutations up to 50.
    store.devices.set((await readDeviceId(a.db)) ?? '', 50);
    await addCustomer(a.db, 'Bob');
    const state = await a.engine.syncNow();
    expect(state.phase).toBe('error');
    expect(state.error).toContain('restored from a backup');
    expect(await outboxRows(a.db)).toHaveLength(1);
  });

  it('keeps the outbox when the cloud refuses a push, and retries with backoff', async () => {
    const server = createFakeSyncServer();
    const a = await device(scripted(server, ['refuse', 'refuse', 'drop-request']));
    await addCustomer(a.db, 'Ada');
    a.engine.start();
    await a.engine.syncNow();
    expect(a.engine.getState()).toMatchObject({ phase: 'error', error: 'Only a manager can do that.', pending: 1 });
    expect(await outboxRows(a.db)).toHaveLength(1);
    expect(a.timers.due()).toEqual([2_000]); // the start run failed too: second failure
    a.timers.fire();
    await a.engine.syncNow();
    expect(a.engine.getState()).toMatchObject({ phase: 'idle', pending: 0 });
    expect(a.timers.due()).toEqual([]);
    a.engine.stop();
  });

  it('doubles the wait between retries while offline, up to a minute', async () => {
    const offline: SyncTransport = {
      push: () => Promise.reject(new TypeError('fetch failed')),
      pull: () => Promise.reject(new TypeError('fetch failed')),
      deviceStatus: () => Promise.reject(new TypeError('fetch failed')),
    };
    const a = await device(offline);
    await addCustomer(a.db, 'Ada');
    a.engine.start();
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      await vi.waitFor(() => expect(a.timers.due()).toHaveLength(1));
      waits.push(...a.timers.due());
      a.timers.fire();
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect(a.engine.getState()).toMatchObject({ phase: 'offline', pending: 1, error: expect.stringContaining('Cannot reach') as unknown });
    a.engine.stop();
  });

  it('downloads the business on first sign-in and sends what this PC had before', async () => {
    const server = createFakeSyncServer();
    const b = await device(scripted(server));
    await addCustomer(b.db, 'From the office PC');
    await b.engine.syncNow();
    // A was used offline, never signed in, before joining the business.
    const a = await device(scripted(server));
    const mine = await addCustomer(a.db, 'Made at the counter');
    expect(await outboxRows(a.db)).toEqual([]); // nothing is queued before the book is bound
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect((await bookRecords(a.db)).size).toBe(2);
    expect(await getCustomer(b.db, mine.id)).toEqual(mine);
    await expectSameBooks(server, a, b);
  });

  it('refuses to sync a book bound to another business', async () => {
    const server = createFakeSyncServer();
    const a = await device(scripted(server));
    await a.engine.syncNow();
    const other = createSyncEngine({ db: a.db, transport: scripted(server), businessId: 'another-business', timers: manualTimers() });
    const state = await other.syncNow();
    expect(state.phase).toBe('error');
    expect(state.error).toContain('another business');
  });

  it('runs one sync at a time; asking during a run schedules exactly one more', async () => {
    const server = createFakeSyncServer();
    const transport = scripted(server);
    const a = await device(transport);
    await addCustomer(a.db, 'Ada');
    const runs = [a.engine.syncNow(), a.engine.syncNow(), a.engine.syncNow(), a.engine.syncNow()];
    await Promise.all(runs);
    expect(transport.pulls).toBe(2);
    expect(runs[1]).toBe(runs[2]);
  });

  it('pushes a local change after the debounce, once started', async () => {
    const server = createFakeSyncServer();
    const a = await device(scripted(server), { debounceMs: 150 });
    a.engine.start();
    await a.engine.syncNow();
    const ada = await addCustomer(a.db, 'Ada');
    await addCustomer(a.db, 'Bob');
    expect(a.timers.due()).toEqual([150]); // two writes, one scheduled run
    a.timers.fire();
    await a.engine.syncNow();
    expect(server.snapshot().get(`customers:${ada.id}`)).toEqual(ada);
    a.engine.stop();
  });

  it("syncs on the cloud's version notice, unless it already has that version", async () => {
    const server = createFakeSyncServer();
    const a = await device(scripted(server));
    const bTransport = scripted(server);
    const b = await device(bTransport);
    b.engine.start();
    await b.engine.syncNow();
    const pullsBefore = bTransport.pulls;
    server.onVersion((v) => b.engine.notifyRemoteVersion(v));
    const ada = await addCustomer(a.db, 'Ada');
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(await getCustomer(b.db, ada.id)).toEqual(ada);
    const pulls = bTransport.pulls;
    expect(pulls).toBeGreaterThan(pullsBefore);
    b.engine.notifyRemoteVersion(server.store.version);
    await b.engine.syncNow();
    expect(bTransport.pulls).toBe(pulls + 1); // only the explicit syncNow
    b.engine.stop();
  });

  it('reports progress through a download of several pages', async () => {
    const server = createFakeSyncServer();
    const a = await device(scripted(server));
    for (const name of ['A', 'B', 'C', 'D', 'E']) await addCustomer(a.db, name);
    await a.engine.syncNow();
    const b = await device(scripted(server), { pullLimit: 2 });
    await b.engine.syncNow();
    expect(b.states.flatMap((s) => (s.progress ? [s.progress] : []))).toEqual([
      { done: 2, total: 5 },
      { done: 4, total: 5 },
      { done: 5, total: 5 },
    ]);
    expect(b.engine.getState().progress).toBeUndefined();
  });

  it('does not sync while offline, and syncs when back online', async () => {
    const server = createFakeSyncServer();
    const transport = scripted(server);
    const a = await device(transport);
    a.engine.start();
    await a.engine.syncNow();
    a.engine.setOnline(false);
    const ada = await addCustomer(a.db, 'Ada');
    expect(a.timers.due()).toEqual([]);
    expect((await a.engine.syncNow()).phase).toBe('offline');
    expect(a.engine.getState()).toMatchObject({ online: false, pending: 1 });
    a.engine.setOnline(true);
    await a.engine.syncNow();
    expect(server.snapshot().get(`customers:${ada.id}`)).toEqual(ada);
    expect(a.engine.getState()).toMatchObject({ phase: 'idle', online: true, pending: 0 });
    a.engine.stop();
  });
});
