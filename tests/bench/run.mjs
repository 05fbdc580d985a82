// `npm run bench`: the counter's performance figures on a 100,000-customer book, measured in
// Debian's Chromium against the built app (web mode). Figures, not pass/fail: it prints one
// JSON object per line on stdout (also written to bench-results/latest.jsonl) and a summary
// table against the targets on stderr, and fails only when something could not be measured.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bench, heapMiB, openBenchPage, openBrowser, startCpuProfile, startMainThreadMetrics } from './browser.mjs';
import { importFigures, lookupFigures, paintFigures } from './figures.mjs';
import { snapshotBuild, startWebHost } from './host.mjs';
import { measurePaintInPage } from './paint-probe.mjs';
import { measureLookups } from './lookups.mjs';
import { figure, printSummary, writeFigures } from './report.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const RESULTS = join(ROOT, 'bench-results', 'latest.jsonl');
const KINDS = ['name-prefix', 'phone-digits', 'email'];

// RATEBACK_BENCH_QUICK=1 runs a tenth of the book, to check the harness itself in a minute.
const QUICK = process.env['RATEBACK_BENCH_QUICK'] === '1';
// RATEBACK_BENCH_PROFILE=1 also writes a CPU profile of the paint phase (open it in DevTools).
const PROFILE = process.env['RATEBACK_BENCH_PROFILE'] === '1';
const CONFIG = {
  book: { seed: 20_261_123, customers: QUICK ? 10_000 : 100_000, invoicesPerCustomer: 3, chunkCustomers: 10_000 },
  // Like-for-like import comparison, app path vs bare bulkPut, on a separate smaller book.
  compare: { seed: 7, customers: QUICK ? 2_000 : 10_000, invoicesPerCustomer: 3, rounds: 2 },
  // CSV import of invoice rows (issue target: ≥ 0.7× a bare bulkPut of the same rows, parsing included).
  csv: { rows: QUICK ? 10_000 : 100_000 },
  lookups: { warmup: 50, measured: QUICK ? 100 : 500 },
  paint: { warmup: 10, perKind: QUICK ? 20 : 67, settleMs: 30, timeoutMs: 10_000 },
  deadlineMs: 30 * 60_000,
};

const started = Date.now();
// The load average goes beside every step: on a shared 2-core machine it explains most outliers.
const log = (message) =>
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s, load ${loadavg()[0].toFixed(1)}] ${message}\n`);

const dataDir = mkdtempSync(join(tmpdir(), 'rateback-bench-data-'));
const profileDir = mkdtempSync(join(tmpdir(), 'rateback-bench-profile-'));
let buildDir = null;
let host = null;
let browser = null;

async function cleanUp() {
  await browser?.context.close().catch(() => {});
  await host?.stop().catch(() => {});
  for (const dir of [dataDir, profileDir, buildDir]) if (dir) rmSync(dir, { recursive: true, force: true });
}

const watchdog = setTimeout(() => {
  log(`FAILED: the run took longer than ${CONFIG.deadlineMs / 60_000} minutes`);
  cleanUp().finally(() => process.exit(1));
}, CONFIG.deadlineMs);

/** Paint queries per kind: the measured ones plus a share of the warm-up. */
const PAINT_PER_KIND = CONFIG.paint.perKind + Math.ceil(CONFIG.paint.warmup / KINDS.length);

/** Splits each kind's sampled queries into lookup, paint and first-open sets (no query reused). */
function splitQueries(sampled) {
  const lookupCount = CONFIG.lookups.warmup + CONFIG.lookups.measured;
  const lookups = Object.fromEntries(KINDS.map((kind) => [kind, sampled[kind].slice(0, lookupCount)]));
  // Round-robin over the kinds, so the warm-up and every stretch of the run see all three.
  const paint = [];
  for (let i = 0; i < PAINT_PER_KIND; i++) for (const kind of KINDS) paint.push({ kind, text: sampled[kind][lookupCount + i] });
  return { lookups, paint, firstOpen: sampled['phone-digits'][lookupCount + PAINT_PER_KIND] };
}

async function main() {
  buildDir = snapshotBuild();
  host = await startWebHost(buildDir, dataDir);
  log(`web host at ${host.url}; profile ${profileDir}`);
  browser = await openBrowser(profileDir);
  await openBenchPage(browser.page, host.url);
  const figures = [];
  const notes = [];
  const today = new Date().toISOString().slice(0, 10);

  log(`import, like for like: ${CONFIG.compare.customers} customers (+ their invoices), app path vs bare bulkPut vs bare chunked`);
  const compare = await bench(browser.page, 'compareImport', { ...CONFIG.compare, today });

  log(`CSV import: ${CONFIG.csv.rows} invoice rows through the app's CSV import vs a bare bulkPut of the rows it stored`);
  const csv = await bench(browser.page, 'benchCsvImport', CONFIG.csv.rows);
  figures.push(figure('import.csv-invoices', (csv.rows / csv.appMs) * 1000, 'rows/s', (csv.rows / csv.bareMs) * 1000));
  notes.push(
    `import.csv-invoices: ${csv.rows} CSV rows → ${csv.invoices} invoices and ${csv.customers} new customers, parse + plan + apply in ${(csv.appMs / 1000).toFixed(1)} s with ${csv.progressUpdates} progress updates; floor = bulkPut of the same stored rows into an empty book, ${(csv.bareMs / 1000).toFixed(1)} s`,
  );

  log(`seeding the app's book: ${CONFIG.book.customers} customers, ${CONFIG.book.invoicesPerCustomer} invoices each on average`);
  const seed = await bench(browser.page, 'seed', { ...CONFIG.book, today });
  figures.push(...importFigures(compare, seed));
  notes.push(
    `import.*: ${compare.customers} customers / ${compare.invoices} invoices into an empty scratch book, median of ${CONFIG.compare.rounds} runs per path (order reversed every other round); floor = one Dexie bulkPut of rows prepared beforehand; bare-chunked = the same rows in the app's chunks; prepare-only = zod parse + index keys, no database`,
    `seed.*: the app's book, ${seed.customers} customers / ${seed.invoices} invoices / ${seed.ratings} ratings / ${seed.statusChanges} status changes through the import path in chunks of ${CONFIG.book.chunkCustomers} customers; generation ${(seed.generateMs / 1000).toFixed(1)} s (untimed)`,
  );

  figures.push(figure('heap.after-seed', await heapMiB(browser.page), 'MB'));
  log('heap measured; sampling queries');

  const perKind = CONFIG.lookups.warmup + CONFIG.lookups.measured + PAINT_PER_KIND + 1;
  const queries = splitQueries(await bench(browser.page, 'sampleQueries', { perKind, seed: 42 }));

  log('building the FlexSearch peer over the whole book, in a page of its own');
  const peerPage = await browser.context.newPage();
  await openBenchPage(peerPage, host.url);
  const heapBefore = await heapMiB(peerPage);
  const peer = await bench(peerPage, 'buildPeer');
  const peerHeap = (await heapMiB(peerPage)) - heapBefore;
  figures.push(figure('flexsearch.build', (peer.readMs + peer.indexMs) / 1000, 's'), figure('flexsearch.heap', peerHeap, 'MB'));
  notes.push(
    `flexsearch.build: ${peer.documents} customers, ${(peer.readMs / 1000).toFixed(1)} s reading them from IndexedDB + ${(peer.indexMs / 1000).toFixed(1)} s indexing; the app's page heap meanwhile ${(await heapMiB(browser.page)).toFixed(1)} MB (separate heaps)`,
  );

  log(`lookups: ${CONFIG.lookups.measured} queries per kind (after ${CONFIG.lookups.warmup} warm-up), app / floor / peer interleaved`);
  const lookups = await measureLookups({ appPage: browser.page, peerPage, queries: queries.lookups, kinds: KINDS, warmup: CONFIG.lookups.warmup, log });
  figures.push(...lookupFigures(lookups, KINDS));
  for (const kind of KINDS) {
    const h = lookups[kind].hits;
    notes.push(`lookup.${kind}: average results app ${h.app.toFixed(1)}, floor ${h.floor.toFixed(1)}, peer ${h.peer.toFixed(1)}`);
  }
  await peerPage.close();
  await bench(browser.page, 'closeLookups');

  log(`keystroke to painted results in the real counter screen: ${queries.paint.length} queries`);
  await browser.page.goto(`${host.url}/#/counter`);
  await browser.page.locator('#counter-query').waitFor({ timeout: 60_000 });
  const profile = PROFILE ? await startCpuProfile(browser.page) : null;
  const metrics = await startMainThreadMetrics(browser.page);
  const painted = await browser.page.evaluate(measurePaintInPage, { queries: queries.paint, settleMs: CONFIG.paint.settleMs, timeoutMs: CONFIG.paint.timeoutMs });
  const mainThread = await metrics.stop();
  if (profile) await profile.stop(join(ROOT, 'bench-results', 'paint.cpuprofile'));
  figures.push(...paintFigures(painted.samples.slice(CONFIG.paint.warmup), KINDS, mainThread, painted.samples.length));
  figures.push(figure('heap.app-counter', await heapMiB(browser.page), 'MB'));
  notes.push(
    `paint.*: ${painted.samples.length - CONFIG.paint.warmup} queries (after ${CONFIG.paint.warmup} warm-up); commit = until #counter-results[data-query] matched, before the frame; one frame = ${painted.frameMs.toFixed(1)} ms here; main-thread.* = Chromium's counters per typed query, its clear included`,
  );

  log('restarting the browser on the same profile');
  await browser.context.close();
  browser = await openBrowser(profileDir);
  await openBenchPage(browser.page, host.url);
  const first = await bench(browser.page, 'firstOpen', queries.firstOpen);
  figures.push(
    figure('open.first-after-restart', first.openMs + first.firstSearchMs, 'ms'),
    figure('open.first-after-restart.open', first.openMs, 'ms'),
    figure('open.first-after-restart.first-search', first.firstSearchMs, 'ms'),
  );
  notes.push(`open.first-after-restart: new BookDb().open() ${first.openMs.toFixed(0)} ms + first searchCounter("${queries.firstOpen}") ${first.firstSearchMs.toFixed(0)} ms, ${first.hits} results`);

  writeFigures(figures, RESULTS);
  printSummary(figures, KINDS, notes);
  log(`done; figures in ${RESULTS}`);
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  clearTimeout(watchdog);
  await cleanUp();
}
process.exit(failed ? 1 : 0);
