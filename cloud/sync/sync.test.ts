import { randomUUID } from 'node:crypto';
import { TRPCClientError, type TRPCClient } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation, PulledRecord } from '@core/sync/protocol';
import type { AppRouter } from '../routers/_app';
import { seedMember } from '../testing/fixtures';
import { startTestCloud, type TestCloud } from '../testing/harness';
import { testDatabaseKinds } from '../testing/test-database';
import { create, customer, edit, invoice, mutation, payment, remove } from './test-records';

/**
 * Sync end to end: a real cloud over HTTP, the stock tRPC client (SSE for onVersion), PGlite
 * always and PostgreSQL when TEST_DATABASE_URL is set. Each test seeds its own business, so
 * one cloud per database kind serves the whole file.
 */

type Api = TRPCClient<AppRouter>;

async function refusal(call: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return { code: (error as TRPCClientError<AppRouter>).data?.code, message: error.message };
    throw error;
  }
  throw new Error('expected the call to be refused');
}

/** Every record of the business, following the cursor page by page. */
async function pullAll(api: Api, limit = 1000): Promise<PulledRecord[]> {
  const out: PulledRecord[] = [];
  let cursor = 0;
  for (;;) {
    const page = await api.sync.pull.query({ cursor, limit });
    out.push(...page.records);
    cursor = page.cursor;
    if (!page.hasMore) return out;
  }
}

/** A device of a business: a member's client and its own mutation counter. */
function device(api: Api) {
  const deviceId = randomUUID();
  let next = 1;
  return {
    api,
    deviceId,
    push: (...changes: Mutation['changes']) => api.sync.push.mutate({ deviceId, mutations: [mutation(next++, ...changes)] }),
  };
}

function nextVersion(api: Api, after: number, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.unsubscribe();
      reject(new Error(`no version after ${after} within ${timeoutMs} ms`));
    }, timeoutMs);
    const sub = api.sync.onVersion.subscribe(
      { since: after },
      {
        onData: (event) => {
          if (event.data.version <= after) return;
          clearTimeout(timer);
          sub.unsubscribe();
          resolve(event.data.version);
        },
        onError: (error) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      },
    );
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`sync over HTTP (${kind.name})`, () => {
    let cloud: TestCloud;
    // Generous: PGlite's start (WebAssembly and migrations) is slow on a busy machine.
    beforeAll(async () => {
      cloud = await startTestCloud(kind);
    }, 60_000);
    afterAll(async () => {
      await cloud?.close();
    }, 30_000);

    /** A member of a new business (or of `businessId`), with a client signed in as them. */
    async function member(businessId?: string) {
      const seeded = await seedMember(cloud.server.services.database, businessId ? { businessId } : {});
      return { ...seeded, api: cloud.client(seeded.token) };
    }

    it('pushes records and pulls them back, with the device and business versions', async () => {
      const { api } = await member();
      const pc = device(api);
      const ann = customer();
      const inv = invoice(ann.id);
      const result = await pc.push(create('customers', ann), create('invoices', inv));
      expect(result).toEqual({ applied: 1, replayed: 0, lastMutationId: 1, version: 2 });

      const page = await api.sync.pull.query({ cursor: 0 });
      expect(page).toMatchObject({ cursor: 2, hasMore: false, latest: 2, remaining: 2 });
      expect(page.records).toEqual([
        { table: 'customers', id: ann.id, version: 1, deleted: false, data: ann },
        { table: 'invoices', id: inv.id, version: 2, deleted: false, data: inv },
      ]);
      expect(await api.sync.deviceStatus.query({ deviceId: pc.deviceId })).toEqual({ lastMutationId: 1, version: 2 });
      expect(await api.sync.deviceStatus.query({ deviceId: randomUUID() })).toEqual({ lastMutationId: 0, version: 2 });
      expect(await api.sync.pull.query({ cursor: 2 })).toEqual({ records: [], cursor: 2, hasMore: false, latest: 2, remaining: 0 });
    });

    it('acknowledges a replayed push without applying it twice', async () => {
      const { api } = await member();
      const deviceId = randomUUID();
      const ann = customer();
      const first = [mutation(1, create('customers', ann)), mutation(2, edit('customers', ann.id, { notes: 'two' }))];
      // One record changed twice in one push: one new version.
      expect(await api.sync.push.mutate({ deviceId, mutations: first })).toEqual({ applied: 2, replayed: 0, lastMutationId: 2, version: 1 });
      expect(await api.sync.push.mutate({ deviceId, mutations: first })).toEqual({ applied: 0, replayed: 2, lastMutationId: 2, version: 1 });
      // Overlapping: 2 again, then 3.
      const overlap = [first[1]!, mutation(3, edit('customers', ann.id, { notes: 'three' }))];
      expect(await api.sync.push.mutate({ deviceId, mutations: overlap })).toEqual({ applied: 1, replayed: 1, lastMutationId: 3, version: 2 });
      const records = await pullAll(api);
      expect(records).toHaveLength(1);
      expect(records[0]?.data?.['notes']).toBe('three');
    });

    it('refuses a gap with CONFLICT, says where to resend from, and applies nothing', async () => {
      const { api } = await member();
      const pc = device(api);
      await pc.push(create('customers', customer()));
      const refused = await refusal(
        api.sync.push.mutate({ deviceId: pc.deviceId, mutations: [mutation(4, create('customers', customer())), mutation(5, create('customers', customer()))] }),
      );
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toMatch(/missing changes 2–3 from this PC.*expects is 2/);
      expect(await api.sync.deviceStatus.query({ deviceId: pc.deviceId })).toEqual({ lastMutationId: 1, version: 1 });
      expect(await pullAll(api)).toHaveLength(1);
    });

    it('refuses an invalid record with BAD_REQUEST naming it, and applies nothing of the push', async () => {
      const { api } = await member();
      const deviceId = randomUUID();
      const good = customer();
      const badPhone = customer({ phones: ['07700 900123'] });
      const refused = await refusal(api.sync.push.mutate({ deviceId, mutations: [mutation(1, create('customers', good)), mutation(2, create('customers', badPhone))] }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.message).toContain(`customers ${badPhone.id}, field phones.0`);

      const unknownField = await refusal(api.sync.push.mutate({ deviceId, mutations: [mutation(1, create('customers', { ...good, nickname: 'A' } as typeof good))] }));
      expect(unknownField.code).toBe('BAD_REQUEST');
      expect(unknownField.message).toContain('field nickname');

      expect(await pullAll(api)).toEqual([]);
      expect(await api.sync.deviceStatus.query({ deviceId })).toEqual({ lastMutationId: 0, version: 0 });
    });

    it('refuses more than 500 mutations in one push', async () => {
      const { api } = await member();
      const ann = customer();
      const mutations = Array.from({ length: 501 }, (_, i) => mutation(i + 1, edit('customers', ann.id, { notes: String(i) })));
      expect((await refusal(api.sync.push.mutate({ deviceId: randomUUID(), mutations }))).code).toBe('BAD_REQUEST');
    });

    it('merges field by field: different fields both kept, the same field won by the later push', async () => {
      const a = await member();
      const b = await member(a.businessId);
      const pcA = device(a.api);
      const pcB = device(b.api);
      const ann = customer();
      await pcA.push(create('customers', ann));
      await pcB.push(edit('customers', ann.id, { notes: 'from B' }));
      await pcA.push(edit('customers', ann.id, { displayName: 'Ann A' }));
      let [held] = await pullAll(a.api);
      expect(held?.data).toMatchObject({ displayName: 'Ann A', notes: 'from B' });

      await pcA.push(edit('customers', ann.id, { notes: 'A again' }));
      await pcB.push(edit('customers', ann.id, { notes: 'B again' }));
      [held] = await pullAll(b.api);
      expect(held?.data).toMatchObject({ displayName: 'Ann A', notes: 'B again' });
    });

    it('keeps payments recorded on two PCs, each once', async () => {
      const a = await member();
      const b = await member(a.businessId);
      const pcA = device(a.api);
      const pcB = device(b.api);
      const inv = invoice(randomUUID());
      const [p1, p2] = [payment(1000), payment(2000)];
      await pcA.push(create('invoices', inv));
      await pcA.push(edit('invoices', inv.id, {}, { payments: [p1] }));
      await pcB.push(edit('invoices', inv.id, {}, { payments: [p2, p1] }));
      const [held] = await pullAll(a.api);
      expect(held?.data?.['payments']).toEqual([p1, p2]);
    });

    it('lets a delete win over a later edit from a PC that had not heard of it', async () => {
      const a = await member();
      const b = await member(a.businessId);
      const pcA = device(a.api);
      const pcB = device(b.api);
      const ann = customer();
      await pcA.push(create('customers', ann));
      const deleted = await pcA.push(remove('customers', ann.id));
      const late = await pcB.push(edit('customers', ann.id, { notes: 'late edit' }));
      // Acknowledged (it can leave B's outbox) but no new version: nothing changed.
      expect(late).toEqual({ applied: 1, replayed: 0, lastMutationId: 1, version: deleted.version });
      expect(await pullAll(a.api)).toEqual([{ table: 'customers', id: ann.id, version: deleted.version, deleted: true, data: null }]);
    });

    it('pages through records and tombstones in version order, cursor by cursor', async () => {
      const { api } = await member();
      const pc = device(api);
      const people = Array.from({ length: 5 }, () => customer());
      await pc.push(...people.map((p) => create('customers', p)));
      await pc.push(remove('customers', people[0]!.id), remove('customers', people[3]!.id));
      await pc.push(edit('customers', people[1]!.id, { notes: 'edited' }));

      const first = await api.sync.pull.query({ cursor: 0, limit: 2 });
      expect(first).toMatchObject({ hasMore: true, latest: 8, remaining: 5 });
      const all = await pullAll(api, 2);
      expect(all.map((r) => r.version)).toEqual([3, 5, 6, 7, 8]);
      expect(all.filter((r) => r.deleted).map((r) => [r.id, r.data])).toEqual([
        [people[0]!.id, null],
        [people[3]!.id, null],
      ]);
      expect(all.at(-1)).toMatchObject({ id: people[1]!.id, data: { notes: 'edited' } });
      const middle = await api.sync.pull.query({ cursor: 5, limit: 2 });
      expect(middle).toMatchObject({ cursor: 7, hasMore: true });
      expect(middle.remaining).toBeGreaterThanOrEqual(3);
    });

    it('gives every record its own version when devices push at once', async () => {
      const a = await member();
      const devices = [a.api, a.api, a.api, a.api].map(device);
      await Promise.all(devices.map((pc) => pc.push(...Array.from({ length: 10 }, () => create('customers', customer())))));
      const all = await pullAll(a.api);
      expect(all.map((r) => r.version)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it('shows each business only its own records', async () => {
      const a = await member();
      const b = await member();
      const ann = customer();
      await device(a.api).push(create('customers', ann));
      expect(await pullAll(b.api)).toEqual([]);
      // The same id in B is B's own record; A's is untouched.
      await device(b.api).push(create('customers', { ...ann, displayName: 'Other Ann' }));
      expect((await pullAll(a.api))[0]?.data?.['displayName']).toBe('Ann Example');
      expect((await pullAll(b.api))[0]?.data?.['displayName']).toBe('Other Ann');
    });

    it('finds a customer by phone, e-mail or tax id, and only in its own business', async () => {
      const a = await member();
      const b = await member();
      const pc = device(a.api);
      const ann = customer({ emails: ['Ann.Lookup@Example.test'], taxId: 'gb123456789' });
      await pc.push(create('customers', ann), create('customers', customer({ phones: [], emails: [] })));
      await device(b.api).push(create('customers', customer()));

      const found = await a.api.book.lookup.query({ identifier: '+44 7700 900123' });
      expect(found).toEqual([{ id: ann.id, displayName: ann.displayName, status: ann.status, phones: ann.phones, emails: ann.emails }]);
      expect((await a.api.book.lookup.query({ identifier: 'ann.lookup@example.TEST' })).map((c) => c.id)).toEqual([ann.id]);
      expect((await a.api.book.lookup.query({ identifier: 'GB123456789' })).map((c) => c.id)).toEqual([ann.id]);
      expect(await b.api.book.lookup.query({ identifier: 'ann.lookup@example.test' })).toEqual([]);

      // A new phone replaces the old; a delete removes the customer from lookups.
      await pc.push(edit('customers', ann.id, { phones: ['+447700900999'] }));
      expect(await a.api.book.lookup.query({ identifier: '+447700900123' })).toEqual([]);
      expect((await a.api.book.lookup.query({ identifier: '+447700900999' })).map((c) => c.id)).toEqual([ann.id]);
      await pc.push(remove('customers', ann.id));
      expect(await a.api.book.lookup.query({ identifier: '+447700900999' })).toEqual([]);
    });

    it('tells a subscriber of a new version within a second of a push from another PC', async () => {
      const a = await member();
      const b = await member(a.businessId);
      const pc = device(a.api);
      await pc.push(create('customers', customer()));
      // Behind: the current version comes at once.
      expect(await nextVersion(b.api, 0, 1000)).toBe(1);

      const heard = nextVersion(b.api, 1, 2000);
      await new Promise((r) => setTimeout(r, 100));
      const pushedAt = Date.now();
      const { version } = await pc.push(create('customers', customer()));
      expect(await heard).toBe(version);
      expect(Date.now() - pushedAt).toBeLessThan(1000);
    });

    it.runIf(kind.name === 'postgres')('tells a subscriber on another cloud process (LISTEN/NOTIFY on one PostgreSQL)', async () => {
      const second = await startTestCloud(kind, { shareDatabaseOf: cloud });
      try {
        const a = await member();
        const b = await member(a.businessId);
        const heard = nextVersion(second.client(b.token), 0, 2000);
        await new Promise((r) => setTimeout(r, 100));
        const pushedAt = Date.now();
        const { version } = await device(a.api).push(create('customers', customer()));
        expect(await heard).toBe(version);
        expect(Date.now() - pushedAt).toBeLessThan(1000);
      } finally {
        await second.close();
      }
    }, 20_000);
  });
}
