import { describe, expect, it, vi } from 'vitest';
import { createTRPCClient, TRPCClientError } from '@trpc/client';
import { bridgeOverMain, cloudLink, codeOf, issuesOf, type CloudAppRouter, type CloudBridge, type ForwardedCall, type SubscriptionHandlers } from './cloud-client';
import type { MainClient } from './trpc-client';

/** A stand-in for main: records calls, answers with what the test says. */
function fakeBridge(answer: (call: ForwardedCall) => Promise<unknown>) {
  const calls: ForwardedCall[] = [];
  const signals: AbortSignal[] = [];
  const subscriptions: { call: { path: string; input: unknown }; handlers: SubscriptionHandlers; ended: boolean }[] = [];
  const bridge: CloudBridge = {
    forward(call, signal) {
      calls.push(call);
      signals.push(signal);
      return answer(call);
    },
    subscribe(call, handlers) {
      const entry = { call, handlers, ended: false };
      subscriptions.push(entry);
      return () => {
        entry.ended = true;
      };
    },
  };
  return { bridge, calls, signals, subscriptions };
}

/** An error as main's tRPC client throws it for a forwarded cloud error. */
function mainError(message: string, data: Record<string, unknown> | undefined) {
  return Object.assign(new Error(message), { name: 'TRPCClientError', data });
}

function clientOver(bridge: CloudBridge, onSessionEnded = vi.fn()) {
  return { client: createTRPCClient<CloudAppRouter>({ links: [cloudLink(bridge, { onSessionEnded })] }), onSessionEnded };
}

describe('cloudLink', () => {
  it('sends a query to main as a forwarded call and returns its result', async () => {
    const me = { user: { id: 'u1' } };
    const { bridge, calls } = fakeBridge(async () => me);
    const { client } = clientOver(bridge);
    await expect(client.account.me.query()).resolves.toEqual(me);
    expect(calls).toEqual([{ path: 'account.me', type: 'query', input: undefined }]);
  });

  it('sends a mutation with its input as typed', async () => {
    const { bridge, calls } = fakeBridge(async () => ({ me: {} }));
    const { client } = clientOver(bridge);
    await client.account.signIn.mutate({ email: 'jo@acme.test', password: 'secret secret', deviceLabel: 'Front desk' });
    expect(calls).toEqual([{ path: 'account.signIn', type: 'mutation', input: { email: 'jo@acme.test', password: 'secret secret', deviceLabel: 'Front desk' } }]);
  });

  it("re-throws the cloud's error with its code and field issues", async () => {
    const issues = [{ path: ['owner', 'email'], message: 'There is already a Rateback account with this e-mail address' }];
    const { bridge } = fakeBridge(async () => {
      throw mainError('There is already a Rateback account with this e-mail address', { code: 'CONFLICT', httpStatus: 409, issues });
    });
    const { client, onSessionEnded } = clientOver(bridge);
    const error = await client.account.signUp
      .mutate({
        owner: { displayName: 'Jo', email: 'jo@acme.test', password: 'long enough password' },
        business: { legalName: 'Acme', country: 'GB', trade: 'Plumbing', region: 'Leeds', webDomain: 'acme.test' },
        deviceLabel: 'PC',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(codeOf(error)).toBe('CONFLICT');
    expect(issuesOf(error)).toEqual(issues);
    expect((error as TRPCClientError<CloudAppRouter>).data?.path).toBe('account.signUp');
    expect((error as Error).message).toBe('There is already a Rateback account with this e-mail address');
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('reports an ended session once the cloud refuses it, but not a wrong password', async () => {
    const { bridge } = fakeBridge(async () => {
      throw mainError('Sign in again: your session has ended.', { code: 'UNAUTHORIZED', httpStatus: 401 });
    });
    const { client, onSessionEnded } = clientOver(bridge);
    await expect(client.team.members.query()).rejects.toThrow('Sign in again');
    expect(onSessionEnded).toHaveBeenCalledWith('team.members');

    onSessionEnded.mockClear();
    await expect(client.account.signIn.mutate({ email: 'a@b.test', password: 'x', deviceLabel: 'PC' })).rejects.toThrow();
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('keeps an error without an answer (main out of reach) without data, as the sync engine reads "offline"', async () => {
    const { bridge } = fakeBridge(async () => {
      throw new TypeError('Failed to fetch');
    });
    const { client } = clientOver(bridge);
    const error = await client.sync.pull.query({ cursor: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<CloudAppRouter>).data).toBeUndefined();
    expect((error as Error).message).toBe('Failed to fetch');
  });

  it('aborts the forwarded call when the caller aborts', async () => {
    const { bridge, signals } = fakeBridge(() => new Promise(() => {}));
    const { client } = clientOver(bridge);
    const controller = new AbortController();
    const pending = client.account.me.query(undefined, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    controller.abort();
    expect(await pending).toBeInstanceOf(TRPCClientError);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('follows a subscription through main and ends it on unsubscribe', async () => {
    const { bridge, subscriptions } = fakeBridge(async () => null);
    const { client } = clientOver(bridge);
    const seen: unknown[] = [];
    const started = vi.fn();
    const subscription = client.sync.onVersion.subscribe({ since: 3 }, { onStarted: started, onData: (v) => seen.push(v) });
    expect(subscriptions).toHaveLength(1);
    const entry = subscriptions[0];
    if (!entry) throw new Error('no subscription');
    expect(entry.call).toEqual({ path: 'sync.onVersion', input: { since: 3 } });
    entry.handlers.onStarted();
    entry.handlers.onData({ id: '4', data: { version: 4 } });
    entry.handlers.onData({ id: '7', data: { version: 7 } });
    expect(started).toHaveBeenCalled();
    expect(seen).toEqual([
      { id: '4', data: { version: 4 } },
      { id: '7', data: { version: 7 } },
    ]);
    subscription.unsubscribe();
    expect(entry.ended).toBe(true);
  });

  it('passes a subscription error on with the session check', () => {
    const { bridge, subscriptions } = fakeBridge(async () => null);
    const { client, onSessionEnded } = clientOver(bridge);
    const onError = vi.fn();
    client.sync.onVersion.subscribe({ since: 0 }, { onError });
    subscriptions[0]?.handlers.onError(mainError('Sign in again: your session has ended.', { code: 'UNAUTHORIZED', httpStatus: 401 }));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(codeOf(onError.mock.calls[0]?.[0])).toBe('UNAUTHORIZED');
    expect(onSessionEnded).toHaveBeenCalledWith('sync.onVersion');
  });
});

describe('bridgeOverMain', () => {
  it("uses main's cloud.forward (a mutation) and cloud.subscribe", async () => {
    const forward = vi.fn(async () => ({ ok: true }));
    const unsubscribe = vi.fn();
    const subscribe = vi.fn((_input: unknown, handlers: { onData: (v: unknown) => void }) => {
      handlers.onData({ version: 2 });
      return { unsubscribe };
    });
    const main = { cloud: { forward: { mutate: forward }, subscribe: { subscribe } } } as unknown as MainClient;
    const bridge = bridgeOverMain(main);
    const signal = new AbortController().signal;
    await expect(bridge.forward({ path: 'health', type: 'query', input: undefined }, signal)).resolves.toEqual({ ok: true });
    expect(forward).toHaveBeenCalledWith({ path: 'health', type: 'query', input: undefined }, { signal });
    const seen: unknown[] = [];
    const stop = bridge.subscribe({ path: 'sync.onVersion', input: { since: 1 } }, { onStarted: vi.fn(), onData: (v) => seen.push(v), onError: vi.fn(), onComplete: vi.fn() });
    expect(subscribe.mock.calls[0]?.[0]).toEqual({ path: 'sync.onVersion', input: { since: 1 } });
    expect(seen).toEqual([{ version: 2 }]);
    stop();
    expect(unsubscribe).toHaveBeenCalled();
  });
});
