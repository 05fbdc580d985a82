import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CloudContext } from '../context';
import { businesses, memberships, users } from '../db/schema';
import { asSystem } from '../db/tenancy';
import { DeviceLabel, EmailField, emailAt, tooSoon } from './inputs';
import { isModerator, type Me } from './me';
import { passwordMatches } from './passwords';
import { openSession } from './session-store';
import { waitMessage } from './sign-in-throttle';
import { claimAttempt, settleSuccess, type ThrottleKey } from './sign-in-throttle-store';

/**
 * Signing in with e-mail and password, slowed per account and per client address
 * (sign-in-throttle.ts). An unknown address and a wrong password get the same answer, and take
 * as long (passwords.ts), so sign-in does not tell which addresses have accounts.
 */

export const SignInInput = z.strictObject({
  email: EmailField,
  // No minimum here: an old password shorter than today's rule must still be refused politely.
  password: z.string().max(200, 'Keep the password to 200 characters or fewer'),
  deviceLabel: DeviceLabel,
});

const NOT_RIGHT = 'E-mail or password is not right.';

export async function signIn(ctx: CloudContext, input: z.infer<typeof SignInInput>): Promise<{ token: string; me: Me }> {
  const email = emailAt(['email'], input.email);
  const accountKey: ThrottleKey = `account:${email}`;
  const now = ctx.now();

  const attempt = await asSystem(ctx.database, async (tx) => {
    const claimed = await claimAttempt(tx, [accountKey, `address:${ctx.request.ip}`], now);
    if (!claimed.ok) return claimed;
    const [user] = await tx.select({ id: users.id, passwordHash: users.passwordHash, displayName: users.displayName, emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.email, email));
    return { ...claimed, user };
  });
  if (!attempt.ok) throw tooSoon(waitMessage(attempt.waitSeconds));

  // Outside any transaction: ~50 ms of hashing must not hold a connection (or all of PGlite).
  const matches = await passwordMatches(attempt.user?.passwordHash ?? null, input.password);
  const user = attempt.user;
  if (!matches || !user) throw new TRPCError({ code: 'UNAUTHORIZED', message: NOT_RIGHT });

  const signedIn = await asSystem(ctx.database, async (tx) => {
    await settleSuccess(tx, attempt.claim, [accountKey]);
    const [member] = await tx
      .select({ businessId: memberships.businessId, role: memberships.role, legalName: businesses.legalName, country: businesses.country, status: businesses.status, reviewNote: businesses.reviewNote })
      .from(memberships)
      .innerJoin(businesses, eq(businesses.id, memberships.businessId))
      .where(eq(memberships.userId, user.id));
    if (!member) return null;
    const { token } = await openSession(tx, ctx.env, { userId: user.id, businessId: member.businessId, deviceLabel: input.deviceLabel, now });
    return { token, member };
  });
  if (!signedIn) {
    throw new TRPCError({ code: 'FORBIDDEN', message: "You are no longer in a team on Rateback. Ask the business's owner to invite you again." });
  }
  const { member } = signedIn;
  return {
    token: signedIn.token,
    me: {
      user: { id: user.id, email, displayName: user.displayName, emailVerified: user.emailVerifiedAt !== null },
      business: { id: member.businessId, legalName: member.legalName, country: member.country, status: member.status, reviewNote: member.reviewNote },
      role: member.role,
      moderator: isModerator(ctx.env, email),
    },
  };
}
