import { z } from 'zod';
import { Id, IsoInstant } from '@core/primitives';
import { Mutation } from '@core/sync/protocol';

/**
 * The rows of the `syncState` and `outbox` tables (schema v3). Each syncState row is one
 * fact, keyed by what it is, so the writers of different facts never overwrite each other:
 * the outbox middleware owns `outbox` (the mutation counter), the engine the rest.
 */

export const OUTBOX_TABLE = 'outbox';
export const SYNC_STATE_TABLE = 'syncState';

/** This book's identity towards the cloud: a random uuid made on the first sync. */
export const DeviceRow = z.strictObject({ key: z.literal('device'), deviceId: Id });

/**
 * Which business the book is synced with. Until this row exists nothing is recorded in the
 * outbox: binding the book queues its whole content once instead (bind-book.ts).
 */
export const BindingRow = z.strictObject({ key: z.literal('binding'), businessId: z.string().min(1).max(100), boundAt: IsoInstant });

/**
 * The outbox counter: the id the next mutation gets (1, 2, 3… with no gaps, bumped in the
 * same transaction as the write it numbers) and how many changes wait in the outbox.
 */
export const OutboxCounterRow = z.strictObject({
  key: z.literal('outbox'),
  nextMutationId: z.number().int().min(1),
  pendingChanges: z.number().int().min(0),
});

/** Where the next pull starts: the cloud version of the last page applied. */
export const PullRow = z.strictObject({ key: z.literal('pull'), cursor: z.number().int().min(0) });

/** When a whole sync (push, then pull to the end) last finished. */
export const LastSyncRow = z.strictObject({ key: z.literal('lastSync'), at: IsoInstant });

export const SyncStateRow = z.discriminatedUnion('key', [DeviceRow, BindingRow, OutboxCounterRow, PullRow, LastSyncRow]);
export type SyncStateRow = z.infer<typeof SyncStateRow>;
export type DeviceRow = z.infer<typeof DeviceRow>;
export type BindingRow = z.infer<typeof BindingRow>;
export type OutboxCounterRow = z.infer<typeof OutboxCounterRow>;
export type PullRow = z.infer<typeof PullRow>;
export type LastSyncRow = z.infer<typeof LastSyncRow>;

/** An outbox row is a mutation exactly as it is pushed. */
export const OutboxRow = Mutation;
export type OutboxRow = Mutation;

export const EMPTY_COUNTER: OutboxCounterRow = { key: 'outbox', nextMutationId: 1, pendingChanges: 0 };
