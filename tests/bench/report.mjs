import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Nearest-rank percentile of raw samples (p in 0–100). */
export function percentile(samples, p) {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(samples) {
  return percentile(samples, 50);
}

const round = (value, digits) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));
const DIGITS = { ms: 3, 'rows/s': 0, MB: 1, s: 2 };

/** One figure: {"name", "value", "unit", "floor", "peer"} (floor / peer null where none). */
export function figure(name, value, unit, floor = null, peer = null) {
  const d = DIGITS[unit] ?? 3;
  return { name, value: round(value, d), unit, floor: round(floor, d), peer: round(peer, d) };
}

/** Prints each figure as one JSON line on stdout and writes the same lines to `file`. */
export function writeFigures(figures, file) {
  const text = figures.map((f) => JSON.stringify(f)).join('\n') + '\n';
  process.stdout.write(text);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * The targets, checked against the figures. Each is [name, target text, check(figure)]; a
 * check returns true/false, or null when the figure is missing.
 */
export function targetRows(figures, kinds) {
  const byName = new Map(figures.map((f) => [f.name, f]));
  const rows = [];
  const add = (name, target, check) => {
    const f = byName.get(name);
    rows.push({ f, name, target, met: f ? check(f) : null });
  };
  for (const kind of kinds) {
    add(`lookup.${kind}.p95`, '≤ 2 ms and ≤ 2× floor', (f) => f.value <= 2 && f.floor !== null && f.value <= 2 * f.floor);
  }
  add('paint.p95', '≤ 16 ms', (f) => f.value <= 16);
  add('import.customers', '≥ 0.8× bare bulkPut', (f) => f.floor !== null && f.value >= 0.8 * f.floor);
  add('import.invoices', '≥ 0.8× bare bulkPut', (f) => f.floor !== null && f.value >= 0.8 * f.floor);
  add('import.csv-invoices', '≥ 0.7× bare bulkPut', (f) => f.floor !== null && f.value >= 0.7 * f.floor);
  add('heap.after-seed', '≤ 150 MB', (f) => f.value <= 150);
  return rows;
}

/** A short table for a person, on stderr: the targets first, then the other figures. */
export function printSummary(figures, kinds, notes) {
  const cell = (v) => (v === null || v === undefined ? '—' : String(v));
  const rows = targetRows(figures, kinds);
  const targeted = new Set(rows.map((r) => r.name));
  const lines = [['figure', 'value', 'unit', 'floor', 'peer', 'target', 'met']];
  for (const r of rows) {
    lines.push([r.name, cell(r.f?.value), cell(r.f?.unit), cell(r.f?.floor), cell(r.f?.peer), r.target, r.met === null ? '?' : r.met ? 'yes' : 'NO']);
  }
  for (const f of figures) {
    if (!targeted.has(f.name) && !f.name.includes('.part.')) lines.push([f.name, cell(f.value), f.unit, cell(f.floor), cell(f.peer), '', '']);
  }
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const text = lines.map((l) => l.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
  process.stderr.write(`\n${text}\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
}
