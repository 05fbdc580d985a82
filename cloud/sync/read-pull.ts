import { and, asc, count, eq, gt, lte } from 'drizzle-orm';
import type { PullInput, PullPage, PulledRecord } from '@core/sync/protocol';
import { SYNC_LIMITS } from '@core/sync/protocol';
import { isSyncedTable } from '@core/sync/tables';
import type { Database } from '../db/client';
import { bookRecords, businesses } from '../db/schema';
import { asBusiness } from '../db/tenancy';

/**
 * One page of the records a device has not seen: those whose version is after its cursor, in
 * version order. Every record holds a distinct version (the one of its last change), so paging
 * by version never skips or repeats one.
 *
 * The business's version is read FIRST and the page is capped at it. Versions commit in order
 * (apply-push holds the business row while it writes), so everything up to `latest` is visible;
 * a push that commits while this runs is simply left for the next pull — were `latest` read
 * after the page, an empty page could return a cursor past records it never sent.
 *
 * `remaining` (records after the input cursor, this page included) is kept cheap:
 *   - when this page is the last one, it is exactly the page's length (free);
 *   - on a first sync (cursor 0) it is counted exactly, one index-only count over
 *     (business_id, version), so the device can show "1,000 of 60,000";
 *   - otherwise it is the version gap `latest − cursor`: an upper bound (a record changed twice
 *     since the cursor counts twice) that costs nothing, and shrinks to exact on the last page.
 */
export async function readPull(database: Database, businessId: string, input: PullInput): Promise<PullPage> {
  const limit = Math.min(input.limit ?? SYNC_LIMITS.pullPageDefault, SYNC_LIMITS.pullPageMax);
  const { cursor } = input;
  return asBusiness(database, businessId, async (tx) => {
    const [business] = await tx.select({ version: businesses.version }).from(businesses).where(eq(businesses.id, businessId));
    const latest = business?.version ?? 0;
    const inRange = and(eq(bookRecords.businessId, businessId), gt(bookRecords.version, cursor), lte(bookRecords.version, latest));

    const rows = await tx
      .select({ table: bookRecords.tbl, id: bookRecords.id, version: bookRecords.version, deleted: bookRecords.deleted, data: bookRecords.data })
      .from(bookRecords)
      .where(inRange)
      .orderBy(asc(bookRecords.version))
      .limit(limit);

    const records: PulledRecord[] = [];
    for (const row of rows) {
      // Only push writes book_records, and it accepts synced tables only; anything else is skipped, not fatal.
      if (!isSyncedTable(row.table)) continue;
      records.push({ table: row.table, id: row.id, version: row.version, deleted: row.deleted, data: row.deleted ? null : row.data });
    }

    const lastVersion = rows.at(-1)?.version;
    const hasMore = rows.length === limit && lastVersion !== undefined && lastVersion < latest;
    let remaining: number;
    if (!hasMore) remaining = rows.length;
    else if (cursor === 0) {
      const [counted] = await tx.select({ n: count() }).from(bookRecords).where(inRange);
      remaining = counted?.n ?? rows.length;
    } else remaining = Math.max(latest - cursor, rows.length);

    return { records, cursor: lastVersion ?? latest, hasMore, latest, remaining };
  });
}
