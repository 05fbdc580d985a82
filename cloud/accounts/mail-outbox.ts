import { TRPCError } from '@trpc/server';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { invites, memberships, users } from '../db/schema';
import { asBusiness } from '../db/tenancy';
import type { OutboxMail } from '../mail/outbox-mailer';
import type { SessionContext } from './me';

/**
 * The owner's view of the outbox: without an SMTP server the cloud writes mail to a folder
 * (cloud/mail/outbox-mailer.ts), and an owner must still be able to read the codes it holds,
 * above all the invite codes for their team.
 *
 * Only mail that concerns this business is shown: everything to its members, and invites to
 * the addresses it has pending invites for (not other mail to those addresses, which may be
 * another business's business).
 *
 * An owner who has not confirmed their address yet sees only their own code mails: without
 * SMTP that code reaches nobody else, and this is how a fresh install gets past it. (That is
 * why this is a session procedure checking the role itself: ownerProcedure wants a confirmed
 * address first.)
 */
export const OUTBOX_LIMIT = 100;

export type OutboxListing = { smtp: true; mails: [] } | { smtp: false; mails: OutboxMail[] };

export async function listOutbox(ctx: SessionContext): Promise<OutboxListing> {
  const { mailer, session } = ctx;
  if (session.role !== 'owner') throw new TRPCError({ code: 'FORBIDDEN', message: 'Only an owner can read the mail outbox.' });
  if (mailer.transport === 'smtp') return { smtp: true, mails: [] };
  if (!session.emailVerified) {
    const own = await mailer.list({ to: session.email, limit: OUTBOX_LIMIT });
    return { smtp: false, mails: own.filter((m) => m.kind === 'verify_email') };
  }
  const now = ctx.now();
  const { members, invited } = await asBusiness(ctx.database, ctx.session.businessId, async (tx) => ({
    members: await tx.select({ email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)),
    invited: await tx.select({ email: invites.email }).from(invites).where(and(isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, now))),
  }));
  const memberEmails = new Set(members.map((m) => m.email));
  const inviteEmails = new Set(invited.map((i) => i.email));
  const all = await mailer.list({ to: [...memberEmails, ...inviteEmails] });
  const mails = all.filter((m) => memberEmails.has(m.to.trim().toLowerCase()) || m.kind === 'invite').slice(0, OUTBOX_LIMIT);
  return { smtp: false, mails };
}
