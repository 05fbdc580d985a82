import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Customer } from '@core/customer';
import { seedMember } from '../../../cloud/testing/fixtures';
import { cloudClient } from '../../../cloud/testing/harness';
import { createChange, demoCustomers, DeviceOutbox } from './book';
import { cpuPerUnit, type CpuReading } from './cpu';
import type { BenchContext, PhaseResult } from './phase';
import { figure, type Figure } from './report';
import { median } from './stats';

/**
 * Push apply throughput: pushes of 500 new customers through the real stack (stock tRPC client
 * → HTTP → the cloud process → PostgreSQL), beside a bare multi-row INSERT of the same rows
 * through `pg` into a plain table of book_records' shape (same columns, primary key and version
 * index; no foreign key, no row-level security, no identifier rows, no cursor or version rows).
 *
 * Variants, each on fresh businesses so every change is a new record:
 *   cloud-1        one device, pushes one after another
 *   cloud-4        four devices of four businesses pushing at once (tenants in parallel)
 *   cloud-4-same   four devices of ONE business: its pushes serialise on the business's version
 *                  lock by design, so this shows the cost of that order, not a target
 *   cloud-1-bulk   one device, each push ONE mutation of 500 changes (an import or a first sync)
 *                  instead of 500 mutations of one change (a counter's outbox)
 *   bare-1/bare-4  the same number of rows by one or four writers, 500 rows per INSERT
 * Rounds interleave the variants (order reversed every other round) after one warm-up round.
 * Figures: the median round's rate, the median of the per-round ratios cloud ÷ bare (each round
 * pairs runs seconds apart, so the neighbours' load cancels better than in a ratio of medians),
 * and the CPU time per change of the cloud process, PostgreSQL and the client.
 */
type Variant = 'bare-1' | 'cloud-1' | 'bare-4' | 'cloud-4' | 'cloud-4-same' | 'cloud-1-bulk';
const VARIANTS: Variant[] = ['bare-1', 'cloud-1', 'bare-4', 'cloud-4', 'cloud-4-same', 'cloud-1-bulk'];

interface RoundResult {
  perSecond: number;
  /** µs of CPU per change, by process (cloud, postgres, bench = the client side). */
  cpu: Record<string, number | null>;
}

const PLAIN_TABLE = `
  CREATE TABLE IF NOT EXISTS bench_plain_records (
    business_id uuid NOT NULL, tbl text NOT NULL, id text NOT NULL, data jsonb,
    deleted boolean NOT NULL DEFAULT false, version bigint NOT NULL,
    PRIMARY KEY (business_id, tbl, id));
  CREATE INDEX IF NOT EXISTS bench_plain_records_version ON bench_plain_records (business_id, version);`;

/** One round of `variant`: `pushes` pushes (or INSERTs) of 500 per writer. */
async function round(ctx: BenchContext, pools: readonly Customer[][], variant: Variant, pushes: number): Promise<RoundResult> {
  const per = ctx.config.push.changesPerPush;
  const writers = variant === 'cloud-1' || variant === 'bare-1' || variant === 'cloud-1-bulk' ? 1 : 4;
  const batches = (w: number) => Array.from({ length: pushes }, (_, p) => (pools[w] ?? []).slice(p * per, (p + 1) * per));
  const total = writers * pushes * per;
  let work: () => Promise<unknown>;
  let cleanUp = async () => {};

  if (variant.startsWith('bare')) {
    const clients = await Promise.all(
      Array.from({ length: writers }, async () => {
        const client = new pg.Client({ connectionString: ctx.databaseUrl });
        await client.connect();
        return client;
      }),
    );
    // The statements are built before the clock starts: the floor is the database's share.
    const statements = clients.map((_, w) => {
      const businessId = randomUUID();
      let version = 1;
      return batches(w).map((rows) => {
        const params: unknown[] = [];
        const values = rows.map((c, j) => {
          params.push(businessId, 'customers', c.id, JSON.stringify(c), false, version++);
          const b = j * 6;
          return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6})`;
        });
        return { text: `INSERT INTO bench_plain_records (business_id, tbl, id, data, deleted, version) VALUES ${values.join(',')}`, params };
      });
    });
    work = () => Promise.all(clients.map(async (client, w) => {
      for (const statement of statements[w] ?? []) await client.query(statement.text, statement.params);
    }));
    cleanUp = async () => {
      await Promise.all(clients.map((c) => c.end()));
    };
  } else {
    const owner = await seedMember(ctx.database);
    const others =
      variant === 'cloud-4-same'
        ? [1, 2, 3].map(() => seedMember(ctx.database, { businessId: owner.businessId, role: 'staff' }))
        : Array.from({ length: writers - 1 }, () => seedMember(ctx.database));
    const members = [owner, ...(await Promise.all(others))];
    const perMutation = variant === 'cloud-1-bulk' ? per : 1;
    // Each writer slot has its own pool (its own seed), so the four devices of cloud-4-same
    // create different customers of their one business.
    const devices = members.map((m, w) => {
      const outbox = new DeviceOutbox();
      const pushInputs = batches(w).map((rows) => ({ deviceId: outbox.deviceId, mutations: outbox.mutations(rows.map((c) => createChange('customers', c)), perMutation) }));
      return { client: cloudClient(ctx.cloudUrl, m.token), pushInputs };
    });
    work = () => Promise.all(devices.map(async (d) => {
      for (const input of d.pushInputs) await d.client.sync.push.mutate(input);
    }));
  }

  const before: CpuReading = await ctx.cpu();
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  const after: CpuReading = await ctx.cpu();
  await cleanUp();
  return { perSecond: (total / ms) * 1000, cpu: cpuPerUnit(before, after, total) };
}

async function measure(ctx: BenchContext): Promise<Record<Variant, RoundResult[]>> {
  const config = ctx.config.push;
  const admin = new pg.Client({ connectionString: ctx.databaseUrl });
  await admin.connect();
  await admin.query(PLAIN_TABLE);
  await admin.end();
  const pools = [1, 2, 3, 4].map((w) => demoCustomers(9_000 + w, config.pushesPerDevice * config.changesPerPush));
  const results = Object.fromEntries(VARIANTS.map((v) => [v, [] as RoundResult[]])) as Record<Variant, RoundResult[]>;

  const warmup = Math.max(2, Math.round(config.pushesPerDevice / 4));
  ctx.log(`push: warm-up round (${warmup} pushes per writer per variant)`);
  for (const variant of VARIANTS) await round(ctx, pools, variant, warmup);
  for (let r = 0; r < config.rounds; r++) {
    const order = r % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
    for (const variant of order) results[variant].push(await round(ctx, pools, variant, config.pushesPerDevice));
    ctx.log(`push round ${r + 1}/${config.rounds}: ${VARIANTS.map((v) => `${v} ${Math.round(results[v].at(-1)?.perSecond ?? 0)}/s`).join(', ')}`);
  }
  return results;
}

export async function pushPhase(ctx: BenchContext): Promise<PhaseResult> {
  const config = ctx.config.push;
  ctx.log(`push: ${config.changesPerPush} new customers per push, ${config.pushesPerDevice} pushes per device, ${config.rounds} rounds`);
  const results = await measure(ctx);
  const rate = (v: Variant) => median(results[v].map((r) => r.perSecond));
  const paired = (v: Variant, floor: Variant) => median(results[v].map((r, i) => r.perSecond / (results[floor][i]?.perSecond ?? Number.NaN)));
  const cpu = (v: Variant, side: string) => {
    const values = results[v].map((r) => r.cpu[side]).filter((x): x is number => typeof x === 'number');
    return values.length > 0 ? median(values) : null;
  };
  const figures: Figure[] = [
    figure('cloud.push.1-device', rate('cloud-1'), 'changes/s', rate('bare-1')),
    figure('cloud.push.1-device.paired-ratio', paired('cloud-1', 'bare-1'), '×'),
    figure('cloud.push.4-devices', rate('cloud-4'), 'changes/s', rate('bare-4')),
    figure('cloud.push.4-devices.paired-ratio', paired('cloud-4', 'bare-4'), '×'),
    figure('cloud.push.4-devices.one-business', rate('cloud-4-same'), 'changes/s', rate('bare-4')),
    figure('cloud.push.1-device.one-mutation', rate('cloud-1-bulk'), 'changes/s', rate('bare-1')),
  ];
  for (const [v, floor, name] of [['cloud-1', 'bare-1', '1-device'], ['cloud-4', 'bare-4', '4-devices']] as const) {
    figures.push(
      figure(`cloud.push.${name}.cpu.cloud-process`, cpu(v, 'cloud') ?? Number.NaN, 'µs/change'),
      figure(`cloud.push.${name}.cpu.postgres`, cpu(v, 'postgres') ?? Number.NaN, 'µs/change', cpu(floor, 'postgres')),
      figure(`cloud.push.${name}.cpu.client`, cpu(v, 'bench') ?? Number.NaN, 'µs/change', cpu(floor, 'bench')),
    );
  }
  return {
    figures: figures.filter((f) => !Number.isNaN(f.value)),
    notes: [
      `cloud.push.*: ${config.rounds} rounds of ${config.pushesPerDevice} pushes per device, ${config.changesPerPush} new demo customers per push as ${config.changesPerPush} one-change mutations (one-mutation: one mutation of ${config.changesPerPush}); stock tRPC client → cloud process → PostgreSQL; floor = bare multi-row INSERT of the same rows (${config.changesPerPush} per statement) into a plain table of book_records' shape, 1 or 4 writers; value and floor are median rounds, paired-ratio the median of each round's cloud ÷ bare (the targets use it); 4-devices = four businesses, one-business = four devices of one business (serialised on its version lock by design); *.cpu.*: CPU µs per change of the cloud process, PostgreSQL (all its processes) and the client (this process), floor = the bare INSERT's`,
    ],
  };
}
