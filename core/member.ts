import { z } from 'zod';
import { Id, IsoInstant, NonEmptyText } from './primitives';

/**
 * A team member of the business: who rates customers and who sets a status. Until accounts
 * arrive with the cloud, members are kept in the book and each PC says who is using it.
 */
export const MemberRole = z.enum(['owner', 'manager', 'staff']);
export type MemberRole = z.infer<typeof MemberRole>;

export const Member = z.strictObject({
  id: Id,
  name: NonEmptyText(120),
  role: MemberRole,
  createdAt: IsoInstant,
});
export type Member = z.infer<typeof Member>;
