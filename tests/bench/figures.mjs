import { figure, median, percentile } from './report.mjs';

/** Turns the page's raw results into the figures run.mjs prints (see report.mjs for the shape). */

const rate = (rows, ms) => (ms > 0 ? rows / (ms / 1000) : null);

export function importFigures(compare, seed) {
  const rows = { customers: compare.customers, invoices: compare.invoices };
  const speed = (path, table) => rate(rows[table], median(compare[path][`${table}Ms`]));
  const out = [];
  for (const table of ['customers', 'invoices']) {
    out.push(
      figure(`import.${table}`, speed('app', table), 'rows/s', speed('bare', table)),
      figure(`import.${table}.bare-chunked`, speed('bare-chunked', table), 'rows/s'),
      figure(`import.${table}.prepare-only`, speed('prepare', table), 'rows/s'),
    );
  }
  out.push(figure('seed.customers', rate(seed.customers, seed.customersMs), 'rows/s'), figure('seed.invoices', rate(seed.invoices, seed.invoicesMs), 'rows/s'));
  return out;
}

export function lookupFigures(lookups, kinds) {
  const out = [];
  for (const kind of kinds) {
    const s = lookups[kind];
    for (const p of [50, 95, 99]) {
      out.push(figure(`lookup.${kind}.p${p}`, percentile(s.app, p), 'ms', percentile(s.floor, p), percentile(s.peer, p)));
    }
    for (const [part, samples] of Object.entries(s.parts)) {
      if (samples.length === 0) continue;
      for (const p of [50, 95]) out.push(figure(`lookup.${kind}.part.${part}.p${p}`, percentile(samples, p), 'ms'));
    }
  }
  return out;
}

/**
 * mainThread: Chromium's own counters (seconds) over the whole paint phase, spread over its
 * `typed` queries (each followed by a clear): where the renderer's main thread spent the time.
 */
export function paintFigures(samples, kinds, mainThread, typed) {
  const paint = samples.map((s) => s.paintMs);
  const commit = samples.map((s) => s.commitMs);
  const out = [];
  for (const p of [50, 95, 99]) out.push(figure(`paint.p${p}`, percentile(paint, p), 'ms'));
  for (const p of [50, 95]) out.push(figure(`paint.commit.p${p}`, percentile(commit, p), 'ms'));
  for (const kind of kinds) {
    const mine = samples.filter((s) => s.kind === kind);
    out.push(figure(`paint.${kind}.p95`, percentile(mine.map((s) => s.paintMs), 95), 'ms'));
    out.push(figure(`paint.${kind}.commit.p95`, percentile(mine.map((s) => s.commitMs), 95), 'ms'));
  }
  const perQuery = (seconds) => (seconds * 1000) / typed;
  out.push(
    figure('paint.main-thread.script.per-query', perQuery(mainThread.ScriptDuration), 'ms'),
    figure('paint.main-thread.style.per-query', perQuery(mainThread.RecalcStyleDuration), 'ms'),
    figure('paint.main-thread.layout.per-query', perQuery(mainThread.LayoutDuration), 'ms'),
    figure('paint.main-thread.all-tasks.per-query', perQuery(mainThread.TaskDuration), 'ms'),
  );
  return out;
}
