import { sql } from 'drizzle-orm';
import type { Held, RecordData } from '@core/sync/merge';
import { rowsOf, type Tx } from '../db/client';
import type { IdentifierChanges } from './customer-identifiers';
import { recordKey, type MergedRecord } from './merge-batch';

/**
 * The SQL of a push, one function per statement, all run inside the push's asBusiness
 * transaction (so row-level security also limits them to the business).
 *
 * Batches travel as ONE JSON parameter unpacked by json_to_recordset: a single statement per
 * batch whatever its size, no 65,535-parameter ceiling, the same text on PGlite and node-postgres,
 * and one JSON.stringify instead of escaping each value into an array literal. Every statement
 * also filters on business_id itself so the primary-key indexes are used (RLS alone would not
 * tell the planner which business).
 */

/**
 * Locks the device's cursor row, creating it at 0 for a new device, and returns the last
 * mutation id applied. The no-op DO UPDATE is what takes the row lock in one statement: a second
 * push from the same device waits here until the first commits, then sees its cursor.
 */
export async function lockDeviceCursor(tx: Tx, businessId: string, deviceId: string, now: Date): Promise<number> {
  const rows = rowsOf<{ last_mutation_id: string | number }>(
    await tx.execute(sql`
      INSERT INTO device_cursors (business_id, device_id, last_mutation_id, updated_at)
      VALUES (${businessId}::uuid, ${deviceId}::uuid, 0, ${now.toISOString()}::timestamptz)
      ON CONFLICT (business_id, device_id) DO UPDATE SET last_mutation_id = device_cursors.last_mutation_id
      RETURNING last_mutation_id`),
  );
  return Number(rows[0]?.last_mutation_id ?? 0);
}

/**
 * Locks the business row and returns its version. Every push of the business takes this lock
 * before reading the records it merges into, so merges never race and versions are handed out
 * (and committed) in order: a pull that sees version N has every record up to N.
 *
 * FOR NO KEY UPDATE, not FOR UPDATE: it still excludes the other pushes (they take the same
 * lock), but not the KEY SHARE locks that foreign keys from sessions and memberships take on
 * this row, so signing in never waits for a push (and a push that inserted such a row while
 * waiting for FOR UPDATE could deadlock).
 */
export async function lockBusinessVersion(tx: Tx, businessId: string): Promise<number> {
  const rows = rowsOf<{ version: string | number }>(await tx.execute(sql`SELECT version FROM businesses WHERE id = ${businessId}::uuid FOR NO KEY UPDATE`));
  const row = rows[0];
  if (!row) throw new Error(`Business ${businessId} is not visible to its own member`);
  return Number(row.version);
}

export async function readBusinessVersion(tx: Tx, businessId: string): Promise<number> {
  const rows = rowsOf<{ version: string | number }>(await tx.execute(sql`SELECT version FROM businesses WHERE id = ${businessId}::uuid`));
  return Number(rows[0]?.version ?? 0);
}

/**
 * Records what the push leaves behind, in one statement: the device's last applied mutation
 * and, when records changed, the business's new version.
 */
export async function finishPush(
  tx: Tx,
  businessId: string,
  cursor: { deviceId: string; lastMutationId: number; now: Date },
  newVersion: number | null,
): Promise<void> {
  const setCursor = sql`
    UPDATE device_cursors SET last_mutation_id = ${cursor.lastMutationId}, updated_at = ${cursor.now.toISOString()}::timestamptz
    WHERE business_id = ${businessId}::uuid AND device_id = ${cursor.deviceId}::uuid`;
  if (newVersion === null) {
    await tx.execute(setCursor);
    return;
  }
  await tx.execute(sql`
    WITH business AS (UPDATE businesses SET version = ${newVersion} WHERE id = ${businessId}::uuid)
    ${setCursor}`);
}

/**
 * What is held now for the given keys, in one query; keys with no row are absent. LATERAL makes
 * the plan one primary-key probe per key whatever the planner guesses about the JSON's size,
 * instead of a hash join over all of a large business's records.
 */
export async function readHeld(tx: Tx, businessId: string, keys: readonly { table: string; id: string }[]): Promise<Map<string, Held>> {
  const unique = new Map<string, { tbl: string; id: string }>();
  for (const { table, id } of keys) unique.set(recordKey(table, id), { tbl: table, id });
  const rows = rowsOf<{ tbl: string; id: string; data: RecordData | null; deleted: boolean }>(
    await tx.execute(sql`
      SELECT b.tbl, b.id, b.data, b.deleted
      FROM json_to_recordset(${JSON.stringify([...unique.values()])}::json) AS k(tbl text, id text)
      CROSS JOIN LATERAL (
        SELECT r.tbl, r.id, r.data, r.deleted FROM book_records r
        WHERE r.business_id = ${businessId}::uuid AND r.tbl = k.tbl AND r.id = k.id
      ) b`),
  );
  const held = new Map<string, Held>();
  for (const row of rows) {
    held.set(recordKey(row.tbl, row.id), row.deleted ? { deleted: true, data: null } : { deleted: false, data: row.data ?? {} });
  }
  return held;
}

/**
 * Writes the changed records, each with its version: records the business did not hold (not
 * even as a tombstone) as a plain multi-row INSERT, since they cannot conflict (held records are
 * read under the business lock that every push takes), and the others as a multi-row upsert.
 * ON CONFLICT costs PostgreSQL a speculative insertion per row, about doubling the statement.
 */
export async function writeRecords(tx: Tx, businessId: string, records: readonly MergedRecord[], firstVersion: number): Promise<void> {
  type Row = { tbl: string; id: string; data: RecordData | null; deleted: boolean; version: number };
  const fresh: Row[] = [];
  const held: Row[] = [];
  records.forEach((r, i) => {
    (r.before === undefined ? fresh : held).push({ tbl: r.table, id: r.id, data: r.after.data, deleted: r.after.deleted, version: firstVersion + i });
  });
  if (fresh.length > 0) {
    await tx.execute(sql`
      INSERT INTO book_records (business_id, tbl, id, data, deleted, version)
      SELECT ${businessId}::uuid, r.tbl, r.id, r.data, r.deleted, r.version
      FROM json_to_recordset(${JSON.stringify(fresh)}::json) AS r(tbl text, id text, data jsonb, deleted boolean, version bigint)`);
  }
  if (held.length > 0) {
    await tx.execute(sql`
      INSERT INTO book_records (business_id, tbl, id, data, deleted, version)
      SELECT ${businessId}::uuid, r.tbl, r.id, r.data, r.deleted, r.version
      FROM json_to_recordset(${JSON.stringify(held)}::json) AS r(tbl text, id text, data jsonb, deleted boolean, version bigint)
      ON CONFLICT (business_id, tbl, id) DO UPDATE SET data = excluded.data, deleted = excluded.deleted, version = excluded.version`);
  }
}

/**
 * Removes the customers' old identifiers and adds their new ones (at most three statements).
 * Rows of customers new to the business cannot conflict, so they skip ON CONFLICT, which
 * about doubles an insert's cost.
 */
export async function writeIdentifiers(tx: Tx, businessId: string, changes: IdentifierChanges): Promise<void> {
  if (changes.remove.length > 0) {
    await tx.execute(sql`
      DELETE FROM customer_identifiers c
      USING json_to_recordset(${JSON.stringify(changes.remove)}::json) AS g(identifier text, customer_id text)
      WHERE c.business_id = ${businessId}::uuid AND c.identifier = g.identifier AND c.customer_id = g.customer_id`);
  }
  if (changes.add.length > 0) {
    await tx.execute(sql`
      INSERT INTO customer_identifiers (business_id, identifier, customer_id)
      SELECT ${businessId}::uuid, g.identifier, g.customer_id
      FROM json_to_recordset(${JSON.stringify(changes.add)}::json) AS g(identifier text, customer_id text)
      ON CONFLICT DO NOTHING`);
  }
  if (changes.addFresh.length > 0) {
    await tx.execute(sql`
      INSERT INTO customer_identifiers (business_id, identifier, customer_id)
      SELECT ${businessId}::uuid, g.identifier, g.customer_id
      FROM json_to_recordset(${JSON.stringify(changes.addFresh)}::json) AS g(identifier text, customer_id text)`);
  }
}
