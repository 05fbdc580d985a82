import { publicProcedure, router } from './trpc';

export const APP_NAME = 'Rateback';

/** Facts about the running app, for an About box and for support ("which version, where?"). */
export const appInfoRouter = router({
  info: publicProcedure.query(({ ctx }) => ({
    name: APP_NAME,
    version: ctx.version,
    runtime: ctx.runtime,
    dataDir: ctx.dataDir,
    // The host machine's OS: in web mode too, main runs on the same PC as the browser.
    platform: ctx.platform,
  })),
});
