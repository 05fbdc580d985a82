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
  await page.goto(`${baseUrl}/bench.html`);
  await page.waitForFunction(() => typeof globalThis.rbBench === 'object', undefined, { timeout: 30_000 });
}

/** Calls window.rbBench[name](arg) in the page and returns its (JSON) result. */
export function bench(page, name, arg) {
  return page.evaluate(([fn, value]) => globalThis.rbBench[fn](value), [name, arg]);
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
