import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../../cloud/routers/_app';
import { seedMember } from '../../../cloud/testing/fixtures';
import { cloudClient, startTestCloud, type TestCloud } from '../../../cloud/testing/harness';
import { testDatabaseKinds, type TestDatabaseKind } from '../../../cloud/testing/test-database';
import type { SyncTransport } from '../../../renderer/src/sync/sync-engine';
import { createFakeSyncServer, emptyStore } from './fake-server';
import { planArbitrary, runFuzz, type FuzzCloud, type FuzzConfig } from './fuzz-run';

/**
 * THE sync fuzz test (see fuzz-run.ts for what one run does and checks). CI runs the fixed
 * seeds below; RATEBACK_FUZZ_SEED=<n> replays one seed (printed by every run), and
 * RATEBACK_FUZZ_RUNS=<k> runs k plans from each seed. RATEBACK_FUZZ_SHRINK=1 lets fast-check
 * shrink a failing plan (slow: every attempt is a whole run).
 */
const SEEDS = process.env['RATEBACK_FUZZ_SEED'] ? [Number(process.env['RATEBACK_FUZZ_SEED'])] : [20261123, 7, 424242];
const RUNS = Number(process.env['RATEBACK_FUZZ_RUNS'] ?? '1');
const SHRINK = process.env['RATEBACK_FUZZ_SHRINK'] === '1';
const CONFIG: FuzzConfig = { pcs: 4, opsPerPc: 200, steps: 1200 };

/**
 * Against the in-memory fake server: the device side alone, a quick first look when the real
 * run fails (same seed, same plan). One seed in CI; every seed when one is asked for.
 */
describe('sync fuzz against the in-memory fake server', () => {
  for (const seed of process.env['RATEBACK_FUZZ_SEED'] ? SEEDS : SEEDS.slice(0, 1)) {
    it(`converges (seed ${seed})`, async () => {
      console.log(`sync fuzz (fake server) seed ${seed}: replay with RATEBACK_FUZZ_SEED=${seed}`);
      await fc.assert(
        fc.asyncProperty(planArbitrary(CONFIG), async (plan) => {
          const store = emptyStore();
          let server = createFakeSyncServer(store);
          const cloud: FuzzCloud = {
            transport: () => server,
            restart: async () => {
              server = createFakeSyncServer(store);
            },
          };
          const report = await runFuzz(plan, cloud, crypto.randomUUID());
          console.log(`seed ${seed}: ${JSON.stringify(report)}`);
        }),
        { seed, numRuns: RUNS, endOnFailure: !SHRINK },
      );
    }, 600_000);
  }
});

/**
 * The same runs against the real cloud: the HTTP server over PGlite (or PostgreSQL when
 * TEST_DATABASE_URL is set), stock tRPC clients, one member per PC of one business per run.
 * The restart closes the server and starts a new one on the same database, at a new address
 * the PCs follow (held-back pushes are delivered to the new one).
 */
describe('sync fuzz against the real cloud over HTTP', () => {
  let kind: TestDatabaseKind;
  let first: TestCloud;
  let current: TestCloud;
  const clients = new Map<string, TRPCClient<AppRouter>>();

  const transportFor = (token: string): SyncTransport => {
    const client = () => {
      const key = `${current.url} ${token}`;
      let c = clients.get(key);
      if (!c) clients.set(key, (c = cloudClient(current.url, token)));
      return c;
    };
    return {
      push: (input) => client().sync.push.mutate(input),
      pull: (input) => client().sync.pull.query(input),
      deviceStatus: (input) => client().sync.deviceStatus.query(input),
    };
  };

  beforeAll(async () => {
    kind = testDatabaseKinds().at(-1) ?? testDatabaseKinds()[0]!;
    first = await startTestCloud(kind);
    current = first;
  }, 180_000);

  afterAll(async () => {
    if (!first) return;
    if (current === first) await first.close();
    else {
      await current.close();
      await first.db.drop();
    }
  }, 60_000);

  for (const seed of SEEDS) {
    it(`converges (seed ${seed}, ${CONFIG.pcs} PCs × ${CONFIG.opsPerPc} operations)`, async () => {
      console.log(`sync fuzz (real cloud, ${kind.name}) seed ${seed}: replay with RATEBACK_FUZZ_SEED=${seed}`);
      await fc.assert(
        fc.asyncProperty(planArbitrary(CONFIG), async (plan) => {
          const owner = await seedMember(first.db.database);
          const members = [owner];
          while (members.length < CONFIG.pcs) members.push(await seedMember(first.db.database, { businessId: owner.businessId, role: 'staff' }));
          const transports = members.map((m) => transportFor(m.token));
          const cloud: FuzzCloud = {
            transport: (pc) => transports[pc] ?? transports[0]!,
            restart: async () => {
              const next = await startTestCloud(kind, { shareDatabaseOf: first });
              // The first cloud owns the database: only its server stops. A later one also
              // closes its own connections (on PostgreSQL, a pool of its own).
              if (current === first) await first.server.close();
              else await current.close();
              current = next;
            },
          };
          const started = Date.now();
          const report = await runFuzz(plan, cloud, owner.businessId);
          console.log(`seed ${seed}: ${JSON.stringify(report)} in ${Date.now() - started} ms`);
        }),
        { seed, numRuns: RUNS, endOnFailure: !SHRINK },
      );
    }, 600_000);
  }
});
