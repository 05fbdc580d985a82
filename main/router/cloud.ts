import { tracked, TRPCError } from '@trpc/server';
import { CloudError } from '../services/cloud/cloud-errors';
import { CloudForwardInput, CloudSetUrlInput, CloudSubscribeInput } from '../services/cloud/cloud-inputs';
import { publicProcedure, router } from './trpc';

/**
 * The cloud, through main. Main holds the session token; the renderer's typed cloud client
 * (renderer/src/platform/cloud-client.ts) sends every query and mutation to `forward` and
 * every subscription to `subscribe`, and reads where it stands from `connection`.
 * The rules for tokens and sign-out are in services/cloud/cloud-connection.ts.
 */

/** The cloud's refusal (or main's "no answer") as a tRPC error with the same code and message. */
function rethrow(error: unknown): never {
  if (error instanceof CloudError) throw new TRPCError({ code: error.code, message: error.message, cause: error });
  throw error;
}

export const cloudRouter = router({
  /** → { url, signedIn, local, editable, localProblem } */
  connection: publicProcedure.query(({ ctx }) => ctx.cloud.info()),

  /** The connection now, then whenever it changes (signed out by the cloud, new address…). */
  changes: publicProcedure.subscription(async function* ({ ctx, signal }) {
    // Subscribe before reading, so a change made in between is not missed.
    const updates = ctx.cloud.changes(signal);
    yield await ctx.cloud.info();
    for await (const info of updates) yield info;
  }),

  /** A new cloud address, or null for the default (local) one; another cloud signs out. */
  setUrl: publicProcedure.input(CloudSetUrlInput).mutation(({ ctx, input }) => ctx.cloud.setUrl(input.url).catch(rethrow)),

  /**
   * One query or mutation of the cloud's router, by path, with this PC's session. Answers the
   * cloud's output as it is, except that a session token is taken out; fails with the
   * cloud's code, message and `data.issues`. A mutation even for cloud queries: it carries a
   * body (no URL length limit) and is never cached.
   */
  forward: publicProcedure
    .input(CloudForwardInput)
    .mutation(({ ctx, input, signal }): Promise<unknown> => ctx.cloud.forward(input, signal).catch(rethrow)),

  /**
   * One subscription of the cloud's router, by path. Events the cloud tracked keep their id,
   * so a reconnecting client resumes after the last one it saw. Ends when the session changes.
   */
  subscribe: publicProcedure.input(CloudSubscribeInput).subscription(async function* ({ ctx, input, signal }): AsyncGenerator<unknown> {
    const stop = signal ?? new AbortController().signal;
    try {
      for await (const event of ctx.cloud.subscribe(input, stop)) {
        yield event.id === null ? event.data : tracked(event.id, event.data);
      }
    } catch (error) {
      rethrow(error);
    }
  }),
});
