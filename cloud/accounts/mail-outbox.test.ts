import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../testing/harness';
import { testDatabaseKinds } from '../testing/test-database';
import { emailCodeIn, failure, inviteCodeIn, PASSWORD, signUpInput, uniqueEmail, START_MS, TEST_MS } from './test-helpers';

/**
 * A cloud without SMTP keeps its mail in the outbox folder; owners read their team's mail
 * through account.mailOutbox. This walks a fresh install: the owner's own code, then an
 * invite read from the outbox and used, and another business's mail kept out of view.
 */
for (const kind of testDatabaseKinds()) {
  describe(`reading the mail outbox without SMTP (${kind.name})`, { timeout: TEST_MS }, () => {
    let cloud: TestCloud;
    const ownerEmail = uniqueEmail('outbox-owner');
    const staffEmail = uniqueEmail('outbox-staff');
    const otherEmail = uniqueEmail('other-owner', 'other-business.example');
    let ownerToken = '';

    beforeAll(async () => {
      // No mailer and no SMTP_URL: the cloud's own choice, the outbox under CLOUD_DATA_DIR.
      cloud = await startTestCloud(kind);
    }, START_MS);
    afterAll(async () => {
      await cloud?.close();
    }, START_MS);

    it('shows an owner who has not confirmed yet only their own code', async () => {
      ownerToken = (await cloud.client().account.signUp.mutate(signUpInput(ownerEmail))).token;
      await cloud.client().account.signUp.mutate(signUpInput(otherEmail, { webDomain: 'other-business.example' }));
      const owner = cloud.client(ownerToken);
      const outbox = await owner.account.mailOutbox.query();
      expect(outbox.smtp).toBe(false);
      expect(outbox.mails).toEqual([expect.objectContaining({ to: ownerEmail, kind: 'verify_email', subject: 'Your Rateback code' })]);
      await owner.account.verifyEmail.mutate({ code: emailCodeIn(outbox.mails[0]?.text ?? '') });
    });

    it("lists the team's mail and pending invites newest first, and the invite code works", async () => {
      const owner = cloud.client(ownerToken);
      await owner.team.invite.mutate({ email: staffEmail, role: 'manager' });
      const { mails } = await owner.account.mailOutbox.query();
      expect(mails.map((m) => [m.to, m.kind])).toEqual([
        [staffEmail, 'invite'],
        [ownerEmail, 'verify_email'],
      ]);
      const joined = await cloud.client().team.acceptInvite.mutate({
        code: inviteCodeIn(mails[0]?.text ?? ''),
        email: staffEmail,
        displayName: 'Max Manager',
        password: PASSWORD,
        deviceLabel: 'Office',
      });
      expect(joined.me.role).toBe('manager');
      // Managers manage customers, not the team's mail.
      expect(await failure(cloud.client(joined.token).account.mailOutbox.query())).toMatchObject({ code: 'FORBIDDEN', message: 'Only an owner can read the mail outbox.' });
      // Another business's mail never shows.
      expect((await owner.account.mailOutbox.query()).mails.some((m) => m.to === otherEmail)).toBe(false);
    });
  });
}
