// The watch's evaluation benchmark, without vitest: `node main/services/watch/bench-evaluate-run.mjs [n]`
// (default 1,000,000 open invoices; RATEBACK_WATCH_BENCH_N also works). Builds
// bench-evaluate.ts with Vite into out/bench-watch/ (Node cannot run TypeScript itself here),
// runs it in this process and prints one JSON line on stdout; a summary against the target
// (one evaluation of 1,000,000 invoices in 200 ms or less) goes to stderr. Exit code 1 only when
// it could not be measured.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');
const OUT = join(ROOT, 'out', 'bench-watch');
const TARGET_MS = 200;

const n = Number(process.argv[2] ?? process.env['RATEBACK_WATCH_BENCH_N'] ?? 1_000_000);
if (!Number.isInteger(n) || n < 10) {
  console.error('Usage: node main/services/watch/bench-evaluate-run.mjs [number of open invoices, at least 10]');
  process.exit(2);
}

try {
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@core': join(ROOT, 'core') } },
    build: {
      ssr: join(ROOT, 'main/services/watch/bench-evaluate.ts'),
      outDir: OUT,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'bench-evaluate.mjs' } },
    },
  });
  const { benchEvaluate } = await import(pathToFileURL(join(OUT, 'bench-evaluate.mjs')).href);
  const result = benchEvaluate(n);
  console.log(JSON.stringify({ bench: 'watch.evaluate', node: process.version, ...result }));
  const scaled = (result.evaluate.medianMs * 1_000_000) / n;
  process.stderr.write(
    [
      `watch evaluation, ${n.toLocaleString('en')} open invoices over ${result.customers.toLocaleString('en')} customers (median of ${result.runs}):`,
      `  evaluate (same day)   ${result.evaluate.medianMs} ms   (min ${result.evaluate.minMs}, max ${result.evaluate.maxMs})`,
      `  reminder loop alone   ${result.loopOnly.medianMs} ms`,
      `  evaluate (next day)   ${result.nextDay.medianMs} ms   ${result.nextDay.found.toLocaleString('en')} steps found`,
      `  floor (bare loop)     ${result.floor.medianMs} ms`,
      `  first sight           ${result.firstSight.ms} ms   ${result.firstSight.found.toLocaleString('en')} steps found`,
      `  target                ≤ ${TARGET_MS} ms per 1,000,000: ${scaled <= TARGET_MS ? 'met' : 'MISSED'} (${scaled.toFixed(1)} ms scaled)`,
      '',
    ].join('\n'),
  );
} catch (error) {
  console.error('watch evaluation benchmark failed:', error);
  process.exit(1);
}
