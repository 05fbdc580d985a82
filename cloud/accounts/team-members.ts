import { TRPCError } from '@trpc/server';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { MemberRole } from '@core/member';
import type { Tx } from '../db/client';
import { memberships, sessions, users } from '../db/schema';
import { asBusiness } from '../db/tenancy';
import { RoleField, Uuid } from './inputs';
import type { SessionContext } from './me';

/**
 * The team as its members see it, and the owner's changes to it. A business always keeps at
 * least one owner: without one, nobody could invite, change roles or manage sharing again.
 */

export interface TeamMember {
  userId: string;
  displayName: string;
  email: string;
  role: MemberRole;
  joinedAt: string;
}

export async function listMembers(ctx: SessionContext): Promise<TeamMember[]> {
  const rows = await asBusiness(ctx.database, ctx.session.businessId, (tx) =>
    tx
      .select({ userId: users.id, displayName: users.displayName, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .orderBy(asc(memberships.createdAt)),
  );
  return rows.map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }));
}

export const ChangeRoleInput = z.strictObject({ userId: Uuid, role: RoleField });

export async function changeRole(ctx: SessionContext, input: z.infer<typeof ChangeRoleInput>): Promise<{ userId: string; role: MemberRole }> {
  await asBusiness(ctx.database, ctx.session.businessId, async (tx) => {
    const team = await lockTeam(tx);
    const target = team.find((m) => m.userId === input.userId);
    if (!target) throw notInTeam();
    if (target.role === input.role) return;
    if (target.role === 'owner' && ownerCount(team) === 1) {
      throw new TRPCError({ code: 'CONFLICT', message: 'This is the only owner. Make someone else an owner first.' });
    }
    await tx.update(memberships).set({ role: input.role }).where(eq(memberships.userId, input.userId));
  });
  return { userId: input.userId, role: input.role };
}

export const RemoveMemberInput = z.strictObject({ userId: Uuid });

/**
 * Takes someone off the team: their membership goes and every session of theirs ends in the
 * same transaction, so their very next request is refused. Their account stays (their name
 * on past ratings, and a later invite), but without a team they cannot sign in.
 */
export async function removeMember(ctx: SessionContext, input: z.infer<typeof RemoveMemberInput>): Promise<{ removed: true; sessionsEnded: number }> {
  const now = ctx.now();
  const ended = await asBusiness(ctx.database, ctx.session.businessId, async (tx) => {
    const team = await lockTeam(tx);
    const target = team.find((m) => m.userId === input.userId);
    if (!target) throw notInTeam();
    if (target.role === 'owner' && ownerCount(team) === 1) {
      throw new TRPCError({ code: 'CONFLICT', message: 'This is the only owner and cannot be removed. Make someone else an owner first.' });
    }
    await tx.delete(memberships).where(eq(memberships.userId, input.userId));
    return tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, input.userId), isNull(sessions.revokedAt)))
      .returning({ tokenHash: sessions.tokenHash });
  });
  return { removed: true, sessionsEnded: ended.length };
}

/**
 * The business's memberships, locked for this transaction: two owners demoting or removing
 * each other at the same moment must queue, or both could pass the "another owner is left"
 * check and leave none.
 */
function lockTeam(tx: Tx): Promise<{ userId: string; role: MemberRole }[]> {
  return tx.select({ userId: memberships.userId, role: memberships.role }).from(memberships).for('update');
}

function ownerCount(team: { role: MemberRole }[]): number {
  return team.filter((m) => m.role === 'owner').length;
}

function notInTeam(): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: 'That person is not in your team.' });
}
