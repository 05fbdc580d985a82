// The watch's share of `npm run bench`: one evaluation of 1,000,000 open invoices in the
// main-process watch (plain Node), beside a bare loop over the same numbers as the floor.
// Runs main/services/watch/bench-evaluate-run.mjs, turns its result into the bench's
// {"name","value","unit","floor","peer"} lines, prints them and appends them to
// bench-results/latest.jsonl after the counter's figures.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { figure } from './report.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const RESULTS = join(ROOT, 'bench-results', 'latest.jsonl');
const N = 1_000_000;

const out = execFileSync(process.execPath, [join(ROOT, 'main/services/watch/bench-evaluate-run.mjs'), String(N)], {
  cwd: ROOT,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const line = out.trim().split('\n').find((l) => l.startsWith('{'));
if (!line) throw new Error('the watch benchmark printed no result');
const r = JSON.parse(line);

const figures = [
  figure('watch.evaluate.1M-open-invoices', r.evaluate.medianMs, 'ms', r.floor.medianMs),
  figure('watch.evaluate.next-day', r.nextDay.medianMs, 'ms', r.floor.medianMs),
  figure('watch.first-sight', r.firstSight.ms, 'ms'),
];
const text = figures.map((f) => JSON.stringify(f)).join('\n') + '\n';
process.stdout.write(text);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
appendFileSync(RESULTS, text);
process.stderr.write(`watch: one evaluation of ${N.toLocaleString('en')} open invoices ${r.evaluate.medianMs} ms (target ≤ 200 ms: ${r.evaluate.medianMs <= 200 ? 'met' : 'NOT met'})\n`);
