import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START_MS } from './accounts/test-helpers';
import { rowsOf, type Database } from './db/client';
import { asBusiness, asSystem } from './db/tenancy';
import { startTestCloud, type TestCloud } from './testing/harness';
import { BUSINESS_TABLE_NAMES, BUSINESS_TABLES, OTHER_TABLES, rowsOfA, seedTenantWorld, type BusinessTable, type TenantWorld } from './testing/tenant-fixtures';
import { testDatabaseKinds } from './testing/test-database';

/**
 * Tenant isolation straight in SQL, under the tRPC layer (tenant-matrix.test.ts checks it
 * through every procedure). As business B, through `asBusiness` — the only way requests reach
 * business rows — every business table shows only B's rows, a row written for A is refused by
 * row-level security's WITH CHECK, and A's rows can be neither changed nor deleted. Every
 * statement runs in a transaction that is rolled back, so the seeded world stays as it was.
 */
const MODERATOR = 'moderator@rateback-tenancy.example';


/** One row for each business table, belonging to `business`. */
function rowFor(table: BusinessTable, business: string, w: TenantWorld): SQL {
  const id = randomUUID();
  const secret = randomBytes(16).toString('hex');
  const someone = w.b.owner.userId;
  switch (table) {
    case 'businesses':
      return sql`INSERT INTO businesses (id, legal_name, country, trade, region, registration_rule, web_domain, status)
                 VALUES (${business}::uuid, 'Sneaky Ltd', 'GB', 'retail', 'London', 'format', 'sneaky.example', 'approved')`;
    case 'memberships':
      return sql`INSERT INTO memberships (business_id, user_id, role) VALUES (${business}::uuid, ${someone}::uuid, 'owner')`;
    case 'invites':
      return sql`INSERT INTO invites (id, business_id, email, role, code_hash, invited_by, expires_at)
                 VALUES (${id}::uuid, ${business}::uuid, 'sneaky@b.example', 'owner', ${secret}, ${someone}::uuid, now() + interval '1 day')`;
    case 'sessions':
      return sql`INSERT INTO sessions (token_hash, user_id, business_id, device_label, created_at, last_seen_at, expires_at)
                 VALUES (${secret}, ${someone}::uuid, ${business}::uuid, 'sneaky', now(), now(), now() + interval '1 day')`;
    case 'book_records':
      return sql`INSERT INTO book_records (business_id, tbl, id, data, deleted, version) VALUES (${business}::uuid, 'customers', ${id}, '{}'::jsonb, false, 1)`;
    case 'customer_identifiers':
      return sql`INSERT INTO customer_identifiers (business_id, identifier, customer_id) VALUES (${business}::uuid, '+440000000000', ${id})`;
    case 'device_cursors':
      return sql`INSERT INTO device_cursors (business_id, device_id, last_mutation_id, updated_at) VALUES (${business}::uuid, ${id}::uuid, 0, now())`;
  }
}

/** The Postgres error code (SQLSTATE) of a failed statement, through the drivers' wrappers. */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Object && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) parts.push(e.message);
  return parts.join(' ← ');
}

class Rollback extends Error {}

/** Runs `work` as `business` and rolls it back whatever happens; its result, or the error it threw. */
async function tryAs<T>(database: Database, business: string, work: Parameters<typeof asBusiness<T>>[2]): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  let value: T | undefined;
  try {
    await asBusiness(database, business, async (tx) => {
      value = await work(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (error instanceof Rollback) return { ok: true, value: value as T };
    return { ok: false, error };
  }
  throw new Error('unreachable: the work always throws');
}

async function countAs(database: Database, business: string, table: string): Promise<number> {
  return asBusiness(database, business, async (tx) => Number(rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))[0]?.n));
}

async function countOf(database: Database, table: BusinessTable, business: string): Promise<number> {
  return asSystem(database, async (tx) =>
    Number(rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT count(*) AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(BUSINESS_TABLES[table])} = ${business}::uuid`))[0]?.n),
  );
}

for (const kind of testDatabaseKinds()) {
  describe(`row-level security as business B, in SQL (${kind.name})`, () => {
    let cloud: TestCloud;
    let w: TenantWorld;

    beforeAll(async () => {
      cloud = await startTestCloud(kind, { env: { MODERATOR_EMAILS: MODERATOR } });
      w = await seedTenantWorld(cloud, MODERATOR);
      // The seeded world gives B no invite; every business table needs a row of B's below.
      await w.b.owner.api.team.invite.mutate({ email: 'invitee-of-b@rateback-tenancy.example', role: 'staff' });
    }, START_MS);
    afterAll(async () => {
      await cloud?.close();
    }, START_MS);

    it('every table is either business-owned (counted per business below) or named with a reason', async () => {
      const tables = rowsOf<{ tablename: string }>(await w.database.db.execute(sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).map((t) => t.tablename);
      expect(tables.sort()).toEqual([...BUSINESS_TABLE_NAMES, ...Object.keys(OTHER_TABLES)].sort());
    });

    it("as B, a raw count(*) of every business table counts B's rows only, and A has rows in each", async () => {
      const { a, b } = w;
      for (const table of BUSINESS_TABLE_NAMES) {
        const seenByB = await countAs(w.database, b.businessId, table);
        expect(seenByB, `${table} as B`).toBe(await countOf(w.database, table, b.businessId));
        expect(await countOf(w.database, table, a.businessId), `${table} has rows of A`).toBeGreaterThan(0);
        expect(seenByB, `${table} as B`).toBeGreaterThan(0);
      }
      // users: only B's teammates.
      const users = await asBusiness(w.database, b.businessId, async (tx) => rowsOf<{ id: string }>(await tx.execute(sql`SELECT id FROM users`)).map((u) => u.id));
      expect(users.sort()).toEqual([b.owner.userId, b.staff.userId, b.leaver.userId].sort());
      // The rest are not rateback_app's to read at all.
      for (const table of ['email_codes', 'sign_in_failures', 'rateback_migrations']) {
        const read = await tryAs(w.database, b.businessId, (tx) => tx.execute(sql`SELECT count(*) FROM ${sql.identifier(table)}`));
        expect(read.ok ? 'read' : sqlState(read.error), `${table} as B`).toBe('42501');
      }
    });

    it("as B, writing a row with A's business id is refused by RLS WITH CHECK (and the same row for B is not)", async () => {
      const { a, b } = w;
      for (const table of BUSINESS_TABLE_NAMES) {
        const intoA = await tryAs(w.database, b.businessId, (tx) => tx.execute(rowFor(table, a.businessId, w)));
        expect(intoA.ok, `${table}: insert for A as B was accepted`).toBe(false);
        if (!intoA.ok) {
          expect(sqlState(intoA.error), `${table}: ${messageOf(intoA.error)}`).toBe('42501');
          expect(messageOf(intoA.error)).toMatch(/row-level security/);
        }
        // The control: the statement itself is fine, RLS lets B write B's (rolled back; a
        // duplicate key for businesses and memberships, whose B rows exist, is not RLS).
        const intoB = await tryAs(w.database, b.businessId, (tx) => tx.execute(rowFor(table, b.businessId, w)));
        if (!intoB.ok) expect(sqlState(intoB.error), `${table} for B: ${messageOf(intoB.error)}`).toBe('23505');
      }
    });

    it("as B, updating or deleting A's rows touches none, and moving B's rows to A is refused", async () => {
      const { a, b } = w;
      const before = await rowsOfA(w.database, a.businessId);
      for (const table of BUSINESS_TABLE_NAMES) {
        const column = sql.identifier(BUSINESS_TABLES[table]);
        const t = sql.identifier(table);
        const touched = await tryAs(w.database, b.businessId, async (tx) => ({
          updated: rowsOf(await tx.execute(sql`UPDATE ${t} SET ${column} = ${column} WHERE ${column} = ${a.businessId}::uuid RETURNING 1`)).length,
          deleted: rowsOf(await tx.execute(sql`DELETE FROM ${t} WHERE ${column} = ${a.businessId}::uuid RETURNING 1`)).length,
        }));
        expect(touched, table).toEqual({ ok: true, value: { updated: 0, deleted: 0 } });
        if (table === 'businesses') continue; // its key is the business itself; a move is an insert, refused above
        const moved = await tryAs(w.database, b.businessId, (tx) => tx.execute(sql`UPDATE ${t} SET ${column} = ${a.businessId}::uuid WHERE ${column} = ${b.businessId}::uuid`));
        expect(moved.ok ? 'moved' : sqlState(moved.error), `${table}: moving B's rows to A`).toBe('42501');
      }
      expect(await rowsOfA(w.database, a.businessId)).toEqual(before);
    });
  });
}
