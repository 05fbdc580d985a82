import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client';
import { migrate, readMigrations } from '../db/migrate';

/**
 * Databases for the cloud's tests: PGlite in memory always, and a real PostgreSQL server when
 * TEST_DATABASE_URL is set (.ci/run starts one). Each call makes a fresh, migrated database —
 * on PostgreSQL a new database in that server, dropped again by `drop()` — so test files never
 * see each other's rows.
 */
export interface TestDatabaseKind {
  name: 'pglite' | 'postgres';
  open(): Promise<TestDatabase>;
}

export interface TestDatabase {
  database: Database;
  /** The connection string of a PostgreSQL test database (for a second cloud process). */
  url?: string;
  drop(): Promise<void>;
}

export function testDatabaseKinds(): TestDatabaseKind[] {
  const kinds: TestDatabaseKind[] = [{ name: 'pglite', open: openPgliteTestDatabase }];
  const url = process.env['TEST_DATABASE_URL'];
  if (url) kinds.push({ name: 'postgres', open: () => openPostgresTestDatabase(url) });
  return kinds;
}

async function openPgliteTestDatabase(): Promise<TestDatabase> {
  const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
  await migrate(database, readMigrations());
  return { database, drop: () => database.close() };
}

/** A fresh database on the server at `serverUrl`; returns its own URL too. */
export async function createPostgresTestDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `rateback_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

async function openPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const created = await createPostgresTestDatabase(serverUrl);
  const database = await openDatabase({ kind: 'postgres', url: created.url, poolSize: 8 });
  await migrate(database, readMigrations());
  return {
    database,
    url: created.url,
    async drop() {
      await database.close();
      await created.drop();
    },
  };
}
