import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../testing/harness';
import { testDatabaseKinds } from '../testing/test-database';
import { clientFrom, failure, MINUTE, PASSWORD, signUpInput, testClock, uniqueEmail, START_MS, TEST_MS } from './test-helpers';

/**
 * Sign-in over real HTTP: the same answer for an unknown address and a wrong password, and
 * the slowing per account and per client address (rules in sign-in-throttle.ts). Clients
 * connect from different loopback addresses (127.0.0.x) so the cloud sees different clients;
 * the clock is injected, so waits cost no time.
 */
for (const kind of testDatabaseKinds()) {
  describe(`signing in (${kind.name})`, { timeout: TEST_MS }, () => {
    let cloud: TestCloud;
    const clock = testClock();
    const email = uniqueEmail('signin');
    let address = 10;
    /** A client from a loopback address no other test used: its own address counter. */
    const freshClient = () => clientFrom(cloud.url, `127.0.0.${address++}`);
    const attempt = (client: ReturnType<typeof freshClient>, password: string, who = email) => client.account.signIn.mutate({ email: who, password, deviceLabel: 'Till 2' });
    /** Past every window and lock, so each test starts with no counters. */
    const later = () => clock.advance(31 * MINUTE);

    beforeAll(async () => {
      cloud = await startTestCloud(kind, { now: clock.now });
      await cloud.client().account.signUp.mutate(signUpInput(email));
    }, START_MS);
    afterAll(async () => {
      await cloud?.close();
    }, START_MS);

    it('signs in with the right password, whatever the case of the address', async () => {
      const signedIn = await attempt(freshClient(), PASSWORD, email.toUpperCase());
      expect(signedIn.me).toMatchObject({ user: { email }, role: 'owner', business: { status: 'pending_email' } });
      expect((await cloud.client(signedIn.token).account.me.query()).user.email).toBe(email);
    });

    it('answers an unknown address exactly as a wrong password', async () => {
      const client = freshClient();
      const wrong = await failure(attempt(client, 'not the password'));
      const unknown = await failure(attempt(client, PASSWORD, uniqueEmail('nobody')));
      expect(wrong).toEqual({ code: 'UNAUTHORIZED', message: 'E-mail or password is not right.', issues: null });
      expect(unknown).toEqual(wrong);
      expect((await failure(attempt(client, PASSWORD, 'no-at-sign'))).issues).toEqual([{ path: ['email'], message: expect.stringMatching(/needs an @/) }]);
      later();
    });

    it('slows one account down after three failures, from any address, then locks it', async () => {
      // Each failure from a new address: only the account's counter can be slowing them.
      for (let n = 1; n <= 3; n++) expect((await failure(attempt(freshClient(), `wrong ${n}`))).code).toBe('UNAUTHORIZED');
      const waits: string[] = [];
      for (let n = 4; n <= 10; n++) {
        const tooSoon = await failure(attempt(freshClient(), PASSWORD));
        expect(tooSoon.code).toBe('TOO_MANY_REQUESTS');
        waits.push(/Wait (.+?) before/.exec(tooSoon.message)?.[1] ?? tooSoon.message);
        clock.advance(2 ** (n - 4) * 1000);
        expect((await failure(attempt(freshClient(), `wrong ${n}`))).code).toBe('UNAUTHORIZED');
      }
      expect(waits).toEqual(['1 second', '2 seconds', '4 seconds', '8 seconds', '16 seconds', '32 seconds', '64 seconds']);

      // Ten failures: locked for 15 minutes, even for the right password.
      expect((await failure(attempt(freshClient(), PASSWORD))).message).toMatch(/Wait 15 minutes/);
      clock.advance(15 * MINUTE - 1000);
      expect((await failure(attempt(freshClient(), PASSWORD))).message).toMatch(/Wait 1 second/);
      clock.advance(1000);
      await attempt(freshClient(), PASSWORD);

      // Success cleared the account's counter: three free failures again.
      for (let n = 1; n <= 3; n++) expect((await failure(attempt(freshClient(), `again ${n}`))).code).toBe('UNAUTHORIZED');
      expect((await failure(attempt(freshClient(), PASSWORD))).code).toBe('TOO_MANY_REQUESTS');
      later();
    });

    it('slows one address down after three failures, whichever accounts it tries', async () => {
      const client = freshClient();
      for (let n = 1; n <= 3; n++) expect((await failure(attempt(client, PASSWORD, uniqueEmail(`guess${n}`)))).code).toBe('UNAUTHORIZED');
      expect(await failure(attempt(client, PASSWORD, uniqueEmail('guess4')))).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: /Wait 1 second/ });
      // The real owner signing in from elsewhere is not held up by this address.
      await attempt(freshClient(), PASSWORD);
      // Nor does a success from the slowed address wipe its slate: it waits its turn, and after
      // it the counter still holds the failures.
      clock.advance(1000);
      await attempt(client, PASSWORD);
      expect((await failure(attempt(client, PASSWORD, uniqueEmail('guess5')))).code).toBe('UNAUTHORIZED');
      expect((await failure(attempt(client, PASSWORD, uniqueEmail('guess6')))).message).toMatch(/Wait 2 seconds/);
      later();
    });

    it('does not let parallel guesses slip past the count', async () => {
      const client = freshClient();
      const results = await Promise.all(Array.from({ length: 8 }, (_, n) => failure(attempt(client, `parallel ${n}`))));
      const codes = results.map((r) => r.code).sort();
      // Three free failures, the fourth … refused: however the eight interleave, at most three
      // reach the password check before the counter slows the rest.
      expect(codes.filter((c) => c === 'UNAUTHORIZED').length).toBe(3);
      expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBe(5);
      later();
    });
  });
}
