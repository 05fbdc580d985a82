import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import pg from 'pg';
import type { Change } from '@core/sync/protocol';
import { openDatabase, type Database } from '../../../cloud/db/client';
import { migrate, readMigrations } from '../../../cloud/db/migrate';
import { seedMember, type SeededMember } from '../../../cloud/testing/fixtures';
import { cloudClient } from '../../../cloud/testing/harness';
import { demoBookChanges, DeviceOutbox } from './book';
import { browserPullPhase } from './browser-pull';
import { childCpuMs, startChild, type Child } from './children';
import type { CloudReady } from './cloud-process';
import { selfCpuMs } from './cpu';
import { readConfig, type CloudBenchConfig, type Phase } from './config';
import { lookupsPhase } from './lookups';
import { repoRoot } from './paths';
import type { BenchContext, PhaseResult } from './phase';
import { openBenchPostgres, type BenchPostgres } from './postgres';
import { propagationPhase } from './propagation';
import { pullPhase } from './pull';
import { pushPhase } from './push';
import { figure, printSummary, readmeRows, writeFigures, type Figure } from './report';

/**
 * The cloud benchmark (`node out/main/cloud-bench.js [--append-to FILE]`): on PostgreSQL, with
 * the cloud in a process of its own, it measures push throughput, device-to-device propagation,
 * look-ups per second and a fresh device's pull of the whole book, each beside a bare floor
 * where one makes sense. Prints the figures as JSON lines on stdout (also written to
 * bench-results/cloud.jsonl and appended to FILE), a table on stderr, and the README rows.
 * Fails only when something could not be measured.
 *
 * Environment: RATEBACK_BENCH_QUICK=1 (about a minute), BENCH_DATABASE_URL (an existing server
 * instead of a throwaway one), BENCH_PG_FSYNC=off, BENCH_PG_OPTIONS / BENCH_PG_LOG_DIR (e.g. time
 * every statement), BENCH_CLOUD_PROFILE=1 (CPU profiles of the servers in
 * bench-results/cloud-profile/), BENCH_CLOUD_ONLY=push,lookups (some phases only),
 * RATEBACK_BENCH_CLOUD_BROWSER=0 (no Chromium).
 */
const ROOT = repoRoot();
const started = Date.now();
const log = (message: string) =>
  process.stderr.write(`[cloud-bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s, load ${loadavg()[0]?.toFixed(1)}] ${message}\n`);

const PHASES: Record<Phase, (ctx: BenchContext) => Promise<PhaseResult>> = {
  push: pushPhase,
  propagation: propagationPhase,
  lookups: lookupsPhase,
  pull: pullPhase,
  browser: browserPullPhase,
};

/**
 * The script the children run (and the built renderer the browser pull serves): a copy of the
 * bundle when running from out/main/, so a rebuild of out/ by anyone else during the run cannot
 * change the processes or the page under the benchmark.
 */
function snapshotBuild(): { script: string; rendererDir: string | null; cleanUp: () => void } {
  const self = process.argv[1] ?? '';
  if (!self.endsWith('.js')) {
    // From the sources (tsx, while developing): the page only if out/ has it.
    return { script: self, rendererDir: join(ROOT, 'out', 'renderer'), cleanUp: () => {} };
  }
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  const copy = mkdtempSync(join(ROOT, 'bench-results', '.cloud-build-'));
  cpSync(dirname(self), join(copy, 'main'), { recursive: true });
  const renderer = join(dirname(self), '..', 'renderer');
  if (existsSync(renderer)) cpSync(renderer, join(copy, 'renderer'), { recursive: true });
  return { script: join(copy, 'main', basename(self)), rendererDir: join(copy, 'renderer'), cleanUp: () => rmSync(copy, { recursive: true, force: true }) };
}

function tableCounts(book: readonly Change[]): string {
  const counts = new Map<string, number>();
  for (const change of book) counts.set(change.table, (counts.get(change.table) ?? 0) + 1);
  return [...counts].map(([table, n]) => `${n.toLocaleString('en')} ${table}`).join(', ');
}

/** The book every phase after it reads, uploaded by one device as a PC's first sync sends it. */
async function uploadBook(config: CloudBenchConfig, cloudUrl: string, owner: SeededMember): Promise<{ book: Change[]; result: PhaseResult }> {
  const book = demoBookChanges(config.book.seed, config.book.records);
  log(`first sync of a ${book.length.toLocaleString('en')}-record book: pushes of ${config.book.changesPerPush} changes in mutations of 2000`);
  const api = cloudClient(cloudUrl, owner.token);
  const outbox = new DeviceOutbox();
  const start = performance.now();
  for (let i = 0; i < book.length; i += config.book.changesPerPush) {
    await api.sync.push.mutate({ deviceId: outbox.deviceId, mutations: outbox.mutations(book.slice(i, i + config.book.changesPerPush), 2000) });
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    book,
    result: {
      figures: [figure('cloud.push.first-sync', book.length / seconds, 'changes/s')],
      notes: [`cloud.push.first-sync: one device uploads the whole ${book.length.toLocaleString('en')}-record demo book (${tableCounts(book)}) in ${seconds.toFixed(1)} s, once; the book the later phases read`],
    },
  };
}

/** VACUUM ANALYZE and a CHECKPOINT; the CHECKPOINT needs a superuser and is skipped otherwise. */
async function settleDatabase(url: string): Promise<void> {
  const start = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
    await client.query('CHECKPOINT').catch(() => {});
  } finally {
    await client.end();
  }
  log(`database settled (VACUUM ANALYZE, CHECKPOINT) in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

export async function runCloudBench(args: string[]): Promise<number> {
  const config = readConfig();
  const appendAt = args.indexOf('--append-to');
  const appendTo = appendAt === -1 ? null : (args[appendAt + 1] ?? null);
  const profileDir = join(ROOT, 'bench-results', 'cloud-profile');
  const serverFlags = process.env['BENCH_CLOUD_PROFILE'] === '1' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const deadlineMs = (config.quick ? 5 : 25) * 60_000;

  let pgServer: BenchPostgres | null = null;
  let database: Database | null = null;
  const children: Child<unknown>[] = [];
  const { script, rendererDir, cleanUp: removeBuild } = snapshotBuild();
  const cleanUp = async () => {
    for (const child of children.splice(0).reverse()) await child.stop().catch(() => {});
    await database?.close().catch(() => {});
    await pgServer?.stop().catch(() => {});
    removeBuild();
  };
  const watchdog = setTimeout(() => {
    log(`FAILED: the run took longer than ${deadlineMs / 60_000} minutes`);
    void cleanUp().finally(() => process.exit(1));
  }, deadlineMs);
  // Ctrl-C must not leave a throwaway PostgreSQL running.
  const interrupted = () => {
    log('interrupted: stopping the processes and PostgreSQL');
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const start: BenchContext['startChild'] = async (role, opts = {}) => {
    const flags = role === 'load' ? [] : serverFlags;
    const child = await startChild<never>(script, role, { ...opts, nodeFlags: [...(opts.nodeFlags ?? []), ...flags] });
    children.push(child);
    return child;
  };

  try {
    const server = await openBenchPostgres(process.env, log);
    pgServer = server;
    log(server.describe);
    database = await openDatabase({ kind: 'postgres', url: pgServer.url, poolSize: 4 });
    await migrate(database, readMigrations(join(ROOT, 'cloud', 'db', 'migrations')));
    const cloud = await start<CloudReady>('cloud-server', { env: { DATABASE_URL: pgServer.url } });
    log(`cloud process at ${cloud.ready.url}${serverFlags.length > 0 ? `; CPU profiles to ${profileDir}` : ''}`);

    const owner = await seedMember(database);
    const upload = await uploadBook(config, cloud.ready.url, owner);
    const phones = upload.book.flatMap((c) => (c.table === 'customers' && c.op === 'put' && Array.isArray(c.set['phones']) ? (c.set['phones'] as string[]).slice(0, 1) : []));
    const ctx: BenchContext = {
      root: ROOT,
      config,
      log,
      cloud,
      cloudUrl: cloud.ready.url,
      cpu: async () => ({ cloud: await childCpuMs(cloud), postgres: server.cpuMs(), bench: selfCpuMs() }),
      database,
      databaseUrl: pgServer.url,
      owner,
      book: upload.book,
      phones: [...new Set(phones)],
      rendererDir,
      startChild: start,
      settle: () => settleDatabase(server.url),
    };

    const results: PhaseResult[] = [upload.result];
    for (const phase of Object.keys(PHASES) as Phase[]) {
      if (config.phases.has(phase)) results.push(await PHASES[phase](ctx));
    }
    const figures: Figure[] = results.flatMap((r) => r.figures);
    const notes = [
      `${pgServer.describe}; PostgreSQL, the cloud process, the bare server, the load generator and this process all share the machine's ${availableParallelism()} cores${config.quick ? '; QUICK run: few repeats, a tenth of the book' : ''}`,
      ...results.flatMap((r) => r.notes),
    ];
    writeFigures(figures, join(ROOT, 'bench-results', 'cloud.jsonl'), appendTo);
    printSummary(figures, notes);
    process.stderr.write(`\nREADME rows (the cloud's part of the table between <!-- bench:start --> and <!-- bench:end -->):\n${readmeRows(figures, upload.book.length)}\n`);
    log('done');
    return 0;
  } catch (error) {
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    clearTimeout(watchdog);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await cleanUp();
  }
}
