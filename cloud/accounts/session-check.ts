import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import type { CloudContext, SessionInfo } from '../context';
import { rowsOf } from '../db/client';
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

interface SessionRow {
  live: boolean;
  stale: boolean;
  userId: string;
  email: string;
  displayName: string;
  emailVerified: boolean;
  businessId: string;
  businessStatus: SessionInfo['businessStatus'];
  role: SessionInfo['role'];
}

/**
 * The session's member in one statement, written as SQL rather than through Drizzle's query
 * builder: on every request's path, rebuilding a four-table select cost more CPU than running it.
 * Inner joins: a session whose membership was deleted (removed from the team) finds nothing.
 * Expiry, idleness and the touch are decided in SQL against `now`, so no timestamp is parsed.
 */
function sessionQuery(tokenHash: string, now: string, idleMs: number) {
  return sql`
    SELECT s.revoked_at IS NULL AND s.expires_at > ${now}::timestamptz
             AND s.last_seen_at + make_interval(secs => ${idleMs / 1000}::float8) > ${now}::timestamptz AS live,
           ${now}::timestamptz - s.last_seen_at > make_interval(secs => ${TOUCH_AFTER_MS / 1000}::float8) AS stale,
           u.id AS "userId", u.email, u.display_name AS "displayName", u.email_verified_at IS NOT NULL AS "emailVerified",
           b.id AS "businessId", b.status AS "businessStatus", m.role
    FROM sessions s
    INNER JOIN users u ON u.id = s.user_id
    INNER JOIN memberships m ON m.user_id = s.user_id AND m.business_id = s.business_id
    INNER JOIN businesses b ON b.id = s.business_id
    WHERE s.token_hash = ${tokenHash}`;
}

export async function resolveSession(ctx: CloudContext): Promise<SessionInfo> {
  const token = ctx.request.token;
  if (!token) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  const tokenHash = hashSecret(token);
  const now = ctx.now().toISOString();
  const idleMs = ctx.env.SESSION_IDLE_MINUTES * 60_000;

  const found = await asSystem(ctx.database, async (tx) => {
    const [row] = rowsOf<SessionRow>(await tx.execute(sessionQuery(tokenHash, now, idleMs)));
    if (!row?.live) return null;
    if (row.stale) {
      await tx.execute(sql`UPDATE sessions SET last_seen_at = ${now}::timestamptz WHERE token_hash = ${tokenHash}`);
    }
    return row;
  });
  if (!found) throw new TRPCError({ code: 'UNAUTHORIZED', message: ENDED });

  return {
    tokenHash,
    userId: found.userId,
    email: found.email,
    displayName: found.displayName,
    emailVerified: found.emailVerified,
    businessId: found.businessId,
    businessStatus: found.businessStatus,
    role: found.role,
  };
}
