import type { BareReady } from './bare-process';
import { childCpuMs, type Child } from './children';
import { cpuPerUnit, type CpuReading } from './cpu';
import type { CheckResult, ClosedResult, LoadTarget, RateResult } from './load-process';
import type { BenchContext, PhaseResult } from './phase';
import { figure } from './report';
import { median } from './stats';

/**
 * Look-ups per second: `book.lookup` by phone through the cloud's HTTP stack, beside the bare
 * node:http + pg server running the same SQL (see bare-process.ts for exactly what it does and
 * does not do). The load generator (its own process) sends raw GETs in tRPC's wire format,
 * `/trpc/book.lookup?input={"identifier":"+44…"}` with the member's bearer token, over 32
 * keep-alive connections; identifiers rotate over phones of the business's customers. Rounds
 * interleave the three servers (order reversed every other round); then each of the cloud and
 * the bare same-shape server takes a fixed open-loop rate for the latency percentiles.
 */
export type LookupServer = 'cloud' | 'bare' | 'bare-single';
const SERVERS: LookupServer[] = ['cloud', 'bare', 'bare-single'];

/** One closed-loop run, with the CPU µs per request of the server process, PostgreSQL and the load generator. */
type ClosedRun = ClosedResult & { cpu: Record<string, number | null> };

export interface LookupResults {
  closed: Record<LookupServer, ClosedRun[]>;
  /** The open-loop runs, at `perSecond`: the configured rate, or half the cloud's capacity if that is lower. */
  rate: { perSecond: number; cloud: RateResult; bare: RateResult };
  resultsPerLookup: number;
}

async function measureLookups(
  ctx: BenchContext,
  opts: { bare: Child<BareReady>; load: Child<object>; phones: string[] },
): Promise<LookupResults> {
  const { load } = opts;
  const config = ctx.config.lookups;
  const log = ctx.log;
  const input = (phone: string) => `?input=${encodeURIComponent(JSON.stringify({ identifier: phone }))}`;
  const headers = { authorization: `Bearer ${ctx.owner.token}` };
  const bareUrl = opts.bare.ready.url;
  const targets: Record<LookupServer, LoadTarget> = {
    cloud: { urls: opts.phones.map((p) => `${ctx.cloudUrl}/trpc/book.lookup${input(p)}`), headers },
    bare: { urls: opts.phones.map((p) => `${bareUrl}/same-shape${input(p)}`), headers },
    'bare-single': { urls: opts.phones.map((p) => `${bareUrl}/single${input(p)}`), headers },
  };
  const reading = async (server: LookupServer): Promise<CpuReading> => ({
    server: await childCpuMs(server === 'cloud' ? ctx.cloud : opts.bare),
    postgres: (await ctx.cpu())['postgres'] ?? null,
    load: await childCpuMs(load),
  });

  // Every server must find the same customers for the same phone before anything is timed.
  let resultsPerLookup = 0;
  for (const phone of opts.phones.slice(0, 5)) {
    const counts: number[] = [];
    for (const server of SERVERS) {
      const one = { urls: [targets[server].urls[opts.phones.indexOf(phone)] ?? ''], headers };
      const answer = await load.request<CheckResult>({ type: 'check', ...one });
      const data = (answer.body as { result?: { data?: unknown } } | null)?.result?.data;
      if (answer.status !== 200 || !Array.isArray(data) || data.length === 0) {
        throw new Error(`lookups: ${server} answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)} for ${phone}`);
      }
      counts.push(data.length);
    }
    if (new Set(counts).size !== 1) throw new Error(`lookups: the servers found different numbers of customers for ${phone}: ${counts.join(', ')}`);
    resultsPerLookup = counts[0] ?? 0;
  }

  const closed: Record<LookupServer, ClosedRun[]> = { cloud: [], bare: [], 'bare-single': [] };
  for (let r = 0; r < config.rounds; r++) {
    const order = r % 2 === 0 ? SERVERS : [...SERVERS].reverse();
    for (const server of order) {
      const before = await reading(server);
      const run = await load.request<ClosedResult>({ type: 'closed', connections: config.connections, warmupS: config.warmupS, measureS: config.measureS, ...targets[server] });
      closed[server].push({ ...run, cpu: cpuPerUnit(before, await reading(server), run.total) });
    }
    log(`lookups round ${r + 1}/${config.rounds}: ${SERVERS.map((s) => `${s} ${Math.round(closed[s].at(-1)?.perSecond ?? 0)}/s`).join(', ')}`);
  }
  for (const server of SERVERS) {
    const errors = closed[server].reduce((n, c) => n + c.errors, 0);
    if (errors > 0) throw new Error(`lookups: ${server} failed ${errors} requests under load`);
  }

  // "Moderate" means well below capacity: on a busy machine the configured rate may not be.
  const capacity = median(closed.cloud.map((c) => c.perSecond));
  const perSecond = Math.max(20, Math.min(config.rate, Math.floor(capacity / 20) * 10));
  log(`lookups: open loop at ${perSecond} req/s${perSecond < config.rate ? ` (half the cloud's capacity here; ${config.rate} would saturate it)` : ''} for ${config.rateS} s each, cloud then bare`);
  const cloud = await load.request<RateResult>({ type: 'rate', rate: perSecond, seconds: config.rateS, ...targets.cloud });
  const bare = await load.request<RateResult>({ type: 'rate', rate: perSecond, seconds: config.rateS, ...targets.bare });
  return { closed, rate: { perSecond, cloud, bare }, resultsPerLookup };
}

function rateOf(results: LookupResults, server: LookupServer): number {
  return median(results.closed[server].map((c) => c.perSecond));
}

/** Median over the rounds of each round's cloud ÷ bare: the rounds pair runs seconds apart. */
function pairedRatio(results: LookupResults): number {
  return median(results.closed.cloud.map((c, i) => c.perSecond / (results.closed.bare[i]?.perSecond ?? Number.NaN)));
}

function cpuOf(results: LookupResults, server: LookupServer, side: string): number | null {
  const values = results.closed[server].map((c) => c.cpu[side]).filter((x): x is number => typeof x === 'number');
  return values.length > 0 ? median(values) : null;
}

export async function lookupsPhase(ctx: BenchContext): Promise<PhaseResult> {
  const { config } = ctx;
  await ctx.settle();
  ctx.log('look-ups: starting the bare server and the load generator');
  const env = { DATABASE_URL: ctx.databaseUrl, BARE_BUSINESS_ID: ctx.owner.businessId, DATABASE_POOL_SIZE: '16' };
  const bare = await ctx.startChild<BareReady>('bare-server', { env });
  const load = await ctx.startChild<object>('load');
  try {
    const phones = ctx.phones.filter((_, i) => i % 7 === 0).slice(0, 2000);
    const r = await measureLookups(ctx, { bare, load, phones });
    const cpu = (side: string, unit = 'µs/request') => figure(`cloud.lookup.cpu.${side === 'server' ? 'server-process' : side}`, cpuOf(r, 'cloud', side) ?? Number.NaN, unit, cpuOf(r, 'bare', side));
    return {
      figures: [
        figure('cloud.lookup.32-connections', rateOf(r, 'cloud'), 'req/s', rateOf(r, 'bare')),
        figure('cloud.lookup.32-connections.paired-ratio', pairedRatio(r), '×'),
        figure('cloud.lookup.bare-single-select', rateOf(r, 'bare-single'), 'req/s'),
        figure('cloud.lookup.32-connections.p50', median(r.closed.cloud.map((c) => c.p50Ms)), 'ms', median(r.closed.bare.map((c) => c.p50Ms))),
        figure('cloud.lookup.fixed-rate', r.rate.perSecond, 'req/s'),
        figure('cloud.lookup.p50-at-fixed-rate', r.rate.cloud.p50Ms, 'ms', r.rate.bare.p50Ms),
        figure('cloud.lookup.p99-at-fixed-rate', r.rate.cloud.p99Ms, 'ms', r.rate.bare.p99Ms),
        figure('cloud.lookup.max-at-fixed-rate', r.rate.cloud.maxMs, 'ms', r.rate.bare.maxMs),
        cpu('server'),
        cpu('postgres'),
        cpu('load'),
        figure('cloud.lookup.bare-single-select.cpu.postgres', cpuOf(r, 'bare-single', 'postgres') ?? Number.NaN, 'µs/request'),
      ].filter((f) => !Number.isNaN(f.value)),
      notes: [
        `cloud.lookup.*: raw GET /trpc/book.lookup?input={"identifier":"+44…"} over ${config.lookups.connections} keep-alive connections from a separate load process, ${phones.length} phones round-robin, ${r.resultsPerLookup} customer(s) per answer; median of ${config.lookups.rounds} rounds of ${config.lookups.measureS} s (after ${config.lookups.warmupS} s warm-up); floor = bare node:http + pg (pool 16, like the cloud) with the same session-check and look-up transactions, no zod/tRPC/Drizzle; bare-single-select = one SELECT, no session, no transaction; paired-ratio = median of each round's cloud ÷ bare (the target uses it); the database is vacuumed and checkpointed first, so the push phase's million rows do not leave autovacuum running under the look-ups; cpu.* = CPU µs per request of the server process (cloud vs bare), PostgreSQL and the load generator, floor = the bare same-shape run's; *-at-fixed-rate: open loop at ${r.rate.perSecond} req/s (${config.lookups.rate}, or half the cloud's capacity here if lower) for ${config.lookups.rateS} s, latency counted from when each request was due`,
      ],
    };
  } finally {
    await load.stop();
    await bare.stop();
  }
}
