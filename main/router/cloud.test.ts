import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from '@trpc/client';
import { TRPCError } from '@trpc/server';
import { EventSource } from 'eventsource';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUpInput, uniqueEmail } from '../../cloud/accounts/test-helpers';
import type { AppRouter as CloudAppRouter } from '../../cloud/routers/_app';
import { seedMember } from '../../cloud/testing/fixtures';
import { startTestCloud, type TestCloud } from '../../cloud/testing/harness';
import { testDatabaseKinds } from '../../cloud/testing/test-database';
import { create, customer, mutation } from '../../cloud/sync/test-records';
import { createFileCloudAddressStore } from '../services/cloud/cloud-address-store';
import { CloudError } from '../services/cloud/cloud-errors';
import { createFileTokenVault } from '../services/cloud/token-vault.file';
import { startWebHost, type WebHost } from '../web/host';
import type { AppRouter } from './app-router';
import { makeTestCaller } from './test-context';

/**
 * main's `cloud` router against a real cloud: through createCaller for the procedures'
 * behaviour, and over web mode's HTTP (batching, SSE) for what the renderer's cloud link
 * actually receives: the cloud's error data and tracked events.
 */

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud(testDatabaseKinds()[0]!);
}, 60_000);
afterAll(async () => {
  await cloud?.close();
}, 30_000);

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setup() {
  const t = await makeTestCaller({}, undefined, { cloudUrl: cloud.url });
  cleanup = t.cleanup;
  return t;
}

async function rejection<T>(call: Promise<unknown>): Promise<T> {
  try {
    await call;
  } catch (error) {
    return error as T;
  }
  throw new Error('expected the call to fail');
}

async function trpcError(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('cloud.* through createCaller', () => {
  it('says where this PC stands', async () => {
    const { caller } = await setup();
    await expect(caller.cloud.connection()).resolves.toEqual({ url: cloud.url, signedIn: false, local: false, editable: true, localProblem: null });
  });

  it('forwards a sign-up: the answer without the token, the token in the vault', async () => {
    const { caller, vault } = await setup();
    const email = uniqueEmail('router');
    const answer = await caller.cloud.forward({ path: 'account.signUp', type: 'mutation', input: signUpInput(email) });
    expect(answer).toMatchObject({ me: { user: { email } } });
    expect(answer).not.toHaveProperty('token');
    expect(await vault.load()).toEqual(expect.any(String));
    await expect(caller.cloud.forward({ path: 'account.me', type: 'query', input: undefined })).resolves.toMatchObject({ user: { email } });
    await expect(caller.cloud.connection()).resolves.toMatchObject({ signedIn: true });
  });

  it('rethrows the cloud’s refusal with its code and message, issues in the cause', async () => {
    const { caller } = await setup();
    const signedOut = await trpcError(caller.cloud.forward({ path: 'account.me', type: 'query', input: undefined }));
    expect({ code: signedOut.code, message: signedOut.message }).toEqual({ code: 'UNAUTHORIZED', message: 'Sign in first.' });

    const invalid = await trpcError(caller.cloud.forward({ path: 'account.signUp', type: 'mutation', input: signUpInput('nope') }));
    expect(invalid.code).toBe('BAD_REQUEST');
    expect(invalid.cause).toBeInstanceOf(CloudError);
    expect((invalid.cause as CloudError).issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['owner', 'email'] })]));
  });

  it('checks the envelope itself', async () => {
    const { caller } = await setup();
    // @ts-expect-error subscriptions go through cloud.subscribe
    expect((await trpcError(caller.cloud.forward({ path: 'sync.onVersion', type: 'subscription', input: {} }))).code).toBe('BAD_REQUEST');
    expect((await trpcError(caller.cloud.forward({ path: 'x'.repeat(101), type: 'query', input: {} }))).code).toBe('BAD_REQUEST');
    expect((await trpcError(caller.cloud.forward({ path: 'admin.dropAll', type: 'mutation', input: {} }))).code).toBe('NOT_FOUND');
  });

  it('changes the address with a check, and follows the change', async () => {
    const stop = new AbortController();
    const { caller } = await makeTestCaller({}, stop.signal, { cloudUrl: cloud.url }).then((t) => ((cleanup = t.cleanup), t));
    const changes = (await caller.cloud.changes())[Symbol.asyncIterator]();
    expect((await changes.next()).value).toMatchObject({ url: cloud.url });

    const refused = await trpcError(caller.cloud.setUrl({ url: 'cloud.example.com' }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect((refused.cause as CloudError).issues).toEqual([{ path: ['url'], message: expect.stringContaining('web address') }]);

    await expect(caller.cloud.setUrl({ url: 'https://cloud.example.com/' })).resolves.toMatchObject({ url: 'https://cloud.example.com', signedIn: false });
    expect((await changes.next()).value).toMatchObject({ url: 'https://cloud.example.com' });
    await expect(caller.cloud.setUrl({ url: null })).resolves.toMatchObject({ url: cloud.url });
    stop.abort();
  });
});

describe('cloud.* over HTTP (web mode)', () => {
  let tmp: string;
  let host: WebHost;
  let member: Awaited<ReturnType<typeof seedMember>>;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'rateback-cloud-http-'));
    const dataDir = join(tmp, 'data');
    // Signed in before the host starts, as after a restart.
    member = await seedMember(cloud.db.database);
    await createFileTokenVault({ dir: dataDir }).save(member.token);
    await createFileCloudAddressStore({ dir: dataDir }).set({ url: null, sessionUrl: cloud.url });
    host = await startWebHost({
      port: 0,
      rendererDir: join(tmp, 'renderer'),
      dataDir,
      version: '0.0.0-test',
      cloud: { env: { RATEBACK_CLOUD_URL: cloud.url }, localCommand: null },
    });
  });
  afterAll(async () => {
    await host?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  const mainClient = () =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({ url: `${host.url}/trpc`, EventSource }),
          false: httpBatchLink({ url: `${host.url}/trpc` }),
        }),
      ],
    });

  it('reports the address fixed by RATEBACK_CLOUD_URL and the saved session', async () => {
    await expect(mainClient().cloud.connection.query()).resolves.toEqual({ url: cloud.url, signedIn: true, local: false, editable: false, localProblem: null });
  });

  it('forwards calls without input (JSON drops an undefined input), batched with others', async () => {
    const main = mainClient();
    const [health, me] = await Promise.all([
      main.cloud.forward.mutate({ path: 'health', type: 'query', input: undefined }),
      main.cloud.forward.mutate({ path: 'account.me', type: 'query', input: undefined }),
    ]);
    expect(health).toEqual({ ok: true, database: 'pglite' });
    expect(me).toMatchObject({ user: { email: member.email } });
  });

  it('gives the renderer the cloud’s error data: code, message and issues', async () => {
    const direct = await rejection<TRPCClientError<CloudAppRouter>>(cloud.client().account.signUp.mutate(signUpInput('nope')));
    const forwarded = await rejection<TRPCClientError<AppRouter>>(
      mainClient().cloud.forward.mutate({ path: 'account.signUp', type: 'mutation', input: signUpInput('nope') }),
    );
    expect(forwarded).toBeInstanceOf(TRPCClientError);
    expect(forwarded.message).toBe(direct.message);
    expect(forwarded.data?.code).toBe('BAD_REQUEST');
    expect(forwarded.data?.issues).toEqual(direct.data?.issues);
    expect(forwarded.data?.issues?.length).toBeGreaterThan(0);
  });

  it('forwards a subscription over SSE, tracked events with their ids', async () => {
    const main = mainClient();
    const received = new Promise<unknown>((resolve, reject) => {
      const sub = main.cloud.subscribe.subscribe(
        { path: 'sync.onVersion', input: { since: 0 } },
        {
          onStarted: () => {
            void main.cloud.forward.mutate({
              path: 'sync.push',
              type: 'mutation',
              input: { deviceId: randomUUID(), mutations: [mutation(1, create('customers', customer()))] },
            });
          },
          onData: (event) => {
            sub.unsubscribe();
            resolve(event);
          },
          onError: reject,
        },
      );
    });
    expect(await received).toEqual({ id: '1', data: { version: 1 } });
  });
});
