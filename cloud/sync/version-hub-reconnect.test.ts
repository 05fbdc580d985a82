import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client';
import { asSystem } from '../db/tenancy';
import { businesses } from '../db/schema';
import { seedMember } from '../testing/fixtures';
import { createPostgresTestDatabase } from '../testing/test-database';
import { migrate, readMigrations } from '../db/migrate';
import { createVersionHub, VERSIONS_CHANNEL } from './version-hub';

/**
 * A cloud process hears other processes' pushes through one LISTEN connection. When
 * PostgreSQL drops it (a restart, a network cut), the hub must listen again and tell its
 * subscribers the versions they missed meanwhile.
 */
const serverUrl = process.env['TEST_DATABASE_URL'];

describe.runIf(serverUrl)('version hub on PostgreSQL after its LISTEN connection is cut', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await createPostgresTestDatabase(serverUrl ?? '');
    drop = created.drop;
    database = await openDatabase({ kind: 'postgres', url: created.url, poolSize: 4 });
    await migrate(database, readMigrations());
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('listens again and reports the version reached while it was away', async () => {
    const { businessId } = await seedMember(database);
    const hub = await createVersionHub(database);
    const heard: number[] = [];
    hub.subscribe(businessId, (v) => heard.push(v));

    await database.db.execute(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE ${`LISTEN%${VERSIONS_CHANNEL}%`} AND pid <> pg_backend_pid()`);
    // While nobody listens, a push moves the business to version 7 (no notice is heard).
    await asSystem(database, (tx) => tx.update(businesses).set({ version: 7 }).where(sql`id = ${businessId}`));

    await expect.poll(() => heard, { timeout: 10_000 }).toContain(7);
    // And live notices flow again afterwards.
    await database.db.execute(sql`SELECT pg_notify(${VERSIONS_CHANNEL}, ${`${businessId}:8`})`);
    await expect.poll(() => heard, { timeout: 5_000 }).toContain(8);
    await hub.close();
  });
});
