import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresCpuMs } from './cpu';

/**
 * The PostgreSQL the benchmark measures on: BENCH_DATABASE_URL when given (a fresh database is
 * created in that server and dropped afterwards), else a throwaway server started the way .ci/run
 * does (initdb + pg_ctl from Debian's /usr/lib/postgresql/N/bin, as the postgres user when root,
 * on 127.0.0.1, trust auth). Its durability is PostgreSQL's default (fsync on, synchronous
 * commit on) unless BENCH_PG_FSYNC=off, so every commit a push or a bare INSERT makes pays a
 * real flush; the setting actually in force is read back and reported.
 */
export interface BenchPostgres {
  /** The fresh database for this run. */
  url: string;
  /** What the report says about the server (version, fsync, where it came from). */
  describe: string;
  /** The server's CPU time so far in ms, when this benchmark started it (see cpu.ts); else null. */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

export async function openBenchPostgres(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<BenchPostgres> {
  const given = env['BENCH_DATABASE_URL'];
  const server = given
    ? { url: given, origin: 'BENCH_DATABASE_URL', dataDir: null, stop: async () => {} }
    : await startThrowawayServer({ fsyncOff: env['BENCH_PG_FSYNC'] === 'off', extraOptions: env['BENCH_PG_OPTIONS'] ?? '', keepLogIn: env['BENCH_PG_LOG_DIR'] ?? null }, log);
  try {
    const name = `rateback_bench_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(server.url, `CREATE DATABASE ${name}`);
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    const settings = await adminQuery(url.toString(), "SELECT split_part(version(), ' ', 2) AS v, current_setting('fsync') AS f, current_setting('synchronous_commit') AS s, current_setting('shared_buffers') AS b");
    const row = settings[0] ?? {};
    return {
      url: url.toString(),
      cpuMs: () => (server.dataDir ? postgresCpuMs(server.dataDir) : null),
      describe: `PostgreSQL ${String(row['v'])} (${server.origin}), fsync=${String(row['f'])}, synchronous_commit=${String(row['s'])}, shared_buffers=${String(row['b'])}`,
      async stop() {
        await adminQuery(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => []);
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function adminQuery(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** The newest /usr/lib/postgresql/N/bin that has initdb. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  if (!newest) throw new Error('No PostgreSQL under /usr/lib/postgresql (apt-get install -y postgresql), and BENCH_DATABASE_URL is not set');
  return join(root, newest, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface ServerOptions {
  fsyncOff: boolean;
  /** More `-c name=value` options (BENCH_PG_OPTIONS), e.g. `-c log_min_duration_statement=0` to time every statement. */
  extraOptions: string;
  /** Where to keep the server's log when it stops (BENCH_PG_LOG_DIR); by default it goes with the server. */
  keepLogIn: string | null;
}

async function startThrowawayServer(opts: ServerOptions, log: (line: string) => void): Promise<{ url: string; origin: string; dataDir: string; stop(): Promise<void> }> {
  const { fsyncOff } = opts;
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'rateback-bench-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: as root, run it as the postgres user (as .ci/run does).
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
  }
  const port = await freePort();
  const options = [`-c listen_addresses=127.0.0.1`, `-p ${port}`, `-k ${dir}`, ...(fsyncOff ? ['-c fsync=off'] : []), opts.extraOptions].join(' ').trim();
  const stop = async () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Not running (it failed to start): nothing to stop.
    }
    if (opts.keepLogIn && existsSync(join(dir, 'postgres.log'))) {
      mkdirSync(opts.keepLogIn, { recursive: true });
      copyFileSync(join(dir, 'postgres.log'), join(opts.keepLogIn, `postgres-${port}.log`));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '30', '-o', options, 'start']);
  } catch (error) {
    const logText = existsSync(join(dir, 'postgres.log')) ? readFileSync(join(dir, 'postgres.log'), 'utf8') : '';
    await stop();
    throw new Error(`The throwaway PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}\n${logText}`);
  }
  log(`throwaway PostgreSQL on 127.0.0.1:${port} (${bin}, data in ${data}${options.includes(' -c ') ? `, ${options.slice(options.indexOf(' -c ') + 1)}` : ''})`);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, origin: `throwaway, ${bin}`, dataDir: data, stop };
}
