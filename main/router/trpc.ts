import { initTRPC } from '@trpc/server';
import { cloudIssuesOf } from '../services/cloud/cloud-errors';
import type { MainContext } from './context';

/**
 * tRPC is initialised once, here. Only the builders the app uses are exported, so every
 * procedure in main goes through the same context type and configuration.
 */
const t = initTRPC.context<MainContext>().create({
  errorFormatter({ shape, error }) {
    // A cloud call forwarded by main keeps the cloud's field issues where the cloud puts them
    // (`data.issues`), so a form reads a forwarded refusal as if it had called the cloud.
    return { ...shape, data: { ...shape.data, issues: cloudIssuesOf(error.cause) } };
  },
  sse: {
    // Alert streams (later issues) may sit idle for hours: a comment every 15 s keeps the
    // connection visibly alive, and the client reconnects if it hears nothing for 30 s.
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 30_000 },
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
