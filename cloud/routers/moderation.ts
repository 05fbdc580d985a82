import { ApproveInput, decide, RejectInput, reviewQueue } from '../accounts/moderation';
import { moderatorProcedure, router } from '../trpc';

/** Rateback's moderators (MODERATOR_EMAILS) review each new business before it joins the network. */
export const moderationRouter = router({
  /** Businesses waiting for review, oldest first. */
  queue: moderatorProcedure.query(({ ctx }) => reviewQueue(ctx)),
  approve: moderatorProcedure.input(ApproveInput).mutation(({ ctx, input }) => decide(ctx, input.businessId, 'approved', input.note || null)),
  reject: moderatorProcedure.input(RejectInput).mutation(({ ctx, input }) => decide(ctx, input.businessId, 'rejected', input.note)),
});
