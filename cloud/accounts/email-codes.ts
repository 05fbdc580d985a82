import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { emailCodes } from '../db/schema';
import type { OutgoingMail } from '../mail/mailer';
import { verificationCodeMail } from '../mail/templates';
import { hashSecret, newEmailCode, sameDigest } from './secrets';

/**
 * The six-digit codes that prove an e-mail address (email_codes; run inside asSystem, since
 * members' role may not read them). Only a user's newest code counts, so asking for a new one
 * retires the old without a write, and a new code brings fresh attempts.
 *
 * A code is stored as the SHA-256 of its row id and the code: the id salts it, so equal codes
 * do not hash alike. A million codes are still quick to try against a stolen hash; the
 * 15-minute life and 5 attempts are what protect a code, not the hash.
 */
export const CODE_MINUTES = 15;
export const CODE_ATTEMPTS = 5;
export const RESEND_AFTER_MS = 60_000;

export async function issueEmailCode(tx: Tx, userId: string, now: Date): Promise<{ id: string; code: string }> {
  const id = randomUUID();
  const code = newEmailCode();
  await tx.insert(emailCodes).values({
    id,
    userId,
    codeHash: codeHash(id, code),
    expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
    createdAt: now,
  });
  return { id, code };
}

/** Drops a code whose mail could not be sent: nobody can type it, and it must not hold up a resend. */
export async function dropEmailCode(tx: Tx, id: string): Promise<void> {
  await tx.delete(emailCodes).where(eq(emailCodes.id, id));
}

export function emailCodeMail(to: string, code: string, businessId: string): OutgoingMail {
  return { to, kind: 'verify_email', businessId, ...verificationCodeMail({ code, expiresInMinutes: CODE_MINUTES }) };
}

export type CodeCheck =
  | { outcome: 'right' }
  | { outcome: 'wrong'; attemptsLeft: number }
  | { outcome: 'no_more_attempts' }
  | { outcome: 'expired' }
  | { outcome: 'none' };

/** Checks `code` against the newest unused code, counting a wrong one; marks a right one used. */
export async function checkEmailCode(tx: Tx, userId: string, code: string, now: Date): Promise<CodeCheck> {
  const [latest] = await tx
    .select()
    .from(emailCodes)
    .where(and(eq(emailCodes.userId, userId), isNull(emailCodes.usedAt)))
    .orderBy(desc(emailCodes.createdAt))
    .limit(1)
    .for('update');
  if (!latest) return { outcome: 'none' };
  if (latest.expiresAt.getTime() <= now.getTime()) return { outcome: 'expired' };
  if (latest.attempts >= CODE_ATTEMPTS) return { outcome: 'no_more_attempts' };
  if (sameDigest(latest.codeHash, codeHash(latest.id, code))) {
    await tx.update(emailCodes).set({ usedAt: now }).where(eq(emailCodes.id, latest.id));
    return { outcome: 'right' };
  }
  const attempts = latest.attempts + 1;
  await tx.update(emailCodes).set({ attempts }).where(eq(emailCodes.id, latest.id));
  return attempts >= CODE_ATTEMPTS ? { outcome: 'no_more_attempts' } : { outcome: 'wrong', attemptsLeft: CODE_ATTEMPTS - attempts };
}

/** When the user's newest code was made (used or not), for the one-a-minute limit on resending. */
export async function newestCodeAt(tx: Tx, userId: string): Promise<Date | null> {
  const [latest] = await tx.select({ createdAt: emailCodes.createdAt }).from(emailCodes).where(eq(emailCodes.userId, userId)).orderBy(desc(emailCodes.createdAt)).limit(1);
  return latest?.createdAt ?? null;
}

function codeHash(id: string, code: string): string {
  return hashSecret(`${id}:${code}`);
}
