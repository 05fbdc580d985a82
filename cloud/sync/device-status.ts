import { sql } from 'drizzle-orm';
import type { DeviceStatus } from '@core/sync/protocol';
import { rowsOf, type Database } from '../db/client';
import { asBusiness } from '../db/tenancy';

/**
 * What the cloud holds from one device and the business's version, in one statement: a PC asks
 * on start (and after a refused push) so it knows which outbox entries it can drop and where to
 * resend from. A device the cloud has never heard of is at mutation 0.
 */
export async function readDeviceStatus(database: Database, businessId: string, deviceId: string): Promise<DeviceStatus> {
  return asBusiness(database, businessId, async (tx) => {
    const rows = rowsOf<{ version: string | number; last_mutation_id: string | number | null }>(
      await tx.execute(sql`
        SELECT b.version,
               (SELECT d.last_mutation_id FROM device_cursors d WHERE d.business_id = b.id AND d.device_id = ${deviceId}::uuid) AS last_mutation_id
        FROM businesses b
        WHERE b.id = ${businessId}::uuid`),
    );
    const row = rows[0];
    return { lastMutationId: Number(row?.last_mutation_id ?? 0), version: Number(row?.version ?? 0) };
  });
}
