import { TRPCError } from '@trpc/server';
import type { PushInput, PushResult } from '@core/sync/protocol';
import type { Database } from '../db/client';
import { asBusiness } from '../db/tenancy';
import { identifierChanges } from './customer-identifiers';
import { mergeBatch } from './merge-batch';
import { gapMessage, sequenceMutations } from './mutation-sequence';
import { finishPush, lockBusinessVersion, lockDeviceCursor, readBusinessVersion, readHeld, writeIdentifiers, writeRecords } from './push-statements';
import type { VersionHub } from './version-hub';

/**
 * Applies one device's push to its business's book, all or nothing, in ONE transaction.
 *
 * Statements, in order (each one round trip, whatever the batch size):
 *   set_config (asBusiness) · lock device cursor · lock business version · read held records ·
 *   insert new records / upsert held ones · [delete old / insert new customer identifiers] · set business
 *   version and device cursor · pg_notify
 * A pure replay stops after the cursor with one read of the version. Any refusal (a gap, an
 * invalid record) throws before a record is written, and the whole transaction rolls back.
 */
export interface PushDeps {
  database: Database;
  versions: Pick<VersionHub, 'notify'>;
  now: () => Date;
}

export async function applyPush(deps: PushDeps, businessId: string, input: PushInput): Promise<PushResult> {
  return asBusiness(deps.database, businessId, async (tx) => {
    const now = deps.now();
    const lastApplied = await lockDeviceCursor(tx, businessId, input.deviceId, now);

    const sequence = sequenceMutations(input.mutations, lastApplied);
    if (sequence.kind === 'unordered') {
      throw new TRPCError({ code: 'BAD_REQUEST', message: `Mutations in a push must be numbered one after another; ${sequence.at} is out of order.` });
    }
    if (sequence.kind === 'gap') throw new TRPCError({ code: 'CONFLICT', message: gapMessage(sequence.expected, sequence.first) });

    const { replayed, fresh } = sequence;
    const last = fresh.at(-1);
    if (!last) return { applied: 0, replayed, lastMutationId: lastApplied, version: await readBusinessVersion(tx, businessId) };

    const baseVersion = await lockBusinessVersion(tx, businessId);
    const changes = fresh.flatMap((m) => m.changes);
    const held = await readHeld(tx, businessId, changes);
    const merged = mergeBatch(changes, held);
    if (!merged.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: `Refused: ${merged.problem}` });

    const version = baseVersion + merged.changed.length;
    if (merged.changed.length > 0) {
      await writeRecords(tx, businessId, merged.changed, baseVersion + 1);
      const customers = merged.changed
        .filter((r) => r.table === 'customers')
        .map((r) => ({ id: r.id, fresh: r.before === undefined, before: r.before?.data ?? null, after: r.after.data }));
      await writeIdentifiers(tx, businessId, identifierChanges(customers));
    }
    await finishPush(tx, businessId, { deviceId: input.deviceId, lastMutationId: last.id, now }, merged.changed.length > 0 ? version : null);
    // Sent at commit; a push whose changes were all ignored made no new version to announce.
    if (merged.changed.length > 0) await deps.versions.notify(tx, businessId, version);
    return { applied: fresh.length, replayed, lastMutationId: last.id, version };
  });
}
