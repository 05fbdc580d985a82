import { appInfoRouter } from './app-info';
import { cloudRouter } from './cloud';
import { settingsRouter } from './settings';
import { router } from './trpc';
import { watchRouter } from './watch';

/**
 * The one contract between the renderer and main, over IPC (Electron) or HTTP (web mode).
 * The renderer imports only its type.
 */
export const appRouter = router({
  app: appInfoRouter,
  cloud: cloudRouter,
  settings: settingsRouter,
  watch: watchRouter,
});

export type AppRouter = typeof appRouter;
