import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../db/schema';
import { asSystem } from '../db/tenancy';
import { hashToken } from '../testing/fixtures';
import { startTestCloud, type TestCloud } from '../testing/harness';
import { testDatabaseKinds } from '../testing/test-database';
import { failure, MINUTE, PASSWORD, signUpInput, testClock, uniqueEmail, START_MS, TEST_MS } from './test-helpers';

/**
 * Sessions over real HTTP with an injected clock: idle and absolute expiry, the once-a-minute
 * touch, rotation, the list of one's sessions, and signing out here, there and everywhere.
 * Lifetimes are short here (30 minutes idle, 2 hours absolute) so the clock moves little.
 */
const IDLE = 30 * MINUTE;
const ABSOLUTE = 120 * MINUTE;

for (const kind of testDatabaseKinds()) {
  describe(`sessions (${kind.name})`, { timeout: TEST_MS }, () => {
    let cloud: TestCloud;
    const clock = testClock();
    const email = uniqueEmail('sessions');
    let device = 0;
    const signIn = async (deviceLabel = `Device ${++device}`) =>
      (await cloud.client().account.signIn.mutate({ email, password: PASSWORD, deviceLabel })).token;
    const works = async (token: string) => (await cloud.client(token).account.me.query()).user.email === email;
    const ended = async (token: string) => (await failure(cloud.client(token).account.me.query())).code === 'UNAUTHORIZED';
    const lastSeen = async (token: string) =>
      (await asSystem(cloud.db.database, (tx) => tx.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.tokenHash, hashToken(token)))))[0]?.at;

    beforeAll(async () => {
      cloud = await startTestCloud(kind, { now: clock.now, env: { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_MINUTES: '120' } });
      await cloud.client().account.signUp.mutate(signUpInput(email));
    }, START_MS);
    afterAll(async () => {
      await cloud?.close();
    }, START_MS);

    it('refuses a missing or made-up token', async () => {
      expect(await failure(cloud.client().account.me.query())).toMatchObject({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
      expect(await ended('made-up-token')).toBe(true);
    });

    it('writes last-seen at most once a minute', async () => {
      const token = await signIn();
      const start = clock.now();
      clock.advance(30_000);
      await works(token);
      expect(await lastSeen(token)).toEqual(start);
      clock.advance(31_000);
      await works(token);
      expect(await lastSeen(token)).toEqual(clock.now());
    });

    it('ends a session left idle, but not one in use', async () => {
      const used = await signIn();
      const idle = await signIn();
      clock.advance(IDLE - MINUTE);
      expect(await works(used)).toBe(true);
      clock.advance(2 * MINUTE);
      expect(await works(used)).toBe(true);
      expect(await ended(idle)).toBe(true);
    });

    it('ends every session at its absolute expiry, however much it is used', async () => {
      const token = await signIn();
      for (let t = 0; t < ABSOLUTE - 20 * MINUTE; t += 20 * MINUTE) {
        clock.advance(20 * MINUTE);
        expect(await works(token)).toBe(true);
      }
      clock.advance(20 * MINUTE);
      expect(await ended(token)).toBe(true);
    });

    it('rotates a token: the old one stops at once, the new one keeps the old end', async () => {
      const old = await signIn('Rotating PC');
      // Used every 20 minutes, so only the absolute expiry can end it.
      for (let t = 0; t < 100 * MINUTE; t += 20 * MINUTE) {
        clock.advance(20 * MINUTE);
        expect(await works(old)).toBe(true);
      }
      const { token } = await cloud.client(old).account.rotateSession.mutate();
      expect(await ended(old)).toBe(true);
      expect(await works(token)).toBe(true);
      const listed = await cloud.client(token).account.sessions.query();
      expect(listed.filter((s) => s.current)).toEqual([expect.objectContaining({ id: hashToken(token).slice(0, 16), deviceLabel: 'Rotating PC' })]);
      clock.advance(20 * MINUTE);
      expect(await ended(token)).toBe(true);
    });

    it('lists the sessions that still work, and revokes one by its id', async () => {
      clock.advance(ABSOLUTE);
      const here = await signIn('Front desk');
      const there = await signIn('Back office');
      const listed = await cloud.client(here).account.sessions.query();
      expect(listed.map((s) => [s.deviceLabel, s.current]).sort()).toEqual([
        ['Back office', false],
        ['Front desk', true],
      ]);
      const backOffice = listed.find((s) => s.deviceLabel === 'Back office');
      expect(backOffice?.createdAt).toBe(clock.now().toISOString());

      await cloud.client(here).account.revokeSession.mutate({ id: backOffice?.id ?? '' });
      expect(await ended(there)).toBe(true);
      expect(await failure(cloud.client(here).account.revokeSession.mutate({ id: backOffice?.id ?? '' }))).toMatchObject({ code: 'NOT_FOUND' });
      expect((await failure(cloud.client(here).account.revokeSession.mutate({ id: 'not-an-id' }))).code).toBe('BAD_REQUEST');
    });

    it('signs out here only, or everywhere', async () => {
      const [a, b, c] = [await signIn(), await signIn(), await signIn()];
      expect(await cloud.client(a).account.signOut.mutate()).toEqual({ signedOut: 1 });
      expect(await ended(a)).toBe(true);
      expect(await works(b)).toBe(true);

      const { signedOut } = await cloud.client(b).account.signOutEverywhere.mutate();
      expect(signedOut).toBeGreaterThanOrEqual(2);
      expect(await ended(b)).toBe(true);
      expect(await ended(c)).toBe(true);
    });
  });
}
