import { publicProcedure, router } from '../trpc';
import { accountRouter } from './account';
import { bookRouter } from './book';
import { moderationRouter } from './moderation';
import { syncRouter } from './sync';
import { teamRouter } from './team';

/**
 * The cloud's API, one router per concern. Clients (the desktop's main process, the tests,
 * the benchmark) import only `type AppRouter`.
 */
export const appRouter = router({
  health: publicProcedure.query(({ ctx }) => ({ ok: true as const, database: ctx.database.kind })),
  account: accountRouter,
  team: teamRouter,
  moderation: moderationRouter,
  sync: syncRouter,
  book: bookRouter,
});

export type AppRouter = typeof appRouter;
