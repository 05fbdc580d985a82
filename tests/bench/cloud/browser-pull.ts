import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchContext, PhaseResult } from './phase';
import { figure } from './report';
import { median } from './stats';

/**
 * A fresh device's first sync into the renderer's real book, in Debian's Chromium: the page
 * cloud-bench.html (renderer/src/bench/cloud/main.ts) runs the real sync engine into IndexedDB
 * (an on-disk profile, via tests/bench/browser.mjs's persistent context). This process serves
 * the built page and forwards /trpc/* to the cloud process with the member's token, so the page
 * never holds one (as in the app, where main holds it); that forwarding is one local hop, like
 * the app's renderer → main → cloud.
 */
export interface BrowserPullResult {
  totalMs: number;
  pullCallsMs: number;
  pages: number;
  records: number;
  phase: string;
  error: string | null;
  rows: Record<string, number>;
}

/** What this file uses of tests/bench/browser.mjs and Playwright's page (it is plain JS). */
interface PageLike {
  goto(url: string): Promise<{ ok(): boolean; status(): number } | null>;
  waitForFunction(fn: () => boolean, arg?: unknown, options?: { timeout: number }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => Promise<R>, arg: A): Promise<R>;
}
interface BrowserHarness {
  openBrowser(profileDir: string): Promise<{ context: { close(): Promise<void> }; page: PageLike }>;
}

const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Why the browser pull cannot run here, or null when it can. */
function browserPullUnavailable(rendererDir: string | null): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install -y chromium)`;
  if (!rendererDir || !existsSync(join(rendererDir, 'cloud-bench.html'))) return 'the renderer was not built with RATEBACK_BENCH=1 (cloud-bench.html is missing)';
  return null;
}

function serve(rendererDir: string, cloudUrl: string, token: string): Promise<{ url: string; close(): Promise<void> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const cloud = new URL(cloudUrl);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/trpc/')) {
      const headers = { ...req.headers, host: cloud.host, authorization: `Bearer ${token}` };
      const upstream = request({ host: cloud.hostname, port: cloud.port, method: req.method, path: req.url, headers, agent }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.headersSent ? res.destroy() : res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    const file = normalize(join(rendererDir, decodeURIComponent(path)));
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: async () => {
          server.closeAllConnections();
          agent.destroy();
          await new Promise<void>((done) => server.close(() => done()));
        },
      }),
    ),
  );
}

async function pullIntoBrowser(
  opts: { root: string; rendererDir: string; cloudUrl: string; token: string; businessId: string; pageSize: number; rounds: number },
  log: (line: string) => void,
): Promise<BrowserPullResult[]> {
  const harness = (await import(pathToFileURL(join(opts.root, 'tests', 'bench', 'browser.mjs')).href)) as BrowserHarness;
  const host = await serve(opts.rendererDir, opts.cloudUrl, opts.token);
  const profileDir = mkdtempSync(join(tmpdir(), 'rateback-bench-cloud-profile-'));
  const results: BrowserPullResult[] = [];
  try {
    for (let r = 0; r < opts.rounds; r++) {
      // A fresh browser each round, on the same on-disk profile; a new book name is a fresh device.
      const browser = await harness.openBrowser(profileDir);
      try {
        const response = await browser.page.goto(`${host.url}/cloud-bench.html`);
        if (!response?.ok()) throw new Error(`cloud-bench.html answered ${response?.status()}`);
        await browser.page.waitForFunction(() => typeof (globalThis as { rbCloudBench?: unknown }).rbCloudBench === 'object', undefined, { timeout: 30_000 });
        const result = await browser.page.evaluate(
          (args: { businessId: string; pageSize: number; bookName: string }) =>
            (globalThis as unknown as { rbCloudBench: { pullIntoBook(a: typeof args): Promise<BrowserPullResult> } }).rbCloudBench.pullIntoBook(args),
          { businessId: opts.businessId, pageSize: opts.pageSize, bookName: `rateback-bench-device-${r}` },
        );
        if (result.phase !== 'idle') throw new Error(`the page's sync ended ${result.phase}: ${result.error ?? ''}`);
        results.push(result);
        log(`browser pull ${r + 1}/${opts.rounds}: ${(result.totalMs / 1000).toFixed(1)} s for ${result.records} records (${(result.pullCallsMs / 1000).toFixed(1)} s in pull calls), rows ${JSON.stringify(result.rows)}`);
      } finally {
        await browser.context.close();
      }
    }
  } finally {
    await host.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
  return results;
}

export async function browserPullPhase(ctx: BenchContext): Promise<PhaseResult> {
  const config = ctx.config.browserPull;
  const unavailable = config.enabled ? browserPullUnavailable(ctx.rendererDir) : 'RATEBACK_BENCH_CLOUD_BROWSER=0';
  if (unavailable || !ctx.rendererDir) {
    ctx.log(`browser pull skipped: ${unavailable}`);
    return { figures: [], notes: [`cloud.pull.indexeddb: not measured (${unavailable})`] };
  }
  ctx.log(`browser pull: a fresh device's sync engine downloads the book into IndexedDB in Chromium, pages of ${config.pageSize}`);
  const runs = await pullIntoBrowser(
    { root: ctx.root, rendererDir: ctx.rendererDir, cloudUrl: ctx.cloudUrl, token: ctx.owner.token, businessId: ctx.owner.businessId, pageSize: config.pageSize, rounds: config.rounds },
    ctx.log,
  );
  const stored = runs[0]?.rows ?? {};
  const total = Object.values(stored).reduce((n, v) => n + v, 0);
  if (total !== ctx.book.length) throw new Error(`browser pull: the book holds ${total} rows, not ${ctx.book.length}: ${JSON.stringify(stored)}`);
  return {
    figures: [
      figure('cloud.pull.indexeddb', median(runs.map((r) => r.totalMs / 1000)), 's'),
      figure('cloud.pull.indexeddb.in-pull-calls', median(runs.map((r) => r.pullCallsMs / 1000)), 's'),
    ],
    notes: [
      `cloud.pull.indexeddb: seconds for the renderer's sync engine (createSyncEngine → syncNow) in Debian's Chromium to take a fresh book (on-disk profile) from empty to all ${ctx.book.length.toLocaleString('en')} records (${JSON.stringify(stored)}), pages of ${config.pageSize}, median of ${runs.length}; in-pull-calls = time inside the transport's pull calls (the cloud, the network, JSON parsing); the rest is the engine writing pages to IndexedDB`,
    ],
  };
}
