import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import type { MemberRole } from '@core/member';
import type { CloudContext, SessionInfo } from '../context';
import { businesses } from '../db/schema';
import { asBusiness } from '../db/tenancy';

/** Who is signed in, for the app's first screen: `account.me`, and what sign-up, sign-in and joining return. */
export interface Me {
  user: { id: string; email: string; displayName: string; emailVerified: boolean };
  business: { id: string; legalName: string; country: string; status: SessionInfo['businessStatus']; reviewNote: string | null };
  role: MemberRole;
  /** Listed in MODERATOR_EMAILS: the app shows the review queue. */
  moderator: boolean;
}

/** A context that has passed sessionProcedure. */
export type SessionContext = CloudContext & { session: SessionInfo };

export function isModerator(env: CloudContext['env'], email: string): boolean {
  return env.MODERATOR_EMAILS.includes(email);
}

export async function readMe(ctx: SessionContext): Promise<Me> {
  const { session } = ctx;
  const [business] = await asBusiness(ctx.database, session.businessId, (tx) =>
    tx
      .select({ id: businesses.id, legalName: businesses.legalName, country: businesses.country, status: businesses.status, reviewNote: businesses.reviewNote })
      .from(businesses)
      .where(eq(businesses.id, session.businessId)),
  );
  if (!business) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in again: your business is no longer on Rateback.' });
  return {
    user: { id: session.userId, email: session.email, displayName: session.displayName, emailVerified: session.emailVerified },
    business,
    role: session.role,
    moderator: isModerator(ctx.env, session.email),
  };
}
