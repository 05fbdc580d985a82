import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The cloud's figures, in the benchmark's one line shape ({"name","value","unit","floor","peer"},
 * as tests/bench/report.mjs writes them), its targets, a table for a person, and the rows for the
 * README's benchmark table.
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  floor: number | null;
  peer: number | null;
}

const DIGITS: Record<string, number> = { ms: 1, s: 2, 'changes/s': 0, 'req/s': 0, 'records/s': 0, 'µs/change': 1, 'µs/request': 1, 'µs/record': 1, '×': 2 };

export function figure(name: string, value: number, unit: string, floor: number | null = null, peer: number | null = null): Figure {
  const round = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Number(v.toFixed(DIGITS[unit] ?? 3)));
  return { name, value: round(value) ?? Number.NaN, unit, floor: round(floor), peer: round(peer) };
}

export interface Target {
  name: string;
  text: string;
  met: boolean | null;
}

/** The brief's targets, checked against the figures (null: the figure is missing). */
export function targets(figures: readonly Figure[]): Target[] {
  const byName = new Map(figures.map((f) => [f.name, f]));
  const ratio = (name: string, min: number): Target => {
    const f = byName.get(name);
    return { name, text: `≥ ${min}× floor`, met: f && f.floor ? f.value >= min * f.floor : null };
  };
  const at = (name: string, max: number, unit: string): Target => {
    const f = byName.get(name);
    return { name, text: `≤ ${max} ${unit}`, met: f ? f.value <= max : null };
  };
  /** Ratios are judged on the paired figure (median of per-round ratios) when there is one. */
  const pairedRatio = (name: string, min: number): Target => {
    const paired = byName.get(`${name}.paired-ratio`);
    if (!paired) return ratio(name, min);
    return { name, text: `≥ ${min}× floor (paired)`, met: paired.value >= min };
  };
  return [
    pairedRatio('cloud.push.1-device', 0.4),
    pairedRatio('cloud.push.4-devices', 0.4),
    at('cloud.propagation.p95', 500, 'ms'),
    pairedRatio('cloud.lookup.32-connections', 0.7),
  ];
}

export function writeFigures(figures: readonly Figure[], file: string, appendTo: string | null): void {
  const text = figures.map((f) => JSON.stringify(f)).join('\n') + '\n';
  process.stdout.write(text);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  if (appendTo) appendFileSync(appendTo, text);
}

/** The table on stderr: the targets first, then every other figure, then the notes. */
export function printSummary(figures: readonly Figure[], notes: readonly string[]): void {
  const cell = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '—' : String(v));
  const rows = targets(figures);
  const targeted = new Set(rows.map((r) => r.name));
  const byName = new Map(figures.map((f) => [f.name, f]));
  const ratio = (f: Figure | undefined) => (f && f.floor ? `${(f.value / f.floor).toFixed(2)}×` : '—');
  const lines = [['figure', 'value', 'unit', 'floor', 'ratio', 'target', 'met']];
  for (const r of rows) {
    const f = byName.get(r.name);
    const paired = byName.get(`${r.name}.paired-ratio`);
    lines.push([r.name, cell(f?.value), f?.unit ?? '', cell(f?.floor), paired ? `${paired.value.toFixed(2)}× paired` : ratio(f), r.text, r.met === null ? '?' : r.met ? 'yes' : 'NO']);
  }
  for (const f of figures) if (!targeted.has(f.name)) lines.push([f.name, cell(f.value), f.unit, cell(f.floor), ratio(f), '', '']);
  const widths = (lines[0] ?? []).map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  const text = lines.map((l) => l.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
  process.stderr.write(`\n${text}\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
}

/** Rows in the README's `| figure | app | floor | target | met |` table, to paste between its markers. */
export function readmeRows(figures: readonly Figure[], bookRecords: number): string {
  const f = (name: string) => figures.find((x) => x.name === name);
  const n = (v: number | null | undefined, digits = 0) =>
    v === null || v === undefined || Number.isNaN(v) ? '—' : v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const verdict = (name: string) => {
    const t = targets(figures).find((x) => x.name === name);
    const x = f(name);
    const paired = f(`${name}.paired-ratio`);
    const ratio = paired ? ` (${paired.value.toFixed(2)}×)` : x?.floor ? ` (${(x.value / x.floor).toFixed(2)}×)` : '';
    return !t || t.met === null ? '?' : `${t.met ? 'yes' : 'no'}${ratio}`;
  };
  const rows: string[] = [];
  /** A row only when its figure was measured (a phase may be skipped). */
  const row = (name: string, cells: () => string) => {
    if (f(name)) rows.push(cells());
  };
  row('cloud.push.1-device', () => `| cloud push, 500 new customers per push, 1 device | ${n(f('cloud.push.1-device')?.value)} changes/s | ${n(f('cloud.push.1-device')?.floor)} rows/s (bare multi-row INSERT, 1 writer) | ≥ 0.4× | ${verdict('cloud.push.1-device')} |`);
  row('cloud.push.4-devices', () => `| cloud push, 4 devices of 4 businesses at once | ${n(f('cloud.push.4-devices')?.value)} changes/s | ${n(f('cloud.push.4-devices')?.floor)} rows/s (4 writers) | ≥ 0.4× | ${verdict('cloud.push.4-devices')} |`);
  row('cloud.propagation.p95', () => `| device → device through the cloud (push, SSE notice, pull), p50 / p95 | ${n(f('cloud.propagation.p50')?.value, 1)} / ${n(f('cloud.propagation.p95')?.value, 1)} ms | — | p95 ≤ 500 ms | ${verdict('cloud.propagation.p95')} |`);
  row('cloud.lookup.32-connections', () => {
    const look = f('cloud.lookup.32-connections');
    return `| cloud \`book.lookup\` by phone, 32 connections | ${n(look?.value)} req/s | ${n(look?.floor)} req/s (bare node:http + pg, same SQL; one bare SELECT: ${n(f('cloud.lookup.bare-single-select')?.value)}) | ≥ 0.7× | ${verdict('cloud.lookup.32-connections')} |`;
  });
  row('cloud.lookup.p99-at-fixed-rate', () => {
    const p50 = f('cloud.lookup.p50-at-fixed-rate');
    const p99 = f('cloud.lookup.p99-at-fixed-rate');
    return `| cloud \`book.lookup\` p50 / p99 at a steady ${n(f('cloud.lookup.fixed-rate')?.value)} req/s | ${n(p50?.value, 1)} / ${n(p99?.value, 1)} ms | ${n(p50?.floor, 1)} / ${n(p99?.floor, 1)} ms (bare, same SQL) | — | — |`;
  });
  const pulls = figures.filter((x) => /^cloud\.pull\.page-\d+$/.test(x.name));
  if (pulls.length > 0) {
    const sizes = pulls.map((x) => n(Number(x.name.slice('cloud.pull.page-'.length)))).join(' / ');
    const values = pulls.map((x) => n(x.value, 1)).join(' / ');
    const floors = pulls.map((x) => n(x.floor, 1)).join(' / ');
    rows.push(`| fresh device pulls the ${n(bookRecords)}-record book into memory (Node), pages of ${sizes} | ${values} s | ${floors} s (bare pg reads) | — | — |`);
  }
  row('cloud.pull.indexeddb', () => `| fresh device pulls the ${n(bookRecords)}-record book into IndexedDB (Chromium, the renderer's sync engine) | ${n(f('cloud.pull.indexeddb')?.value, 1)} s (${n(f('cloud.pull.indexeddb.in-pull-calls')?.value, 1)} s of it in pull calls) | — | — | — |`);
  return rows.join('\n');
}
