import { acceptInvite, AcceptInviteInput } from '../accounts/accept-invite';
import { invite, InviteInput, pendingInvites, revokeInvite, RevokeInviteInput } from '../accounts/team-invites';
import { changeRole, ChangeRoleInput, listMembers, removeMember, RemoveMemberInput } from '../accounts/team-members';
import { memberProcedure, ownerProcedure, publicProcedure, router } from '../trpc';

/**
 * The team of a business. Who may do what (cloud/accounts/roles.md): everyone sees the team;
 * only owners invite, change roles and remove people; anyone with an invite code may join.
 */
export const teamRouter = router({
  /** [{ userId, displayName, email, role, joinedAt }] */
  members: memberProcedure.query(({ ctx }) => listMembers(ctx)),
  /** Mails a single-use code, valid 7 days. → the pending invite */
  invite: ownerProcedure('invite people to the team').input(InviteInput).mutation(({ ctx, input }) => invite(ctx, input)),
  /** Invites not yet used, revoked or expired: [{ id, email, role, invitedBy, createdAt, expiresAt }] */
  invites: ownerProcedure('see the invites').query(({ ctx }) => pendingInvites(ctx)),
  revokeInvite: ownerProcedure('withdraw an invite').input(RevokeInviteInput).mutation(({ ctx, input }) => revokeInvite(ctx, input)),
  /** Public: the code from the invite mail, and the new member's details. → { token, me } */
  acceptInvite: publicProcedure.input(AcceptInviteInput).mutation(({ ctx, input }) => acceptInvite(ctx, input)),
  changeRole: ownerProcedure("change people's roles").input(ChangeRoleInput).mutation(({ ctx, input }) => changeRole(ctx, input)),
  /** Ends the person's sessions at once. → { removed, sessionsEnded } */
  remove: ownerProcedure('remove people from the team').input(RemoveMemberInput).mutation(({ ctx, input }) => removeMember(ctx, input)),
});
