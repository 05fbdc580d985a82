/**
 * What the cloud benchmark runs, in one place. RATEBACK_BENCH_QUICK=1 shrinks every phase to
 * check the harness itself in about a minute; its figures are rough (few repeats, a tenth of
 * the book).
 */
export const PHASES = ['push', 'propagation', 'lookups', 'pull', 'browser'] as const;
export type Phase = (typeof PHASES)[number];

export interface CloudBenchConfig {
  quick: boolean;
  /** BENCH_CLOUD_ONLY=lookups,pull runs only those phases (to profile one); all by default. */
  phases: ReadonlySet<Phase>;
  /** Pushes of new customers through the cloud vs a bare multi-row INSERT of the same rows. */
  push: {
    changesPerPush: number;
    /** Pushes per device in one measured round (after one warm-up round). */
    pushesPerDevice: number;
    rounds: number;
  };
  /** Device A pushes one change; device B (subscribed) has pulled it. */
  propagation: { changes: number; warmup: number; pauseMs: number };
  /** book.lookup by phone at 32 concurrent connections, beside bare node:http + pg. */
  lookups: {
    connections: number;
    warmupS: number;
    measureS: number;
    rounds: number;
    /** Open-loop latency run: requests per second and for how long. */
    rate: number;
    rateS: number;
  };
  /** The synced book a fresh device pulls (and the business the look-ups read). */
  book: { records: number; seed: number; changesPerPush: number; pageSizes: number[]; rounds: number };
  /** The same pull into the renderer's IndexedDB in Chromium (skipped when Chromium is missing). */
  browserPull: { enabled: boolean; pageSize: number; rounds: number };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): CloudBenchConfig {
  const quick = env['RATEBACK_BENCH_QUICK'] === '1';
  const only = (env['BENCH_CLOUD_ONLY'] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = only.filter((p) => !(PHASES as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`BENCH_CLOUD_ONLY: unknown phase ${unknown.join(', ')} (phases: ${PHASES.join(', ')})`);
  return {
    quick,
    phases: new Set(only.length > 0 ? (only as Phase[]) : PHASES),
    push: { changesPerPush: 500, pushesPerDevice: quick ? 6 : 20, rounds: quick ? 2 : 5 },
    propagation: { changes: quick ? 40 : 200, warmup: quick ? 5 : 20, pauseMs: 20 },
    lookups: { connections: 32, warmupS: quick ? 1 : 2, measureS: quick ? 2 : 5, rounds: quick ? 1 : 3, rate: 500, rateS: quick ? 3 : 10 },
    book: { records: quick ? 10_000 : 100_000, seed: 20_261_123, changesPerPush: 5000, pageSizes: [1000, 5000], rounds: quick ? 1 : 3 },
    browserPull: { enabled: env['RATEBACK_BENCH_CLOUD_BROWSER'] !== '0', pageSize: 1000, rounds: quick ? 1 : 2 },
  };
}
