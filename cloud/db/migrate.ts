import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './client';

/**
 * Brings the database up to the newest migration, at every start. Migrations are numbered SQL
 * files (0001_init.sql, …), applied in order, each once, recorded in rateback_migrations.
 * The whole run holds an advisory lock inside one transaction, so two cloud processes starting
 * together on one PostgreSQL do not both migrate, and a failed migration leaves nothing behind.
 */
const LOCK_ID = 72_616_265; // any constant shared by every cloud process

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Where the SQL files are: beside this file in the source tree and in out/main (the build copies
 * them there); one level up when the bundler put this code in a shared chunk (out/main/chunks).
 */
function defaultMigrationsDir(): string {
  const candidates = [join(import.meta.dirname, 'migrations'), join(import.meta.dirname, '..', 'migrations')];
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0]!;
}

export function readMigrations(dir = defaultMigrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

export async function migrate(database: Database, migrations: readonly Migration[]): Promise<string[]> {
  const applied: string[] = [];
  await database.scriptTransaction(async (exec) => {
    await exec(`SELECT pg_advisory_xact_lock(${LOCK_ID})`);
    await exec('CREATE TABLE IF NOT EXISTS rateback_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const have = new Set((await exec('SELECT version FROM rateback_migrations')).map((r) => Number(r['version'])));
    for (const m of migrations) {
      if (have.has(m.version)) continue;
      await exec(m.sql);
      await exec(`INSERT INTO rateback_migrations (version, name) VALUES (${m.version}, '${m.name.replace(/'/g, "''")}')`);
      applied.push(m.name);
    }
  });
  return applied;
}
