import { tracked } from '@trpc/server';
import { z } from 'zod';
import { DeviceStatusInput, PullInput, PushInput } from '@core/sync/protocol';
import { memberProcedure, router } from '../trpc';
import { applyPush } from '../sync/apply-push';
import { readDeviceStatus } from '../sync/device-status';
import { readPull } from '../sync/read-pull';
import { readBusinessVersion } from '../sync/push-statements';
import { versionsAfter } from '../sync/version-stream';
import { asBusiness } from '../db/tenancy';

/**
 * Sync of the book between a business's PCs (the contract is core/sync/protocol.ts). Every
 * procedure works on the signed-in member's business; the business never comes from the input.
 */
const OnVersionInput = z.strictObject({
  /** The version the device has pulled up to. */
  since: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** Set by the tRPC client when it reconnects: the id of the last event it received. */
  lastEventId: z.string().max(20).nullish(),
});

export const syncRouter = router({
  push: memberProcedure.input(PushInput).mutation(({ ctx, input }) => applyPush(ctx, ctx.session.businessId, input)),

  pull: memberProcedure.input(PullInput).query(({ ctx, input }) => readPull(ctx.database, ctx.session.businessId, input)),

  deviceStatus: memberProcedure.input(DeviceStatusInput).query(({ ctx, input }) => readDeviceStatus(ctx.database, ctx.session.businessId, input.deviceId)),

  /**
   * The business's version as it moves (SSE): the current one at once if the device is behind,
   * then each new one. Each event's id is its version, so a reconnecting client resumes after
   * the last one it saw instead of from `since`.
   */
  onVersion: memberProcedure.input(OnVersionInput).subscription(async function* ({ ctx, input, signal }) {
    const { businessId } = ctx.session;
    const resumedAt = Number(input.lastEventId ?? '');
    const since = Number.isSafeInteger(resumedAt) && resumedAt > input.since ? resumedAt : input.since;
    const source = {
      subscribe: (listener: (version: number) => void) => ctx.versions.subscribe(businessId, listener),
      current: () => asBusiness(ctx.database, businessId, (tx) => readBusinessVersion(tx, businessId)),
    };
    for await (const version of versionsAfter(source, since, signal)) {
      yield tracked(String(version), { version });
    }
  }),
});
