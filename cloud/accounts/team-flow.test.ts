import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpReceiver, type SmtpReceiver } from '../../tests/support/smtp-receiver';
import { createSmtpMailer } from '../mail/smtp-mailer';
import { seedMember } from '../testing/fixtures';
import { startTestCloud, type TestCloud } from '../testing/harness';
import { testDatabaseKinds } from '../testing/test-database';
import { emailCodeIn, failure, inviteCodeIn, MINUTE, PASSWORD, signUpInput, testClock, uniqueEmail, START_MS, TEST_MS } from './test-helpers';

/**
 * The whole life of a team, over real HTTP with mail through a real SMTP server: sign-up,
 * the code from the mail, a moderator's approval, an invite by mail, joining with it, roles,
 * and removal ending a member's session at once. The steps build on each other, so they
 * share one cloud and run in order.
 */
const MODERATOR = 'moderator@rateback-test.example';

for (const kind of testDatabaseKinds()) {
  describe(`a team from sign-up to removal (${kind.name})`, { timeout: TEST_MS }, () => {
    let smtp: SmtpReceiver;
    let cloud: TestCloud;
    const clock = testClock();
    const ownerEmail = uniqueEmail('owner');
    const staffEmail = uniqueEmail('staff');
    let ownerToken = '';
    let businessId = '';
    let moderatorToken = '';
    let staffToken = '';
    let staffId = '';

    beforeAll(async () => {
      smtp = await startSmtpReceiver();
      cloud = await startTestCloud(kind, {
        mailer: createSmtpMailer({ url: smtp.url, from: 'Rateback <no-reply@rateback.test>' }),
        now: clock.now,
        env: { MODERATOR_EMAILS: `someone@else.example, ${MODERATOR.toUpperCase()}` },
      });
      // A moderator is a member of some business too (sessions belong to one); seeded directly.
      moderatorToken = (await seedMember(cloud.db.database, { email: MODERATOR, now: clock.now() })).token;
    }, START_MS);
    afterAll(async () => {
      await cloud?.close();
      await smtp?.close();
    }, START_MS);

    it('refuses a VAT number with a wrong check digit, at its field', async () => {
      const refused = await failure(cloud.client().account.signUp.mutate(signUpInput(ownerEmail, { vatId: 'GB980780685' })));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.issues).toEqual([{ path: ['business', 'vatId'], message: expect.stringMatching(/check digit does not match/) }]);
    });

    it('reports every problem of a sign-up at once, each at its field', async () => {
      const input = signUpInput('not-an-address', { webDomain: 'localhost', vatId: '' });
      const refused = await failure(cloud.client().account.signUp.mutate({ ...input, owner: { ...input.owner, password: 'short' } }));
      expect(refused.code).toBe('BAD_REQUEST');
      // The schema's own check (password length) comes first, before the handler's checks.
      expect(refused.issues).toEqual([{ path: ['owner', 'password'], message: 'Use at least 10 characters for the password' }]);

      const again = await failure(cloud.client().account.signUp.mutate(input));
      expect(again.issues?.map((i) => i.path.join('.'))).toEqual(['owner.email', 'business.webDomain', 'business.registrationNumber', 'business.vatId']);
    });

    it('signs up, mails a code, and takes the code from the mail', async () => {
      const signedUp = await cloud.client().account.signUp.mutate(signUpInput(ownerEmail));
      expect(signedUp.codeSent).toBe(true);
      expect(signedUp.me).toMatchObject({ user: { email: ownerEmail, emailVerified: false }, business: { status: 'pending_email', country: 'GB' }, role: 'owner', moderator: false });
      ownerToken = signedUp.token;
      businessId = signedUp.me.business.id;

      const mail = await smtp.waitFor((m) => m.envelope.to.includes(ownerEmail) && m.subject === 'Your Rateback code');
      const code = emailCodeIn(mail.text);
      const owner = cloud.client(ownerToken);

      // Not a member of the book until the address is proven.
      expect((await failure(owner.team.members.query())).code).toBe('FORBIDDEN');

      const wrong = await failure(owner.account.verifyEmail.mutate({ code: code === '000000' ? '000001' : '000000' }));
      expect(wrong).toMatchObject({ code: 'BAD_REQUEST', message: 'That code is not right: 4 tries left.', issues: [{ path: ['code'] }] });

      const verified = await owner.account.verifyEmail.mutate({ code });
      expect(verified.me).toMatchObject({ user: { emailVerified: true }, business: { status: 'pending_review' } });
    });

    it('refuses a second account with the same address, whatever its case', async () => {
      const refused = await failure(cloud.client().account.signUp.mutate(signUpInput(ownerEmail.toUpperCase())));
      expect(refused).toMatchObject({ code: 'CONFLICT', issues: [{ path: ['owner', 'email'] }] });
    });

    it('shows the business to moderators only, who approve it', async () => {
      expect((await failure(cloud.client(ownerToken).moderation.queue.query())).code).toBe('FORBIDDEN');

      const moderator = cloud.client(moderatorToken);
      expect((await moderator.account.me.query()).moderator).toBe(true);
      const queue = await moderator.moderation.queue.query();
      expect(queue.find((b) => b.businessId === businessId)).toMatchObject({
        legalName: 'Acme Test Ltd',
        country: 'GB',
        vatId: { value: 'GB980780684', rule: 'check_digit' },
        registrationNumber: null,
        registrationRule: 'check_digit',
        webDomain: 'acme-test.co.uk',
        ownerEmail,
        ownerEmailMatchesDomain: true,
      });

      expect((await failure(moderator.moderation.reject.mutate({ businessId, note: '  ' }))).issues).toEqual([{ path: ['note'], message: 'Say why, so the owner knows what to fix' }]);
      expect((await failure(moderator.moderation.approve.mutate({ businessId: crypto.randomUUID() }))).code).toBe('NOT_FOUND');

      await moderator.moderation.approve.mutate({ businessId, note: 'VAT number checked' });
      expect((await failure(moderator.moderation.reject.mutate({ businessId, note: 'changed my mind' }))).code).toBe('CONFLICT');
      expect((await moderator.moderation.queue.query()).some((b) => b.businessId === businessId)).toBe(false);
      expect((await cloud.client(ownerToken).account.me.query()).business).toMatchObject({ status: 'approved', reviewNote: 'VAT number checked' });
    });

    it('invites by mail, and the invitee joins with the code from it', async () => {
      const owner = cloud.client(ownerToken);
      const invited = await owner.team.invite.mutate({ email: ` ${staffEmail.toUpperCase()} `, role: 'staff' });
      expect(invited).toMatchObject({ email: staffEmail, role: 'staff', invitedBy: 'Jo Owner' });
      expect((await failure(owner.team.invite.mutate({ email: staffEmail, role: 'manager' }))).code).toBe('CONFLICT');
      expect(await owner.team.invites.query()).toEqual([expect.objectContaining({ id: invited.id, email: staffEmail })]);

      const mail = await smtp.waitFor((m) => m.envelope.to.includes(staffEmail));
      expect(mail.subject).toBe('Jo Owner invited you to Acme Test Ltd on Rateback');
      const code = inviteCodeIn(mail.text);
      const join = { code, email: staffEmail, displayName: 'Sam Staff', password: PASSWORD, deviceLabel: 'Workshop laptop' };

      const otherCode = `${code[0] === 'A' ? 'B' : 'A'}${code.slice(1)}`;
      const wrongCode = await failure(cloud.client().team.acceptInvite.mutate({ ...join, code: otherCode }));
      expect(wrongCode).toMatchObject({ code: 'BAD_REQUEST', message: 'That invite code is not right: check it against the mail.' });
      const wrongAddress = await failure(cloud.client().team.acceptInvite.mutate({ ...join, email: uniqueEmail('someone') }));
      expect(wrongAddress.message).toMatch(/sent to another e-mail address/);

      const joined = await cloud.client().team.acceptInvite.mutate({ ...join, code: `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}` });
      expect(joined.me).toMatchObject({ user: { email: staffEmail, emailVerified: true }, business: { id: businessId, status: 'approved' }, role: 'staff' });
      staffToken = joined.token;
      staffId = joined.me.user.id;

      expect((await failure(cloud.client().team.acceptInvite.mutate(join))).message).toMatch(/already been used/);
      expect(await owner.team.invites.query()).toEqual([]);
      const members = await cloud.client(staffToken).team.members.query();
      expect(members.map((m) => [m.displayName, m.email, m.role])).toEqual([
        ['Jo Owner', ownerEmail, 'owner'],
        ['Sam Staff', staffEmail, 'staff'],
      ]);
    });

    it('keeps team changes to owners, and always leaves one owner', async () => {
      const staff = cloud.client(staffToken);
      const refused = await failure(staff.team.invite.mutate({ email: uniqueEmail('friend'), role: 'staff' }));
      expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'Only an owner can invite people to the team.' });
      expect((await failure(staff.team.changeRole.mutate({ userId: staffId, role: 'owner' }))).code).toBe('FORBIDDEN');
      expect((await failure(staff.account.mailOutbox.query())).code).toBe('FORBIDDEN');

      const owner = cloud.client(ownerToken);
      const ownerId = (await owner.account.me.query()).user.id;
      expect(await owner.team.changeRole.mutate({ userId: staffId, role: 'manager' })).toEqual({ userId: staffId, role: 'manager' });
      expect((await staff.account.me.query()).role).toBe('manager');
      expect((await failure(staff.team.invite.mutate({ email: uniqueEmail('friend'), role: 'staff' }))).code).toBe('FORBIDDEN');

      expect(await failure(owner.team.changeRole.mutate({ userId: ownerId, role: 'manager' }))).toMatchObject({ code: 'CONFLICT', message: /only owner/ });
      expect((await failure(owner.team.remove.mutate({ userId: ownerId }))).code).toBe('CONFLICT');
      expect((await failure(owner.team.remove.mutate({ userId: crypto.randomUUID() }))).code).toBe('NOT_FOUND');
      // With SMTP configured there is no outbox to read.
      expect(await owner.account.mailOutbox.query()).toEqual({ smtp: true, mails: [] });
    });

    it('removing a member ends their session at once, and they cannot sign in again', async () => {
      const staff = cloud.client(staffToken);
      expect(await cloud.client(ownerToken).team.remove.mutate({ userId: staffId })).toEqual({ removed: true, sessionsEnded: 1 });
      expect(await failure(staff.account.me.query())).toMatchObject({ code: 'UNAUTHORIZED', message: 'Sign in again: your session has ended.' });
      const signIn = await failure(cloud.client().account.signIn.mutate({ email: staffEmail, password: PASSWORD, deviceLabel: 'x' }));
      expect(signIn).toMatchObject({ code: 'FORBIDDEN', message: /no longer in a team/ });
      expect((await cloud.client(ownerToken).team.members.query()).map((m) => m.email)).toEqual([ownerEmail]);
    });

    it('lets a removed person back in with a new invite and their old password', async () => {
      const owner = cloud.client(ownerToken);
      await owner.team.invite.mutate({ email: staffEmail, role: 'staff' });
      const mail = await smtp.waitFor((m) => m.envelope.to.includes(staffEmail) && m !== smtp.messages.find((x) => x.envelope.to.includes(staffEmail)));
      const join = { code: inviteCodeIn(mail.text), email: staffEmail, displayName: 'Sam Staff', password: 'a different password', deviceLabel: 'Laptop' };
      // Three invite attempts from this address went wrong above: the next one must wait.
      expect(await failure(cloud.client().team.acceptInvite.mutate(join))).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: /Wait 1 second/ });
      clock.advance(1000);
      expect(await failure(cloud.client().team.acceptInvite.mutate(join))).toMatchObject({ code: 'UNAUTHORIZED', issues: [{ path: ['password'] }] });
      clock.advance(2000);
      const back = await cloud.client().team.acceptInvite.mutate({ ...join, password: PASSWORD });
      expect(back.me.user.id).toBe(staffId);
      expect((await cloud.client(back.token).account.me.query()).role).toBe('staff');
    });

    it('sends a new code at most once a minute, and only the newest code counts', async () => {
      const email = uniqueEmail('second-owner', 'other-test.example');
      const { token } = await cloud.client().account.signUp.mutate(signUpInput(email, { vatId: '', registrationNumber: '01234567' }));
      const first = emailCodeIn((await smtp.waitFor((m) => m.envelope.to.includes(email))).text);
      const client = cloud.client(token);

      clock.advance(30_000);
      expect(await failure(client.account.resendCode.mutate())).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: /Wait 30 seconds/ });
      clock.advance(30_000);
      expect(await client.account.resendCode.mutate()).toEqual({ sentTo: email });
      const mails = () => smtp.messages.filter((m) => m.envelope.to.includes(email));
      await smtp.waitFor(() => mails().length === 2);
      const second = emailCodeIn(mails()[1]?.text ?? '');

      if (first !== second) expect((await failure(client.account.verifyEmail.mutate({ code: first }))).code).toBe('BAD_REQUEST');
      expect((await client.account.verifyEmail.mutate({ code: second })).me.business.status).toBe('pending_review');
      expect((await failure(client.account.resendCode.mutate())).message).toMatch(/already confirmed/);
    });

    it('stops checking codes after five wrong ones, and an old code expires', async () => {
      const email = uniqueEmail('third-owner', 'third-test.example');
      const { token } = await cloud.client().account.signUp.mutate(signUpInput(email));
      const code = emailCodeIn((await smtp.waitFor((m) => m.envelope.to.includes(email))).text);
      const client = cloud.client(token);
      const wrong = code === '111111' ? '222222' : '111111';
      for (let left = 4; left >= 1; left--) {
        expect((await failure(client.account.verifyEmail.mutate({ code: wrong }))).message).toBe(`That code is not right: ${left} ${left === 1 ? 'try' : 'tries'} left.`);
      }
      expect((await failure(client.account.verifyEmail.mutate({ code: wrong }))).code).toBe('TOO_MANY_REQUESTS');
      expect((await failure(client.account.verifyEmail.mutate({ code }))).code).toBe('TOO_MANY_REQUESTS');

      clock.advance(MINUTE);
      await client.account.resendCode.mutate();
      const fresh = emailCodeIn((await smtp.waitFor(() => smtp.messages.filter((m) => m.envelope.to.includes(email)).length === 2)).text);
      const latest = smtp.messages.filter((m) => m.envelope.to.includes(email))[1];
      clock.advance(16 * MINUTE);
      expect(await failure(client.account.verifyEmail.mutate({ code: emailCodeIn(latest?.text ?? fresh) }))).toMatchObject({ code: 'BAD_REQUEST', message: /expired/ });
    });
  });
}
