import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../mail/smtp-mailer';
import { seedMember } from '../testing/fixtures';
import { startTestCloud, type TestCloud } from '../testing/harness';
import { testDatabaseKinds } from '../testing/test-database';
import { failure, signUpInput, uniqueEmail, START_MS, TEST_MS } from './test-helpers';

/**
 * When the mail server is down: a sign-up still succeeds and says the code was not sent (and
 * no unsent code blocks a resend), a resend says why it failed, and an invite nobody received
 * is withdrawn rather than left pending.
 */

/** A port on 127.0.0.1 with nothing listening: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

for (const kind of testDatabaseKinds()) {
  describe(`mail server down (${kind.name})`, { timeout: TEST_MS }, () => {
    let cloud: TestCloud;

    beforeAll(async () => {
      const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${await closedPort()}`, from: 'Rateback <no-reply@rateback.test>' });
      cloud = await startTestCloud(kind, { mailer });
    }, START_MS);
    afterAll(async () => {
      await cloud?.close();
    }, START_MS);

    it('signs up anyway, says the code was not sent, and lets a resend try at once', async () => {
      const signedUp = await cloud.client().account.signUp.mutate(signUpInput(uniqueEmail('no-mail')));
      expect(signedUp.codeSent).toBe(false);
      expect(signedUp.mailProblem).toMatch(/^Could not send mail to an address at acme-test\.co\.uk: the mail server at 127\.0\.0\.1:\d+ refused the connection$/);
      // Not "wait a minute": the unsent code was dropped.
      const resend = await failure(cloud.client(signedUp.token).account.resendCode.mutate());
      expect(resend).toMatchObject({ code: 'BAD_GATEWAY', message: /refused the connection\. Try again in a minute\.$/ });
    });

    it('withdraws an invite whose mail could not be sent', async () => {
      const owner = await seedMember(cloud.db.database);
      const client = cloud.client(owner.token);
      const refused = await failure(client.team.invite.mutate({ email: uniqueEmail('never-told'), role: 'staff' }));
      expect(refused).toMatchObject({ code: 'BAD_GATEWAY', message: /The invite was not sent; try again\.$/ });
      expect(await client.team.invites.query()).toEqual([]);
    });
  });
}
