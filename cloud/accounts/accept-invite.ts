import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { MemberRole } from '@core/member';
import type { CloudContext } from '../context';
import { businesses, invites, memberships, users } from '../db/schema';
import { asSystem } from '../db/tenancy';
import type { Tx } from '../db/client';
import { isUniqueViolation } from './db-errors';
import { fieldError } from './field-errors';
import { DeviceLabel, EmailField, emailAt, PasswordField, Text, tooSoon } from './inputs';
import { isModerator, type Me } from './me';
import { hashPassword, passwordMatches } from './passwords';
import { hashSecret, INVITE_CODE_LENGTH, normaliseInviteCode } from './secrets';
import { openSession } from './session-store';
import { waitMessage } from './sign-in-throttle';
import { claimAttempt, settleSuccess, type ThrottleClaim } from './sign-in-throttle-store';

/**
 * Joining a team with an invite code. The code arrived by mail at the invited address, so
 * typing it proves that address: the new account starts with its e-mail confirmed.
 *
 * Someone removed from a team keeps their account and may be invited again (to any team);
 * they then sign the invite with their existing password, so an invite code alone never
 * takes over an account. Wrong codes are slowed per client address like sign-in, so the
 * code space cannot be walked.
 */

export const AcceptInviteInput = z.strictObject({
  code: z.string().max(40, 'The invite code has 8 letters and digits'),
  email: EmailField,
  displayName: Text(120, 'your name'),
  password: PasswordField,
  deviceLabel: DeviceLabel,
});

type Found =
  | { problem: string }
  | { claim: ThrottleClaim; invite: { id: string; businessId: string; role: MemberRole }; existing: { id: string; passwordHash: string; member: boolean } | null };

export async function acceptInvite(ctx: CloudContext, input: z.infer<typeof AcceptInviteInput>): Promise<{ token: string; me: Me }> {
  const code = normaliseInviteCode(input.code);
  if (code.length !== INVITE_CODE_LENGTH) throw fieldError(['code'], 'The invite code has 8 letters and digits, as in the mail.');
  const email = emailAt(['email'], input.email);
  const now = ctx.now();

  // Returns rather than throws, so the counted attempt is committed with a wrong code.
  const found = await asSystem(ctx.database, async (tx): Promise<Found | { waitSeconds: number }> => {
    const claimed = await claimAttempt(tx, [`invite-address:${ctx.request.ip}`], now);
    if (!claimed.ok) return { waitSeconds: claimed.waitSeconds };
    const [row] = await tx.select().from(invites).where(eq(invites.codeHash, hashSecret(code)));
    if (!row) return { problem: 'That invite code is not right: check it against the mail.' };
    const problem = inviteProblem(row, email, now);
    if (problem) return { problem };
    const [user] = await tx.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email));
    const member = user ? (await tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.userId, user.id))).length > 0 : false;
    return { claim: claimed.claim, invite: { id: row.id, businessId: row.businessId, role: row.role }, existing: user ? { ...user, member } : null };
  });
  if ('waitSeconds' in found) throw tooSoon(waitMessage(found.waitSeconds));
  if ('problem' in found) throw fieldError(['code'], found.problem);
  if (found.existing?.member) throw alreadyInATeam();

  let passwordHash: string | null = null;
  if (found.existing) {
    if (!(await passwordMatches(found.existing.passwordHash, input.password))) {
      throw fieldError(['password'], 'This e-mail address already has a Rateback account: enter its password to join.', 'UNAUTHORIZED');
    }
  } else {
    passwordHash = await hashPassword(input.password);
  }

  const joined = await asSystem(ctx.database, async (tx) => {
    await settleSuccess(tx, found.claim, []);
    // Checked again under a lock: two people typing one code at once must not both get in.
    const [row] = await tx.select().from(invites).where(eq(invites.id, found.invite.id)).for('update');
    const problem = row ? inviteProblem(row, email, now) : 'That invite was withdrawn.';
    if (problem) return { problem };
    const userId = found.existing?.id ?? randomUUID();
    if (passwordHash !== null) {
      await tx.insert(users).values({ id: userId, email, displayName: input.displayName, passwordHash, emailVerifiedAt: now, createdAt: now });
    } else {
      await tx.update(users).set({ displayName: input.displayName, emailVerifiedAt: now }).where(eq(users.id, userId));
    }
    await tx.insert(memberships).values({ businessId: found.invite.businessId, userId, role: found.invite.role, createdAt: now });
    await tx.update(invites).set({ acceptedAt: now }).where(eq(invites.id, found.invite.id));
    const { token } = await openSession(tx, ctx.env, { userId, businessId: found.invite.businessId, deviceLabel: input.deviceLabel, now });
    const [business] = await readBusiness(tx, found.invite.businessId);
    if (!business) throw new TRPCError({ code: 'NOT_FOUND', message: 'The business that sent this invite is no longer on Rateback.' });
    return { token, userId, business };
  }).catch((error: unknown) => {
    // The address signed up, or joined another team, in the moment since the first look.
    if (isUniqueViolation(error)) throw alreadyInATeam();
    throw error;
  });
  if ('problem' in joined) throw fieldError(['code'], joined.problem);

  return {
    token: joined.token,
    me: {
      user: { id: joined.userId, email, displayName: input.displayName, emailVerified: true },
      business: joined.business,
      role: found.invite.role,
      moderator: isModerator(ctx.env, email),
    },
  };
}

function inviteProblem(row: typeof invites.$inferSelect, email: string, now: Date): string | null {
  if (row.acceptedAt) return 'This invite code has already been used. Ask the owner for a new invite.';
  if (row.revokedAt) return 'This invite was withdrawn. Ask the owner for a new invite.';
  if (row.expiresAt.getTime() <= now.getTime()) return 'This invite code has expired. Ask the owner for a new invite.';
  if (row.email !== email) return 'This invite was sent to another e-mail address: enter the address the invite came to.';
  return null;
}

function alreadyInATeam(): TRPCError {
  return fieldError(['email'], 'This e-mail address is already in a team on Rateback; one account can be in one team at a time.', 'CONFLICT');
}

function readBusiness(tx: Tx, id: string) {
  return tx
    .select({ id: businesses.id, legalName: businesses.legalName, country: businesses.country, status: businesses.status, reviewNote: businesses.reviewNote })
    .from(businesses)
    .where(eq(businesses.id, id));
}
