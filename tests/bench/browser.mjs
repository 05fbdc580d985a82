import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from '@playwright/test';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Debian's Chromium on an on-disk profile: a persistent context, because a plain Playwright
 * context keeps IndexedDB in memory and would flatter every figure.
 */
export async function openBrowser(profileDir) {
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, args: ARGS, headless: true });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('[bench]')) process.stderr.write(`${text}\n`);
    // Chromium asks every page for /favicon.ico, which the app does not have.
    else if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) process.stderr.write(`[page error] ${text}\n`);
  });
  page.on('pageerror', (error) => process.stderr.write(`[page exception] ${error.message}\n`));
  return { context, page };
}

/** Opens bench.html and waits for window.rbBench. */
export async function openBenchPage(page, baseUrl) {
  const response = await page.goto(`${baseUrl}/bench.html`);
  if (!response?.ok()) {
    throw new Error(`${baseUrl}/bench.html answered ${response?.status()}: out/ was built without RATEBACK_BENCH=1 (run \`npm run bench\`, which builds it)`);
  }
  await page.waitForFunction(() => typeof globalThis.rbBench === 'object', undefined, { timeout: 30_000 });
}

/** Calls window.rbBench[name](...args) in the page and returns its (JSON) result. */
export function bench(page, name, ...args) {
  return page.evaluate(([fn, values]) => globalThis.rbBench[fn](...values), [name, args]);
}

/** The page's JS heap after a full garbage collection, in MiB (Chromium's DevTools protocol). */
export async function heapMiB(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

/** Starts the V8 CPU profiler in the page; `stop(file)` writes a .cpuprofile DevTools opens. */
export async function startCpuProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      await cdp.detach();
    },
  };
}

/** Chromium's main-thread counters (ScriptDuration, LayoutDuration, … in seconds) from now until `stop()`. */
export async function startMainThreadMetrics(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await read();
  return {
    async stop() {
      const after = await read();
      await cdp.detach();
      return Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - (before[name] ?? 0)]));
    },
  };
}
