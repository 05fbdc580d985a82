import type { Tx } from '../db/client';
import type { CloudEnv } from '../env';
import { sessions } from '../db/schema';
import { hashSecret, newSessionToken } from './secrets';

/**
 * Opening a session: the token goes to the client once; the database keeps its hash. A
 * session ends when it is revoked, when it goes unused for SESSION_IDLE_MINUTES, or at
 * SESSION_ABSOLUTE_MINUTES after sign-in whatever its use (session-check.ts enforces both).
 */
export interface OpenSession {
  userId: string;
  businessId: string;
  deviceLabel: string;
  now: Date;
  /** A rotated session keeps the end of the one it replaces: rotating must not extend it. */
  expiresAt?: Date;
}

export async function openSession(tx: Tx, env: Pick<CloudEnv, 'SESSION_ABSOLUTE_MINUTES'>, session: OpenSession): Promise<{ token: string; tokenHash: string }> {
  const token = newSessionToken();
  const tokenHash = hashSecret(token);
  await tx.insert(sessions).values({
    tokenHash,
    userId: session.userId,
    businessId: session.businessId,
    deviceLabel: session.deviceLabel,
    createdAt: session.now,
    lastSeenAt: session.now,
    expiresAt: session.expiresAt ?? new Date(session.now.getTime() + env.SESSION_ABSOLUTE_MINUTES * 60_000),
  });
  return { token, tokenHash };
}
