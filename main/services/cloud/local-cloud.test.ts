import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud } from '../../../cloud/testing/harness';
import { testDatabaseKinds } from '../../../cloud/testing/test-database';
import { createLocalCloud, probeCloud, type LocalCloud } from './local-cloud';

/**
 * The local cloud launcher with real processes and ports. The child here is a tiny stand-in
 * script (the real out/main/cloud.js needs a build; `npm run cloud` is checked by hand), so
 * the tests stay fast while spawn, health checks, crashes and stop are real.
 */

let dir: string;
/** Answers /health like a cloud and reports the environment it was given. */
let fakeCloud: string;
/** Prints to stderr and exits 3 before listening. */
let brokenCloud: string;
/** Listens, then exits on its own after a moment. */
let dyingCloud: string;
/** Takes 20 s before it listens, like a first start on a slow disk. */
let slowCloud: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rateback-local-cloud-'));
  fakeCloud = join(dir, 'fake-cloud.mjs');
  await writeFile(
    fakeCloud,
    `import { createServer } from 'node:http';
const env = { dataDir: process.env.CLOUD_DATA_DIR, host: process.env.CLOUD_HOST, moderators: process.env.MODERATOR_EMAILS };
createServer((req, res) => res.end(JSON.stringify({ ok: req.url === '/health', env }))).listen(Number(process.env.CLOUD_PORT), '127.0.0.1');
console.log('fake cloud up');`,
  );
  brokenCloud = join(dir, 'broken-cloud.mjs');
  await writeFile(brokenCloud, `console.error("The cloud's environment is not valid: DATABASE_URL"); process.exit(3);`);
  dyingCloud = join(dir, 'dying-cloud.mjs');
  await writeFile(
    dyingCloud,
    `import { createServer } from 'node:http';
createServer((req, res) => res.end('{"ok":true}')).listen(Number(process.env.CLOUD_PORT), '127.0.0.1');
setTimeout(() => process.exit(1), 300);`,
  );
  slowCloud = join(dir, 'slow-cloud.mjs');
  await writeFile(
    slowCloud,
    `import { createServer } from 'node:http';
setTimeout(() => createServer((req, res) => res.end('{"ok":true}')).listen(Number(process.env.CLOUD_PORT), '127.0.0.1'), 20_000);`,
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function launcher(port: number, script: string, log: string[] = []): LocalCloud {
  return createLocalCloud({
    command: { execPath: process.execPath, script },
    port,
    cloudDataDir: join(dir, 'cloud-data'),
    env: { PATH: process.env['PATH'], MODERATOR_EMAILS: 'mod@example.test', CLOUD_HOST: '0.0.0.0' },
    log: (line) => log.push(line),
    startTimeoutMs: 10_000,
  });
}

describe('the local cloud', () => {
  it('uses a Rateback cloud already running on the port, and leaves it running', async () => {
    const running = await startTestCloud(testDatabaseKinds()[0]!);
    try {
      const port = Number(new URL(running.url).port);
      const log: string[] = [];
      const local = launcher(port, join(dir, 'never-run.mjs'), log);
      await local.ensure();
      expect(local.problem()).toBeNull();
      expect(log).toEqual([`Using the Rateback cloud already running at http://127.0.0.1:${port}.`]);
      await local.stop();
      expect(await probeCloud(local.url)).toBe('cloud');
    } finally {
      await running.close();
    }
  }, 60_000);

  it('says clearly when another program holds the port', async () => {
    const other: Server = createServer((_req, res) => res.writeHead(404).end('not a cloud'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const local = launcher((other.address() as AddressInfo).port, fakeCloud);
      await expect(local.ensure()).rejects.toThrow(/used by another program.*CLOUD_PORT.*RATEBACK_CLOUD_URL/s);
      expect(local.problem()).toMatch(/used by another program/);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('starts the cloud as a child on a free port, with its data dir and the environment, and stops it', async () => {
    const port = await freePort();
    const log: string[] = [];
    const local = launcher(port, fakeCloud, log);
    expect(await probeCloud(local.url)).toBe('free');
    await Promise.all([local.ensure(), local.ensure()]);
    const health = (await (await fetch(`${local.url}/health`)).json()) as { env: Record<string, string> };
    // Loopback only, whatever the parent's environment says.
    expect(health.env).toEqual({ dataDir: join(dir, 'cloud-data'), host: '127.0.0.1', moderators: 'mod@example.test' });
    expect(log).toContain('[cloud] fake cloud up');
    await local.stop();
    expect(await probeCloud(local.url)).toBe('free');
  });

  it('reports a cloud that exits at start with what it printed', async () => {
    const local = launcher(await freePort(), brokenCloud);
    await expect(local.ensure()).rejects.toThrow(/did not start:\nThe cloud's environment is not valid: DATABASE_URL/);
    expect(local.problem()).toMatch(/did not start/);
  });

  it('stops a cloud that is still starting without waiting for it', async () => {
    const local = launcher(await freePort(), slowCloud);
    const starting = local.ensure();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = Date.now();
    await local.stop();
    expect(Date.now() - before).toBeLessThan(5_000);
    await expect(starting).rejects.toThrow(/stopped while starting/);
    expect(local.problem()).toBeNull();
  });

  it('notices a cloud that stopped, and starts it again on the next call', async () => {
    const port = await freePort();
    const local = launcher(port, dyingCloud);
    await local.ensure();
    await expect.poll(() => local.problem(), { timeout: 5_000 }).toMatch(/stopped \(exit code 1\)/);
    await local.ensure();
    expect(local.problem()).toBeNull();
    await local.stop();
  });
});
