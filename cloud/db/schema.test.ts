import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds, type TestDatabase } from '../testing/test-database';
import { rowsOf } from './client';
import { migrate, readMigrations } from './migrate';
import * as schema from './schema';

/**
 * The SQL migrations create the database; Drizzle's schema only types the queries. This test
 * keeps the two honest: every table and column Drizzle knows exists after migrating, with the
 * same nullability, and every business-owned table has row-level security FORCEd.
 */
const tables: PgTable[] = Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v);

for (const kind of testDatabaseKinds()) {
  describe(`database schema (${kind.name})`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await kind.open();
    });
    afterAll(async () => {
      await db.drop();
    });

    it('has every table and column of the Drizzle schema', async () => {
      expect(tables.map((t) => getTableConfig(t).name).sort()).toHaveLength(10);
      const columns = rowsOf<{ table_name: string; column_name: string; is_nullable: string }>(
        await db.database.db.execute(sql`SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`),
      );
      const actual = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c.is_nullable === 'YES']));
      for (const table of tables) {
        const config = getTableConfig(table);
        for (const column of config.columns) {
          const key = `${config.name}.${column.name}`;
          expect(actual.has(key), `${key} exists`).toBe(true);
          expect(actual.get(key), `${key} nullability`).toBe(!column.notNull);
        }
      }
    });

    it('forces row-level security on every table with business rows', async () => {
      const rls = rowsOf<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
        await db.database.db.execute(sql`SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`),
      );
      const owned = tables.map((t) => getTableConfig(t)).filter((c) => c.columns.some((col) => col.name === 'business_id') || c.name === 'businesses' || c.name === 'users');
      for (const table of owned) {
        const row = rls.find((r) => r.relname === table.name);
        expect(row, table.name).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
      }
    });

    it('applies each migration once, even when run again', async () => {
      expect(await migrate(db.database, readMigrations())).toEqual([]);
    });
  });
}
