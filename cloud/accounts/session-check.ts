import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import type { CloudContext, SessionInfo } from '../context';
import { businesses, memberships, sessions, users } from '../db/schema';
import { asSystem } from '../db/tenancy';
import { hashSecret } from './secrets';

/**
 * Every signed-in request starts here (cloud/trpc.ts `sessionProcedure`): the bearer token
 * becomes the member it belongs to, or UNAUTHORIZED.
 *
 * It runs as rateback_system because the token is all we know until it is found. It is on
 * every request's path, so it reads once and writes only when last_seen_at is more than a
 * minute old: idle expiry is counted in days, and a write per request would cost more than
 * the request.
 */
export const TOUCH_AFTER_MS = 60_000;

const ENDED = 'Sign in again: your session has ended.';

export async function resolveSession(ctx: CloudContext): Promise<SessionInfo> {
  const token = ctx.request.token;
  if (!token) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  const tokenHash = hashSecret(token);
  const now = ctx.now();
  const idleMs = ctx.env.SESSION_IDLE_MINUTES * 60_000;

  const found = await asSystem(ctx.database, async (tx) => {
    // Inner joins: a session whose membership was deleted (removed from the team) finds nothing.
    const [row] = await tx
      .select({
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        revokedAt: sessions.revokedAt,
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
        emailVerifiedAt: users.emailVerifiedAt,
        businessId: businesses.id,
        businessStatus: businesses.status,
        role: memberships.role,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.businessId, sessions.businessId)))
      .innerJoin(businesses, eq(businesses.id, sessions.businessId))
      .where(eq(sessions.tokenHash, tokenHash));
    if (!row || row.revokedAt !== null) return null;
    if (row.expiresAt.getTime() <= now.getTime()) return null;
    if (row.lastSeenAt.getTime() + idleMs <= now.getTime()) return null;
    if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
    }
    return row;
  });
  if (!found) throw new TRPCError({ code: 'UNAUTHORIZED', message: ENDED });

  return {
    tokenHash,
    userId: found.userId,
    email: found.email,
    displayName: found.displayName,
    emailVerified: found.emailVerifiedAt !== null,
    businessId: found.businessId,
    businessStatus: found.businessStatus,
    role: found.role,
  };
}
