import { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkRegistrationNumber, checkVatId, type RuleStrength } from '@core/registration';
import { businesses, memberships, users } from '../db/schema';
import { asSystem } from '../db/tenancy';
import { Uuid } from './inputs';
import type { SessionContext } from './me';
import { emailAtDomain } from './web-domain';

/**
 * Moderators' review of new businesses: the queue of those whose owner confirmed their
 * e-mail address, and approving or rejecting one. Runs as rateback_system: a moderator looks
 * across businesses, which no member role can.
 */

export interface IdentifierChecked {
  value: string;
  /**
   * How strongly today's rules check it: check digit, format only, none known, or 'refused'
   * when a rule changed since sign-up and now refuses it (shown, not hidden).
   */
  rule: RuleStrength | 'refused';
}

export interface QueuedBusiness {
  businessId: string;
  legalName: string;
  country: string;
  trade: string;
  region: string;
  registrationNumber: IdentifierChecked | null;
  vatId: IdentifierChecked | null;
  /** The stronger of the two checks, as recorded at sign-up. */
  registrationRule: string;
  webDomain: string;
  ownerName: string | null;
  ownerEmail: string | null;
  /** The owner's address is at the web domain (or a subdomain): a hint, not proof. */
  ownerEmailMatchesDomain: boolean;
  createdAt: string;
}

export async function reviewQueue(ctx: SessionContext): Promise<QueuedBusiness[]> {
  const rows = await asSystem(ctx.database, (tx) =>
    tx
      .select({
        businessId: businesses.id,
        legalName: businesses.legalName,
        country: businesses.country,
        trade: businesses.trade,
        region: businesses.region,
        registrationNumber: businesses.registrationNumber,
        vatId: businesses.vatId,
        registrationRule: businesses.registrationRule,
        webDomain: businesses.webDomain,
        createdAt: businesses.createdAt,
        ownerName: users.displayName,
        ownerEmail: users.email,
        ownerSince: memberships.createdAt,
      })
      .from(businesses)
      .leftJoin(memberships, and(eq(memberships.businessId, businesses.id), eq(memberships.role, 'owner')))
      .leftJoin(users, eq(users.id, memberships.userId))
      .where(eq(businesses.status, 'pending_review'))
      .orderBy(asc(businesses.createdAt), asc(memberships.createdAt)),
  );
  // One entry per business, with its first owner (the one who signed it up).
  const queue = new Map<string, QueuedBusiness>();
  for (const r of rows) {
    if (queue.has(r.businessId)) continue;
    queue.set(r.businessId, {
      businessId: r.businessId,
      legalName: r.legalName,
      country: r.country,
      trade: r.trade,
      region: r.region,
      registrationNumber: r.registrationNumber === null ? null : { value: r.registrationNumber, rule: ruleOf(checkRegistrationNumber(r.country, r.registrationNumber)) },
      vatId: r.vatId === null ? null : { value: r.vatId, rule: ruleOf(checkVatId(r.vatId, r.country)) },
      registrationRule: r.registrationRule,
      webDomain: r.webDomain,
      ownerName: r.ownerName,
      ownerEmail: r.ownerEmail,
      ownerEmailMatchesDomain: r.ownerEmail !== null && emailAtDomain(r.ownerEmail, r.webDomain),
      createdAt: r.createdAt.toISOString(),
    });
  }
  return [...queue.values()];
}

export const ApproveInput = z.strictObject({
  businessId: Uuid,
  note: z.string().trim().max(2000, 'Keep the note to 2000 characters or fewer').optional(),
});

export const RejectInput = z.strictObject({
  businessId: Uuid,
  // The owner reads it: say what to fix.
  note: z.string().trim().min(1, 'Say why, so the owner knows what to fix').max(2000, 'Keep the note to 2000 characters or fewer'),
});

export async function decide(
  ctx: SessionContext,
  businessId: string,
  status: 'approved' | 'rejected',
  note: string | null,
): Promise<{ businessId: string; status: 'approved' | 'rejected' }> {
  const now = ctx.now();
  await asSystem(ctx.database, async (tx) => {
    const [business] = await tx.select({ status: businesses.status }).from(businesses).where(eq(businesses.id, businessId)).for('update');
    if (!business) throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no business with that id.' });
    if (business.status !== 'pending_review') {
      throw new TRPCError({ code: 'CONFLICT', message: `This business is not waiting for review (it is ${business.status.replace('_', ' ')}).` });
    }
    await tx
      .update(businesses)
      .set({ status, reviewNote: note, reviewedBy: ctx.session.userId, reviewedAt: now })
      .where(eq(businesses.id, businessId));
  });
  return { businessId, status };
}

function ruleOf(result: { ok: true; rule: RuleStrength } | { ok: false }): RuleStrength | 'refused' {
  return result.ok ? result.rule : 'refused';
}
