import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { MemberRole } from '@core/member';
import { businesses, invites, memberships, users } from '../db/schema';
import { asBusiness } from '../db/tenancy';
import { teamInviteMail } from '../mail/templates';
import { isUniqueViolation } from './db-errors';
import { fieldError } from './field-errors';
import { EmailField, emailAt, RoleField, Uuid } from './inputs';
import { deliver } from './mail-delivery';
import type { SessionContext } from './me';
import { hashSecret, newInviteCode } from './secrets';

/**
 * Inviting people to the team. An invite is a single-use code mailed to one address; it is
 * stored only as its SHA-256 (found again by that hash when someone types it), and lasts a
 * week. The owner's business is the only one touched, so all of it runs as that business.
 */
export const INVITE_DAYS = 7;

export const InviteInput = z.strictObject({ email: EmailField, role: RoleField });

export interface PendingInvite {
  id: string;
  email: string;
  role: MemberRole;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}

export async function invite(ctx: SessionContext, input: z.infer<typeof InviteInput>): Promise<PendingInvite> {
  const { session } = ctx;
  const email = emailAt(['email'], input.email);
  const now = ctx.now();
  const code = newInviteCode();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 24 * 3600_000);

  const made = await asBusiness(ctx.database, session.businessId, async (tx) => {
    const [member] = await tx.select({ userId: users.id }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.email, email));
    if (member) return 'member' as const;
    const [pending] = await tx.select({ id: invites.id }).from(invites).where(and(eq(invites.email, email), pendingAt(now)));
    if (pending) return 'invited' as const;
    const [business] = await tx.select({ legalName: businesses.legalName }).from(businesses).where(eq(businesses.id, session.businessId));
    await tx.insert(invites).values({ id, businessId: session.businessId, email, role: input.role, codeHash: hashSecret(code), invitedBy: session.userId, expiresAt, createdAt: now });
    return { businessName: business?.legalName ?? 'your team' };
  }).catch((error: unknown) => {
    // A code equal to one already out there (31^8 makes it rare): asking again makes a new one.
    if (isUniqueViolation(error)) throw new TRPCError({ code: 'CONFLICT', message: 'That did not work this time; send the invite again.' });
    throw error;
  });
  if (made === 'member') throw fieldError(['email'], `${email} is already in your team.`, 'CONFLICT');
  if (made === 'invited') throw fieldError(['email'], `${email} already has an invite waiting. Revoke it first to send a new one.`, 'CONFLICT');

  const delivery = await deliver(ctx.mailer, {
    to: email,
    kind: 'invite',
    businessId: session.businessId,
    ...teamInviteMail({ businessName: made.businessName, inviterName: session.displayName, role: input.role, code, expiresAt }),
  });
  if (!delivery.sent) {
    // Nobody received the code, so nobody can use it; revoked, the owner can simply invite again.
    await asBusiness(ctx.database, session.businessId, (tx) => tx.update(invites).set({ revokedAt: now }).where(eq(invites.id, id)));
    throw new TRPCError({ code: 'BAD_GATEWAY', message: `${delivery.problem}. The invite was not sent; try again.` });
  }
  return { id, email, role: input.role, invitedBy: session.displayName, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
}

/** Invites not yet used, revoked or expired, oldest first. */
export async function pendingInvites(ctx: SessionContext): Promise<PendingInvite[]> {
  const now = ctx.now();
  const rows = await asBusiness(ctx.database, ctx.session.businessId, (tx) =>
    tx
      .select({ id: invites.id, email: invites.email, role: invites.role, invitedBy: users.displayName, createdAt: invites.createdAt, expiresAt: invites.expiresAt })
      .from(invites)
      // Left join: the inviter may since have left the team (members see only teammates).
      .leftJoin(users, eq(users.id, invites.invitedBy))
      .where(pendingAt(now))
      .orderBy(asc(invites.createdAt)),
  );
  return rows.map((r) => ({ ...r, invitedBy: r.invitedBy ?? 'a former member', createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() }));
}

export const RevokeInviteInput = z.strictObject({ id: Uuid });

export async function revokeInvite(ctx: SessionContext, input: z.infer<typeof RevokeInviteInput>): Promise<{ revoked: true }> {
  const now = ctx.now();
  const revoked = await asBusiness(ctx.database, ctx.session.businessId, (tx) =>
    tx.update(invites).set({ revokedAt: now }).where(and(eq(invites.id, input.id), pendingAt(now))).returning({ id: invites.id }),
  );
  if (revoked.length === 0) throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no such invite waiting: it may have been used, revoked or expired.' });
  return { revoked: true };
}

function pendingAt(now: Date) {
  return and(isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, now));
}
