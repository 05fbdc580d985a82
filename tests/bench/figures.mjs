import { figure, median, percentile } from './report.mjs';

/** Turns the page's raw results into the figures run.mjs prints (see report.mjs for the shape). */

const rate = (rows, ms) => (ms > 0 ? rows / (ms / 1000) : null);

export function importFigures(compare, seed) {
  const app = (key, rows) => rate(rows, median(compare.app[key]));
  const bare = (key, rows) => rate(rows, median(compare.bare[key]));
  return [
    figure('import.customers', app('customersMs', compare.customers), 'rows/s', bare('customersMs', compare.customers)),
    figure('import.invoices', app('invoicesMs', compare.invoices), 'rows/s', bare('invoicesMs', compare.invoices)),
    figure('seed.customers', rate(seed.customers, seed.customersMs), 'rows/s'),
    figure('seed.invoices', rate(seed.invoices, seed.invoicesMs), 'rows/s'),
  ];
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

export function paintFigures(samples, kinds) {
  const paint = samples.map((s) => s.paintMs);
  const commit = samples.map((s) => s.commitMs);
  const out = [];
  for (const p of [50, 95, 99]) out.push(figure(`paint.p${p}`, percentile(paint, p), 'ms'));
  for (const p of [50, 95]) out.push(figure(`paint.commit.p${p}`, percentile(commit, p), 'ms'));
  for (const p of [50, 95]) out.push(figure(`paint.frames.p${p}`, percentile(samples.map((s) => s.frames), p), 'frames'));
  for (const kind of kinds) {
    const mine = samples.filter((s) => s.kind === kind);
    out.push(figure(`paint.${kind}.p95`, percentile(mine.map((s) => s.paintMs), 95), 'ms'));
    out.push(figure(`paint.${kind}.commit.p95`, percentile(mine.map((s) => s.commitMs), 95), 'ms'));
  }
  return out;
}
