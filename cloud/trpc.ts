import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { CloudContext, SessionInfo } from './context';
import { resolveSession } from './accounts/session-check';

/**
 * tRPC is initialised once, here; only the procedure builders the cloud uses are exported.
 * Every procedure that touches a business's data is built on `memberProcedure` (or a role
 * builder on top of it), which resolves the session from the Authorization header and puts
 * the member's business and role in the context; the data itself is then read through
 * `asBusiness` so row-level security holds even if a procedure forgets a filter.
 */
const t = initTRPC.context<CloudContext>().create({
  errorFormatter({ shape, error }) {
    // Zod issues travel as field paths and messages, so a form can put each beside its input.
    // Input schemas fail with a ZodError; procedures report field problems the same way.
    // Anything else carrying an `issues` array of zod's shape is read too (zod 4's plain
    // `new ZodError()` is not an Error, so tRPC wraps it and the instanceof check alone misses it).
    const cause = error.cause as unknown;
    const raw = cause instanceof z.ZodError ? cause.issues : hasIssues(cause) ? cause.issues : null;
    const issues = raw?.map((i) => ({ path: i.path.filter((p) => typeof p !== 'symbol'), message: i.message })) ?? null;
    return { ...shape, data: { ...shape.data, stack: undefined, issues } };
  },
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 30_000 },
  },
});

function hasIssues(value: unknown): value is { issues: { path: PropertyKey[]; message: string }[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { issues?: unknown }).issues);
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** Signed in, whether or not the e-mail address is proven yet (verify, resend, sign out). */
export const sessionProcedure = t.procedure.use(async ({ ctx, next }) => {
  const session = await resolveSession(ctx);
  return next({ ctx: { ...ctx, session } });
});

/** A member of a business with a proven e-mail address: the base of everything on the book. */
export const memberProcedure = sessionProcedure.use(({ ctx, next }) => {
  if (!ctx.session.emailVerified) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Confirm your e-mail address first: enter the code we sent you.' });
  }
  return next({ ctx: { ...ctx, session: ctx.session } });
});

const ROLE_RANK: Record<SessionInfo['role'], number> = { staff: 0, manager: 1, owner: 2 };

function atLeast(role: SessionInfo['role'], what: string) {
  return memberProcedure.use(({ ctx, next }) => {
    if (ROLE_RANK[ctx.session.role] < ROLE_RANK[role]) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Only ${role === 'owner' ? 'an owner' : 'a manager or owner'} can ${what}.` });
    }
    return next();
  });
}

/** See docs in cloud/README.md, "Roles": managers also chase invoices and set customers' status. */
export const managerProcedure = (what: string) => atLeast('manager', what);
/** Owners also manage the team, workshops and network sharing. */
export const ownerProcedure = (what: string) => atLeast('owner', what);

/** A platform moderator (listed in MODERATOR_EMAILS), who reviews new businesses. */
export const moderatorProcedure = sessionProcedure.use(({ ctx, next }) => {
  if (!ctx.session.emailVerified || !ctx.env.MODERATOR_EMAILS.includes(ctx.session.email)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only a Rateback moderator can review businesses.' });
  }
  return next();
});
