import pg from 'pg';
import type { PulledRecord } from '@core/sync/protocol';
import { cloudClient } from '../../../cloud/testing/harness';
import { cpuPerUnit } from './cpu';
import type { BenchContext, PhaseResult } from './phase';
import { figure, type Figure } from './report';
import { median } from './stats';

/**
 * A fresh device's first download of the whole book, through the HTTP API with the stock tRPC
 * client, page after page from cursor 0, into an array in memory (Node: no IndexedDB here; see
 * browser-pull.ts for the renderer's). Beside it, the floor: the same rows read straight from
 * PostgreSQL with `pg` in pages of the same size (keyset on version, the same columns, jsonb
 * parsed by pg), in this process.
 */
interface PullResults {
  /** Seconds per page size, one per round. */
  api: Record<number, number[]>;
  bare: Record<number, number[]>;
  /** CPU µs per record of each process during the API pulls, one per round. */
  cpu: Record<number, Record<string, number | null>[]>;
}

async function pullThroughApi(url: string, token: string, limit: number, expected: number): Promise<number> {
  const api = cloudClient(url, token);
  const records: PulledRecord[] = [];
  const start = performance.now();
  let cursor = 0;
  for (;;) {
    const page = await api.sync.pull.query({ cursor, limit });
    for (const record of page.records) records.push(record);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const seconds = (performance.now() - start) / 1000;
  if (records.length !== expected) throw new Error(`pull: got ${records.length} records, expected ${expected}`);
  return seconds;
}

async function pullBare(databaseUrl: string, businessId: string, limit: number, expected: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const records: unknown[] = [];
    const start = performance.now();
    let cursor = 0;
    for (;;) {
      const { rows } = await client.query<{ tbl: string; id: string; version: string; deleted: boolean; data: unknown }>(
        'SELECT tbl, id, version, deleted, data FROM book_records WHERE business_id = $1 AND version > $2 ORDER BY version LIMIT $3',
        [businessId, cursor, limit],
      );
      for (const row of rows) records.push(row);
      const last = rows.at(-1);
      if (!last || rows.length < limit) break;
      cursor = Number(last.version);
    }
    const seconds = (performance.now() - start) / 1000;
    if (records.length !== expected) throw new Error(`bare pull: got ${records.length} rows, expected ${expected}`);
    return seconds;
  } finally {
    await client.end();
  }
}

async function measurePull(ctx: BenchContext): Promise<PullResults> {
  const config = ctx.config.book;
  const records = ctx.book.length;
  const results: PullResults = { api: {}, bare: {}, cpu: {} };
  for (const size of config.pageSizes) {
    results.api[size] = [];
    results.bare[size] = [];
    results.cpu[size] = [];
  }
  for (let r = 0; r < config.rounds; r++) {
    const sizes = r % 2 === 0 ? config.pageSizes : [...config.pageSizes].reverse();
    for (const size of sizes) {
      results.bare[size]?.push(await pullBare(ctx.databaseUrl, ctx.owner.businessId, size, records));
      const before = await ctx.cpu();
      results.api[size]?.push(await pullThroughApi(ctx.cloudUrl, ctx.owner.token, size, records));
      results.cpu[size]?.push(cpuPerUnit(before, await ctx.cpu(), records));
    }
    ctx.log(`pull round ${r + 1}/${config.rounds}: ${config.pageSizes.map((s) => `pages of ${s} ${results.api[s]?.at(-1)?.toFixed(2)} s (bare ${results.bare[s]?.at(-1)?.toFixed(2)} s)`).join(', ')}`);
  }
  return results;
}

export async function pullPhase(ctx: BenchContext): Promise<PhaseResult> {
  const config = ctx.config.book;
  const records = ctx.book.length;
  ctx.log(`pull: a fresh device downloads the ${records.toLocaleString('en')}-record book, pages of ${config.pageSizes.join(' and ')}`);
  const pull = await measurePull(ctx);
  const figures: Figure[] = [];
  for (const size of config.pageSizes) {
    figures.push(figure(`cloud.pull.page-${size}`, median(pull.api[size] ?? []), 's', median(pull.bare[size] ?? [])));
    for (const side of ['cloud', 'postgres', 'bench']) {
      const values = (pull.cpu[size] ?? []).map((c) => c[side]).filter((x): x is number => typeof x === 'number');
      if (values.length > 0) figures.push(figure(`cloud.pull.page-${size}.cpu.${side === 'bench' ? 'client' : side === 'cloud' ? 'cloud-process' : side}`, median(values), 'µs/record'));
    }
  }
  return {
    figures,
    notes: [
      `cloud.pull.page-*: seconds until a fresh device holds all ${records.toLocaleString('en')} records in memory (Node, stock tRPC client, from cursor 0), median of ${config.rounds}; floor = the same pages read with pg straight from PostgreSQL; *.cpu.*: CPU µs per record of the cloud process, PostgreSQL and the client`,
    ],
  };
}
