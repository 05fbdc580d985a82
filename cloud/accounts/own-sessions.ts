import { TRPCError } from '@trpc/server';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { sessions } from '../db/schema';
import { asBusiness } from '../db/tenancy';
import { SessionId } from './inputs';
import type { SessionContext } from './me';
import { SESSION_ID_LENGTH, sessionIdOf } from './secrets';
import { openSession } from './session-store';

/**
 * A person's own sessions: rotating the current token, signing out here or everywhere, and
 * the list of devices signed in. Sessions carry their business, so all of this runs as the
 * member's business (row-level security) and is narrowed to the person's own user id.
 */

export async function rotateSession(ctx: SessionContext): Promise<{ token: string }> {
  const { session } = ctx;
  const now = ctx.now();
  return asBusiness(ctx.database, session.businessId, async (tx) => {
    const [current] = await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.tokenHash, session.tokenHash), isNull(sessions.revokedAt)))
      .returning({ deviceLabel: sessions.deviceLabel, expiresAt: sessions.expiresAt });
    // Revoked by a parallel request between the check and here: that request won.
    if (!current) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in again: your session has ended.' });
    const { token } = await openSession(tx, ctx.env, { userId: session.userId, businessId: session.businessId, deviceLabel: current.deviceLabel, now, expiresAt: current.expiresAt });
    return { token };
  });
}

export async function signOut(ctx: SessionContext): Promise<{ signedOut: number }> {
  const { session } = ctx;
  const now = ctx.now();
  const ended = await asBusiness(ctx.database, session.businessId, (tx) =>
    tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.tokenHash, session.tokenHash), isNull(sessions.revokedAt))).returning({ tokenHash: sessions.tokenHash }),
  );
  return { signedOut: ended.length };
}

/** Ends every session of this person, this one included (a lost laptop, a shared password). */
export async function signOutEverywhere(ctx: SessionContext): Promise<{ signedOut: number }> {
  const { session } = ctx;
  const now = ctx.now();
  const ended = await asBusiness(ctx.database, session.businessId, (tx) =>
    tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, session.userId), isNull(sessions.revokedAt))).returning({ tokenHash: sessions.tokenHash }),
  );
  return { signedOut: ended.length };
}

/** Times are ISO strings: the API has no transformer, so a Date would arrive as one anyway. */
export interface SessionListing {
  id: string;
  deviceLabel: string;
  createdAt: string;
  lastSeenAt: string;
  /** The session this request came with. */
  current: boolean;
}

/** Sessions that still work: not revoked, not past either expiry. Most recently used first. */
export async function listSessions(ctx: SessionContext): Promise<SessionListing[]> {
  const { session } = ctx;
  const now = ctx.now();
  const idleCutoff = new Date(now.getTime() - ctx.env.SESSION_IDLE_MINUTES * 60_000);
  const rows = await asBusiness(ctx.database, session.businessId, (tx) =>
    tx
      .select({ tokenHash: sessions.tokenHash, deviceLabel: sessions.deviceLabel, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
      .from(sessions)
      .where(and(eq(sessions.userId, session.userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleCutoff)))
      .orderBy(desc(sessions.lastSeenAt)),
  );
  return rows.map((r) => ({ id: sessionIdOf(r.tokenHash), deviceLabel: r.deviceLabel, createdAt: r.createdAt.toISOString(), lastSeenAt: r.lastSeenAt.toISOString(), current: r.tokenHash === session.tokenHash }));
}

export const RevokeSessionInput = z.strictObject({ id: SessionId });

export async function revokeSession(ctx: SessionContext, input: z.infer<typeof RevokeSessionInput>): Promise<{ revoked: true }> {
  const { session } = ctx;
  const now = ctx.now();
  const ended = await asBusiness(ctx.database, session.businessId, (tx) =>
    tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, session.userId), isNull(sessions.revokedAt), eq(sql`left(${sessions.tokenHash}, ${SESSION_ID_LENGTH})`, input.id)))
      .returning({ tokenHash: sessions.tokenHash }),
  );
  if (ended.length === 0) throw new TRPCError({ code: 'NOT_FOUND', message: 'That session has already ended.' });
  return { revoked: true };
}
