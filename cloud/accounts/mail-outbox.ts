import { TRPCError } from '@trpc/server';
import type { OutboxMail } from '../mail/outbox-mailer';
import type { SessionContext } from './me';

/**
 * The owner's view of the outbox: without an SMTP server the cloud writes mail to a folder
 * (cloud/mail/outbox-mailer.ts), and an owner must still be able to read the codes it holds,
 * above all the invite codes for their team.
 *
 * Only mail sent for this business is shown (each mail records the business it was sent for):
 * a shared address never lets one business read another's invite codes, and a person who
 * moved from one team to another does not carry their old team's mail along.
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
    return { smtp: false, mails: own.filter((m) => m.kind === 'verify_email' && m.businessId === session.businessId) };
  }
  const mails = (await mailer.list()).filter((m) => m.businessId === session.businessId).slice(0, OUTBOX_LIMIT);
  return { smtp: false, mails };
}
