import { TRPCError } from '@trpc/server';
import { WatchError, type WatchChange } from '../services/watch/watch-api';
import {
  AcknowledgeInput,
  AlertListInput,
  ConfigureInput,
  CustomerWatchInput,
  CustomerWatchUpdate,
  MarkSentInput,
  MirrorDeltaInput,
  MirrorReplaceInput,
  PlanPatch,
  PromiseAddInput,
  PromiseListInput,
  ReminderLogInput,
  TodayInput,
  WatchEventInput,
} from '../services/watch/watch-inputs';
import { publicProcedure, router } from './trpc';

/**
 * The watch: chasing late invoices and blacklist alerts, run by main so it keeps going while
 * the window is hidden. The renderer feeds it a mirror of the book (`mirror.replace` at start,
 * `mirror.delta` as the book changes) and reads back what to chase today and what to alert.
 * Inputs are strict zod schemas with caps (services/watch/watch-inputs.ts); outputs are the
 * view types in services/watch/watch-api.ts, each naming its fields.
 */

/** The watch's refusals as tRPC errors; anything else stays an internal error. */
function call<T>(op: () => T): T {
  try {
    return op();
  } catch (error) {
    if (error instanceof WatchError) throw new TRPCError({ code: error.code, message: error.message, cause: error });
    throw error;
  }
}

export const watchRouter = router({
  /** The business's time zone (what "today" is), currency, locale and name for drafts. Call at app start. */
  configure: publicProcedure.input(ConfigureInput).mutation(({ ctx, input }) => call(() => ctx.watch.configure(input))),

  mirror: router({
    /** One chunk of a full snapshot; on `final`, rows not in this generation are dropped and the watch evaluates. */
    replace: publicProcedure.input(MirrorReplaceInput).mutation(({ ctx, input }) => call(() => ctx.watch.mirrorReplace(input))),
    /**
     * Changes since the snapshot; an invoice paid off is removed. The watch evaluates after each.
     * (The design called this `apply`; tRPC reserves `apply`, `call` and `then` as names.)
     */
    delta: publicProcedure.input(MirrorDeltaInput).mutation(({ ctx, input }) => call(() => ctx.watch.mirrorDelta(input))),
  }),

  /** Something happened at the counter that may deserve an alert. */
  event: publicProcedure.input(WatchEventInput).mutation(({ ctx, input }) => call(() => ctx.watch.event(input))),

  plan: router({
    get: publicProcedure.query(({ ctx }) => call(() => ctx.watch.plan())),
    update: publicProcedure.input(PlanPatch).mutation(({ ctx, input }) => call(() => ctx.watch.updatePlan(input))),
  }),

  customer: router({
    get: publicProcedure.input(CustomerWatchInput).query(({ ctx, input }) => call(() => ctx.watch.customer(input.customerId))),
    update: publicProcedure.input(CustomerWatchUpdate).mutation(({ ctx, input }) => call(() => ctx.watch.updateCustomer(input))),
  }),

  promises: router({
    add: publicProcedure.input(PromiseAddInput).mutation(({ ctx, input }) => call(() => ctx.watch.addPromise(input))),
    list: publicProcedure.input(PromiseListInput).query(({ ctx, input }) => call(() => ctx.watch.promises(input?.customerId))),
  }),

  /** What to chase today, most pressing first, with drafts; and broken promises. */
  today: publicProcedure.input(TodayInput).query(({ ctx, input }) => call(() => ctx.watch.today(input?.limit))),

  reminders: router({
    markSent: publicProcedure.input(MarkSentInput).mutation(({ ctx, input }) => call(() => ctx.watch.markSent(input))),
    log: publicProcedure.input(ReminderLogInput).query(({ ctx, input }) => call(() => ctx.watch.reminderLog(input?.customerId, input?.limit))),
  }),

  alerts: router({
    list: publicProcedure.input(AlertListInput).query(({ ctx, input }) => call(() => ctx.watch.alerts(input))),
    acknowledge: publicProcedure.input(AcknowledgeInput).mutation(({ ctx, input }) => call(() => ctx.watch.acknowledge(input))),
  }),

  /**
   * The counts now, then on every change: new counts and any newly raised alerts. Changes that
   * arrive faster than the reader are merged (latest counts, every alert), never dropped.
   */
  changes: publicProcedure.subscription(async function* ({ ctx, signal }): AsyncGenerator<WatchChange> {
    // Subscribe before reading, so a change made in between is not missed.
    const updates = ctx.watch.changes(signal);
    yield { counts: call(() => ctx.watch.counts()), newAlerts: [] };
    for await (const change of updates) yield change;
  }),
});
