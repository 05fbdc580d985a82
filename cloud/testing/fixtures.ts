import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { MemberRole } from '@core/member';
import type { Database } from '../db/client';
import { businesses, memberships, sessions, users } from '../db/schema';
import { asSystem } from '../db/tenancy';

/**
 * Rows for tests that need a signed-in member without going through sign-up, e-mail codes and
 * moderation (those have their own tests). Tokens are stored as their SHA-256, like real ones.
 */
export interface SeededMember {
  businessId: string;
  userId: string;
  email: string;
  token: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function seedMember(
  database: Database,
  opts: { businessId?: string; role?: MemberRole; email?: string; status?: 'pending_review' | 'approved'; now?: Date } = {},
): Promise<SeededMember> {
  const now = opts.now ?? new Date();
  const userId = randomUUID();
  const email = opts.email ?? `member-${userId.slice(0, 8)}@example.test`;
  const token = randomBytes(32).toString('base64url');
  const businessId = opts.businessId ?? randomUUID();
  await asSystem(database, async (tx) => {
    if (!opts.businessId) {
      await tx.insert(businesses).values({
        id: businessId,
        legalName: `Test business ${businessId.slice(0, 8)}`,
        country: 'GB',
        trade: 'retail',
        region: 'London',
        registrationNumber: '01234567',
        registrationRule: 'format',
        webDomain: 'example.test',
        status: opts.status ?? 'approved',
      });
    }
    await tx.insert(users).values({ id: userId, email, displayName: `Member ${userId.slice(0, 4)}`, passwordHash: 'not-a-hash', emailVerifiedAt: now });
    await tx.insert(memberships).values({ businessId, userId, role: opts.role ?? 'owner' });
    await tx.insert(sessions).values({
      tokenHash: hashToken(token),
      userId,
      businessId,
      deviceLabel: 'test',
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 24 * 3600_000),
    });
  });
  return { businessId, userId, email, token };
}
