import { resendCode, verifyEmail, VerifyEmailInput } from '../accounts/email-verification';
import { listOutbox } from '../accounts/mail-outbox';
import { readMe } from '../accounts/me';
import { listSessions, revokeSession, RevokeSessionInput, rotateSession, signOut, signOutEverywhere } from '../accounts/own-sessions';
import { signIn, SignInInput } from '../accounts/sign-in';
import { signUp, SignUpInput } from '../accounts/sign-up';
import { publicProcedure, router, sessionProcedure } from '../trpc';

/**
 * Accounts: signing up a business, proving the e-mail address, signing in and out, and one's
 * own sessions. The work is in cloud/accounts/; each procedure here only names its input and
 * who may call it. Joining a team with an invite code is `team.acceptInvite`.
 */
export const accountRouter = router({
  /** A new business and its owner. → { token, me, codeSent, mailProblem } */
  signUp: publicProcedure.input(SignUpInput).mutation(({ ctx, input }) => signUp(ctx, input)),
  /** The 6-digit code from the sign-up mail. → { me } */
  verifyEmail: sessionProcedure.input(VerifyEmailInput).mutation(({ ctx, input }) => verifyEmail(ctx, input)),
  /** Another code, at most one a minute. → { sentTo } */
  resendCode: sessionProcedure.mutation(({ ctx }) => resendCode(ctx)),
  /** → { token, me } */
  signIn: publicProcedure.input(SignInInput).mutation(({ ctx, input }) => signIn(ctx, input)),
  me: sessionProcedure.query(({ ctx }) => readMe(ctx)),
  /** A new token for this session; the old one stops working. → { token } */
  rotateSession: sessionProcedure.mutation(({ ctx }) => rotateSession(ctx)),
  signOut: sessionProcedure.mutation(({ ctx }) => signOut(ctx)),
  signOutEverywhere: sessionProcedure.mutation(({ ctx }) => signOutEverywhere(ctx)),
  /** This person's sessions that still work: [{ id, deviceLabel, createdAt, lastSeenAt, current }] */
  sessions: sessionProcedure.query(({ ctx }) => listSessions(ctx)),
  revokeSession: sessionProcedure.input(RevokeSessionInput).mutation(({ ctx, input }) => revokeSession(ctx, input)),
  /**
   * Owners only. Without SMTP, the team's mail from the outbox folder, newest first; before the
   * owner's address is confirmed, just their code mails. → { smtp, mails }
   */
  mailOutbox: sessionProcedure.query(({ ctx }) => listOutbox(ctx)),
});
