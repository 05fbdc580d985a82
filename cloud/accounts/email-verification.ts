import { TRPCError } from '@trpc/server';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { businesses, users } from '../db/schema';
import { asSystem } from '../db/tenancy';
import { deliver } from './mail-delivery';
import { checkEmailCode, dropEmailCode, emailCodeMail, issueEmailCode, newestCodeAt, RESEND_AFTER_MS, type CodeCheck } from './email-codes';
import { fieldError } from './field-errors';
import { tooSoon } from './inputs';
import { readMe, type Me, type SessionContext } from './me';

/**
 * Proving the e-mail address given at sign-up. Both steps run as rateback_system: email_codes
 * and users' verified flag are not the member role's to touch.
 */

export const VerifyEmailInput = z.strictObject({
  code: z.string().trim().regex(/^\d{6}$/, 'The code is the 6 digits in the mail we sent you'),
});

export async function verifyEmail(ctx: SessionContext, input: z.infer<typeof VerifyEmailInput>): Promise<{ me: Me }> {
  const { session } = ctx;
  if (session.emailVerified) return { me: await readMe(ctx) };
  const now = ctx.now();
  // The check returns rather than throws, so a wrong code's counted attempt is committed.
  const check: CodeCheck = await asSystem(ctx.database, async (tx) => {
    const result = await checkEmailCode(tx, session.userId, input.code, now);
    if (result.outcome === 'right') {
      await tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, session.userId));
      await tx
        .update(businesses)
        .set({ status: 'pending_review' })
        .where(and(eq(businesses.id, session.businessId), eq(businesses.status, 'pending_email')));
    }
    return result;
  });
  switch (check.outcome) {
    case 'right':
      return { me: await readMe({ ...ctx, session: { ...session, emailVerified: true } }) };
    case 'wrong':
      throw fieldError(['code'], `That code is not right: ${check.attemptsLeft} ${check.attemptsLeft === 1 ? 'try' : 'tries'} left.`);
    case 'no_more_attempts':
      throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Too many wrong codes: ask for a new code and enter that one.' });
    case 'expired':
      throw fieldError(['code'], 'This code has expired: ask for a new code.');
    case 'none':
      throw fieldError(['code'], 'There is no code waiting for you: ask for a new code.');
  }
}

export async function resendCode(ctx: SessionContext): Promise<{ sentTo: string }> {
  const { session } = ctx;
  if (session.emailVerified) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Your e-mail address is already confirmed.' });
  const now = ctx.now();
  const issued = await asSystem(ctx.database, async (tx) => {
    // Lock the user's row so two resends at once cannot both pass the one-a-minute check.
    await tx.select({ id: users.id }).from(users).where(and(eq(users.id, session.userId), isNull(users.emailVerifiedAt))).for('update');
    const last = await newestCodeAt(tx, session.userId);
    const waitMs = last ? last.getTime() + RESEND_AFTER_MS - now.getTime() : 0;
    if (waitMs > 0) return { waitSeconds: Math.ceil(waitMs / 1000) };
    return { code: await issueEmailCode(tx, session.userId, now) };
  });
  if ('waitSeconds' in issued) {
    throw tooSoon(`We sent a code less than a minute ago. Wait ${issued.waitSeconds} seconds before asking for another.`);
  }
  const delivery = await deliver(ctx.mailer, emailCodeMail(session.email, issued.code.code, session.businessId));
  if (!delivery.sent) {
    await asSystem(ctx.database, (tx) => dropEmailCode(tx, issued.code.id));
    throw new TRPCError({ code: 'BAD_GATEWAY', message: `${delivery.problem}. Try again in a minute.` });
  }
  return { sentTo: session.email };
}
