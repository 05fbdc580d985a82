import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PASSWORD, signUpInput, uniqueEmail } from '../../../cloud/accounts/test-helpers';
import { seedMember } from '../../../cloud/testing/fixtures';
import { startTestCloud, type TestCloud } from '../../../cloud/testing/harness';
import { testDatabaseKinds } from '../../../cloud/testing/test-database';
import { create, customer, mutation } from '../../../cloud/sync/test-records';
import { FakeClock } from '../watch/test-clock';
import type { CloudConnection, CloudEvent } from './cloud-api';
import { createMemoryCloudAddressStore, type CloudAddress } from './cloud-address-store';
import { createCloudConnection } from './cloud-connection';
import { CloudError } from './cloud-errors';
import { createCloudTransport } from './cloud-transport';
import { createFileTokenVault } from './token-vault.file';
import type { TokenVault } from './token-vault';

/**
 * Main's cloud connection against a real cloud (PGlite, real HTTP and SSE): what the renderer
 * gets back, what lands in the vault, and when the session is forgotten.
 */

const kind = testDatabaseKinds()[0]!;
let cloud: TestCloud;
let dir: string;
const open: CloudConnection[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rateback-cloud-conn-'));
  // PGlite creates and migrates a database first: seconds, not milliseconds.
  cloud = await startTestCloud(kind);
}, 60_000);

afterAll(async () => {
  await cloud?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 30_000);

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

interface Setup {
  connection: CloudConnection;
  vault: TokenVault;
  clock: FakeClock;
  address: ReturnType<typeof createMemoryCloudAddressStore>;
}

async function connect(opts: { token?: string; address?: CloudAddress; url?: string; envUrl?: string } = {}): Promise<Setup> {
  const vault = createFileTokenVault({ dir: join(dir, randomUUID()), onProblem: () => {} });
  if (opts.token) await vault.save(opts.token);
  const url = opts.url ?? cloud.url;
  const address = createMemoryCloudAddressStore(opts.address ?? { url: null, sessionUrl: opts.token ? url : null });
  const clock = new FakeClock('2026-03-14T09:00:00Z');
  const connection = await createCloudConnection({
    envUrl: opts.envUrl ?? null,
    defaultUrl: url,
    localCloud: null,
    addressStore: address,
    vault,
    transportFor: (u) => createCloudTransport({ url: u, userAgent: 'Rateback/test' }),
    timers: clock,
    log: () => {},
  });
  open.push(connection);
  return { connection, vault, clock, address };
}

async function refusal(call: Promise<unknown>): Promise<CloudError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof CloudError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const works = async (token: string) => (await cloud.client(token).account.me.query().then(() => true, () => false));

describe('forwarding', () => {
  it('forwards a query and returns the cloud’s answer', async () => {
    const { connection } = await connect();
    expect(await connection.forward({ path: 'health', type: 'query', input: undefined })).toEqual({ ok: true, database: 'pglite' });
  });

  it('keeps the token of a sign-up, and hands the rest of the answer on without it', async () => {
    const { connection, vault } = await connect();
    const email = uniqueEmail('forward');
    const answer = (await connection.forward({ path: 'account.signUp', type: 'mutation', input: signUpInput(email) })) as Record<string, unknown>;
    expect(answer).not.toHaveProperty('token');
    expect(answer).toMatchObject({ me: { user: { email } }, codeSent: true });
    const token = await vault.load();
    expect(token).toEqual(expect.any(String));
    expect(await works(token!)).toBe(true);
    expect(await connection.info()).toMatchObject({ url: cloud.url, signedIn: true, local: false, editable: true });
    // The next call carries the session.
    expect(await connection.forward({ path: 'account.me', type: 'query', input: undefined })).toMatchObject({ user: { email } });
  });

  it('keeps the cloud’s code, message and field issues when it refuses', async () => {
    const { connection } = await connect();
    const bad = signUpInput('not an address');
    const error = await refusal(connection.forward({ path: 'account.signUp', type: 'mutation', input: bad }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['owner', 'email'] })]));

    const signedOut = await refusal(connection.forward({ path: 'account.me', type: 'query', input: undefined }));
    expect({ code: signedOut.code, message: signedOut.message }).toEqual({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  });

  it('refuses paths outside the allowlist and the wrong kind of call', async () => {
    const { connection } = await connect();
    expect((await refusal(connection.forward({ path: 'account.deleteEverything', type: 'mutation', input: {} }))).code).toBe('NOT_FOUND');
    expect((await refusal(connection.forward({ path: 'toString', type: 'query', input: {} }))).code).toBe('NOT_FOUND');
    expect((await refusal(connection.forward({ path: 'health', type: 'mutation', input: undefined }))).code).toBe('METHOD_NOT_SUPPORTED');
    expect((await refusal(connection.forward({ path: 'sync.onVersion', type: 'query', input: { since: 0 } }))).code).toBe('METHOD_NOT_SUPPORTED');
  });

  it('reports a cloud that does not answer as SERVICE_UNAVAILABLE', async () => {
    const { connection } = await connect({ url: 'http://127.0.0.1:9' });
    const error = await refusal(connection.forward({ path: 'health', type: 'query', input: undefined }));
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.message).toContain('http://127.0.0.1:9');
  });
});

describe('the session', () => {
  it('forgets the session when the cloud ends it (UNAUTHORIZED)', async () => {
    const member = await seedMember(cloud.db.database);
    const { connection, vault } = await connect({ token: member.token });
    expect(await connection.forward({ path: 'account.me', type: 'query', input: undefined })).toMatchObject({ user: { email: member.email } });
    const changes = connection.changes()[Symbol.asyncIterator]();
    // Signed out from elsewhere (another PC's "sign out everywhere", removed from the team).
    await cloud.client(member.token).account.signOut.mutate();
    expect((await refusal(connection.forward({ path: 'account.me', type: 'query', input: undefined }))).code).toBe('UNAUTHORIZED');
    expect(await vault.load()).toBeNull();
    expect((await changes.next()).value).toMatchObject({ signedIn: false });
    await changes.return?.();
  });

  it('does not forget the session over a wrong password', async () => {
    const member = await seedMember(cloud.db.database);
    const { connection, vault } = await connect({ token: member.token });
    const error = await refusal(
      connection.forward({ path: 'account.signIn', type: 'mutation', input: { email: member.email, password: 'wrong one', deviceLabel: 'PC' } }),
    );
    expect(error.code).toBe('UNAUTHORIZED');
    expect(await vault.load()).toBe(member.token);
  });

  it('signs out: the cloud ends the session and main forgets it', async () => {
    const member = await seedMember(cloud.db.database);
    const { connection, vault } = await connect({ token: member.token });
    await connection.forward({ path: 'account.signOut', type: 'mutation', input: undefined });
    expect(await vault.load()).toBeNull();
    expect(await works(member.token)).toBe(false);
  });

  it('forgets the session on sign-out even when the cloud refuses it', async () => {
    const member = await seedMember(cloud.db.database);
    const { connection, vault } = await connect({ token: member.token });
    await cloud.client(member.token).account.signOut.mutate();
    expect((await refusal(connection.forward({ path: 'account.signOutEverywhere', type: 'mutation', input: undefined }))).code).toBe('UNAUTHORIZED');
    expect(await vault.load()).toBeNull();
    expect((await connection.info()).signedIn).toBe(false);
  });

  it('forgets the session on sign-out when the cloud cannot be reached', async () => {
    const { connection, vault } = await connect({ token: 'a-token-for-a-cloud-that-is-down', url: 'http://127.0.0.1:9' });
    expect((await refusal(connection.forward({ path: 'account.signOut', type: 'mutation', input: undefined }))).code).toBe('SERVICE_UNAVAILABLE');
    expect(await vault.load()).toBeNull();
  });

  it('rotates: the new token is kept and stripped, the old one stops working', async () => {
    const member = await seedMember(cloud.db.database);
    const { connection, vault } = await connect({ token: member.token });
    expect(await connection.forward({ path: 'account.rotateSession', type: 'mutation', input: undefined })).toEqual({});
    const rotated = await vault.load();
    expect(rotated).not.toBe(member.token);
    expect(await works(rotated!)).toBe(true);
    expect(await works(member.token)).toBe(false);
  });

  it('rotates at start and then daily', async () => {
    const member = await seedMember(cloud.db.database);
    const { connection, vault, clock } = await connect({ token: member.token });
    connection.start();
    clock.advanceBy(0);
    await vi.waitFor(async () => expect(await vault.load()).not.toBe(member.token));
    const first = await vault.load();
    clock.advanceBy(23 * 3600_000);
    expect(await vault.load()).toBe(first);
    clock.advanceBy(3600_000);
    await vi.waitFor(async () => expect(await vault.load()).not.toBe(first));
  });

  it('replaces a session by a new sign-in and ends the old one', async () => {
    const member = await seedMember(cloud.db.database);
    const email = uniqueEmail('again');
    await cloud.client().account.signUp.mutate(signUpInput(email));
    const { connection, vault } = await connect({ token: member.token });
    await connection.forward({ path: 'account.signIn', type: 'mutation', input: { email, password: PASSWORD, deviceLabel: 'PC' } });
    const token = await vault.load();
    expect(token).not.toBe(member.token);
    await connection.close();
    // close() waits for the courtesy sign-out of the old session.
    expect(await works(member.token)).toBe(false);
  });

  it('drops a saved session that another cloud issued', async () => {
    const member = await seedMember(cloud.db.database);
    const { connection, vault } = await connect({ token: member.token, address: { url: null, sessionUrl: 'https://elsewhere.example' } });
    expect((await connection.info()).signedIn).toBe(false);
    expect(await vault.load()).toBeNull();
  });
});

describe('the address', () => {
  it('signs out when the address changes to another cloud, not when it is the same one', async () => {
    const member = await seedMember(cloud.db.database);
    const { connection, vault, address } = await connect({ token: member.token });
    expect(await connection.setUrl(`${cloud.url}/`)).toMatchObject({ url: cloud.url, signedIn: true });

    const refused = await refusal(connection.setUrl('ftp://cloud.example'));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.issues).toEqual([{ path: ['url'], message: expect.any(String) }]);
    expect((await refusal(connection.setUrl('http://cloud.example'))).code).toBe('BAD_REQUEST');

    expect(await connection.setUrl('https://cloud.example/rateback/')).toMatchObject({ url: 'https://cloud.example/rateback', signedIn: false });
    expect(await vault.load()).toBeNull();
    expect(await address.get()).toEqual({ url: 'https://cloud.example/rateback', sessionUrl: null });
    await connection.close();
    expect(await works(member.token)).toBe(false);
  });

  it('refuses a change when RATEBACK_CLOUD_URL fixes the address', async () => {
    const { connection } = await connect({ envUrl: cloud.url });
    expect(await connection.info()).toMatchObject({ url: cloud.url, editable: false });
    expect((await refusal(connection.setUrl('https://cloud.example'))).code).toBe('PRECONDITION_FAILED');
  });
});

describe('subscriptions', () => {
  it('delivers the cloud’s events with their ids, and ends when the session ends', async () => {
    const member = await seedMember(cloud.db.database);
    const { connection } = await connect({ token: member.token });
    const stop = new AbortController();
    const events = connection.subscribe({ path: 'sync.onVersion', input: { since: 0 } }, stop.signal)[Symbol.asyncIterator]();
    const next = events.next();
    const deviceId = randomUUID();
    await connection.forward({ path: 'sync.push', type: 'mutation', input: { deviceId, mutations: [mutation(1, create('customers', customer()))] } });
    expect((await next).value).toEqual({ id: '1', data: { version: 1 } } satisfies CloudEvent);

    const after = events.next();
    await connection.forward({ path: 'account.signOut', type: 'mutation', input: undefined });
    expect(await after).toEqual({ done: true, value: undefined });
    stop.abort();
  });

  it('resumes after the last event id the renderer saw', async () => {
    const member = await seedMember(cloud.db.database);
    const { connection } = await connect({ token: member.token });
    const api = cloud.client(member.token);
    const deviceId = randomUUID();
    await api.sync.push.mutate({ deviceId, mutations: [mutation(1, create('customers', customer()))] });
    await api.sync.push.mutate({ deviceId, mutations: [mutation(2, create('customers', customer()))] });
    const stop = new AbortController();
    const events = connection.subscribe({ path: 'sync.onVersion', input: { since: 0 }, lastEventId: '1' }, stop.signal)[Symbol.asyncIterator]();
    expect((await events.next()).value).toEqual({ id: '2', data: { version: 2 } });
    stop.abort();
    expect((await events.next()).done).toBe(true);
  });

  it('passes the cloud’s refusal on', async () => {
    const { connection } = await connect();
    const events = connection.subscribe({ path: 'sync.onVersion', input: { since: 0 } }, new AbortController().signal)[Symbol.asyncIterator]();
    expect((await refusal(events.next())).code).toBe('UNAUTHORIZED');
    expect((await refusal(connection.subscribe({ path: 'account.me', input: undefined }, new AbortController().signal)[Symbol.asyncIterator]().next())).code).toBe(
      'METHOD_NOT_SUPPORTED',
    );
  });
});
