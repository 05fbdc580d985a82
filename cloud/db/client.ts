import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/**
 * The cloud's database: PGlite (Postgres compiled to WebAssembly, in a local folder) by
 * default, so the app needs nothing installed; a PostgreSQL server when DATABASE_URL is set,
 * which is how several cloud processes share one database. Callers see one Drizzle type.
 */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /**
   * Runs `work` in one transaction whose `exec` accepts SQL text of several statements without
   * parameters (migrations; Drizzle's execute takes one statement). Returns the last result's rows.
   */
  scriptTransaction(work: (exec: (sqlText: string) => Promise<Record<string, unknown>[]>) => Promise<void>): Promise<void>;
  /**
   * Hears NOTIFY on a channel; resolves once listening, with the function that stops it. If the
   * listening connection drops, it reconnects and calls `onReconnected`: notices sent while it
   * was away are lost, so the caller re-reads what it follows.
   */
  listen(channel: string, onPayload: (payload: string) => void, onReconnected?: () => void): Promise<() => Promise<void>>;
  /** The underlying pool, for the benchmark's bare baseline (postgres only). */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export type DatabaseConfig = { kind: 'pglite'; dataDir: string | undefined } | { kind: 'postgres'; url: string; poolSize: number };

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'pglite' ? openPglite(config.dataDir) : openPostgres(config.url, config.poolSize);
}

/** PGlite in `dataDir`, or in memory when undefined (tests). */
async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return {
    kind: 'pglite',
    db: drizzlePglite(client, { schema }) as unknown as Db,
    async scriptTransaction(work) {
      await client.transaction(async (tx) => {
        await work(async (sqlText) => (await tx.exec(sqlText)).at(-1)?.rows ?? []);
      });
    },
    async listen(channel, onPayload) {
      const stop = await client.listen(channel, onPayload);
      return async () => stop();
    },
    async close() {
      await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that the server drops must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const check = await pool.connect();
  check.release();
  return {
    kind: 'postgres',
    db: drizzleNodePg(pool, { schema }) as unknown as Db,
    pool,
    async scriptTransaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await work(async (sqlText) => {
          const result = (await client.query(sqlText)) as unknown as pg.QueryResult | pg.QueryResult[];
          return (Array.isArray(result) ? result.at(-1)?.rows : result.rows) ?? [];
        });
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, onPayload, onReconnected) => listenWithReconnect(url, channel, onPayload, onReconnected),
    async close() {
      await pool.end();
    },
  };
}

/**
 * LISTEN on a connection of its own (a pool would hand it back and lose the LISTEN), kept up
 * for as long as the process runs: a server restart or a network cut ends the connection, and
 * a new one is opened with backoff (1 s doubling to 30 s).
 */
async function listenWithReconnect(url: string, channel: string, onPayload: (payload: string) => void, onReconnected?: () => void): Promise<() => Promise<void>> {
  let current: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    client.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      await client.end().catch(() => {});
      return;
    }
    current = client;
    client.once('end', () => {
      if (current === client) current = null;
      if (!stopped) reconnectAfter(1000);
    });
  };

  const reconnectAfter = (delayMs: number) => {
    retry = setTimeout(() => {
      connect().then(
        () => {
          if (!stopped) onReconnected?.();
        },
        () => {
          if (!stopped) reconnectAfter(Math.min(delayMs * 2, 30_000));
        },
      );
    }, delayMs);
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await current?.end().catch(() => {});
  };
}

/** The rows of a raw `tx.execute` result: both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
