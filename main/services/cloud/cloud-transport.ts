import {
  createTRPCUntypedClient,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
  type Operation,
  type TRPCLink,
} from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { EventSource } from 'eventsource';
import { z } from 'zod';
import type { CloudCall, CloudEvent } from './cloud-api';
import { CloudError } from './cloud-errors';

/**
 * The HTTP side of main's cloud calls: a stock tRPC client (untyped: calls go by path, the
 * types live in the renderer's client) with the session token as a bearer header, and the
 * cloud's failures as CloudErrors. It knows nothing of vaults or sign-in rules
 * (cloud-connection.ts does); the token is handed in per call.
 */
export interface CloudTransport {
  readonly url: string;
  call(call: CloudCall, token: string | null, signal?: AbortSignal): Promise<unknown>;
  /**
   * Follows a subscription until `signal` aborts (then it just ends) or the cloud ends it.
   * `token` is read at each (re)connection, so a rotated token is used from then on.
   */
  subscribe(call: { path: string; input: unknown }, token: () => string | null, signal: AbortSignal): AsyncIterable<CloudEvent>;
}

export interface CloudTransportOptions {
  url: string;
  /** Shown in the cloud's list of sessions, beside the device label. */
  userAgent: string;
  /** How long a query or mutation may take; a sync push of 8 MB on a slow line needs a while. */
  callTimeoutMs?: number;
}

const DEFAULT_CALL_TIMEOUT_MS = 120_000;

/** The token travels to the links in the operation's context, so one client serves every call. */
interface AuthContext extends Record<string, unknown> {
  token: () => string | null;
}

export function createCloudTransport(options: CloudTransportOptions): CloudTransport {
  const { url } = options;
  const timeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const headersFor = (op: Operation): Record<string, string> => {
    const token = (op.context as Partial<AuthContext>).token?.() ?? null;
    return { 'user-agent': options.userAgent, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  };

  const client = createTRPCUntypedClient<AnyTRPCRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: [
          eventEnvelopeLink(),
          httpSubscriptionLink({
            url: `${url}/trpc`,
            EventSource,
            eventSourceOptions: ({ op }) => ({
              fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...headersFor(op) } }),
            }),
          }),
        ],
        // One HTTP request per call, not batches: each forwarded call fails or succeeds alone.
        false: httpLink({ url: `${url}/trpc`, headers: ({ op }) => headersFor(op) }),
      }),
    ],
  });

  async function call(request: CloudCall, token: string | null, signal?: AbortSignal): Promise<unknown> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const context: AuthContext = { token: () => token };
    try {
      return request.type === 'query'
        ? await client.query(request.path, request.input, { signal: combined, context })
        : await client.mutation(request.path, request.input, { signal: combined, context });
    } catch (error) {
      if (signal?.aborted) throw new CloudError('CLIENT_CLOSED_REQUEST', 'The call was cancelled.', null, { cause: error });
      if (timeout.aborted) {
        throw new CloudError('GATEWAY_TIMEOUT', `The Rateback cloud at ${url} did not answer within ${Math.round(timeoutMs / 1000)} s.`, null, { cause: error });
      }
      throw cloudFailure(error, url);
    }
  }

  function subscribe(request: { path: string; input: unknown }, token: () => string | null, signal: AbortSignal): AsyncIterable<CloudEvent> {
    return {
      [Symbol.asyncIterator]: () => follow(request, token, signal),
    };
  }

  async function* follow(request: { path: string; input: unknown }, token: () => string | null, signal: AbortSignal): AsyncGenerator<CloudEvent> {
    type Item = { kind: 'event'; event: CloudEvent } | { kind: 'error'; error: unknown } | { kind: 'end' };
    const queue: Item[] = [];
    let wake: (() => void) | null = null;
    const push = (item: Item) => {
      queue.push(item);
      wake?.();
      wake = null;
    };
    const context: AuthContext = { token };
    const subscription = client.subscription(request.path, request.input, {
      context,
      signal,
      onData: (event) => push({ kind: 'event', event: event as CloudEvent }),
      onError: (error) => push({ kind: 'error', error }),
      onComplete: () => push({ kind: 'end' }),
    });
    const onAbort = () => push({ kind: 'end' });
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort);
    try {
      for (;;) {
        const item = queue.shift();
        if (!item) {
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        if (item.kind === 'end') return;
        if (item.kind === 'error') throw cloudFailure(item.error, url);
        yield item.event;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      subscription.unsubscribe();
    }
  }

  return { url, call, subscribe };
}

const CloudIssues = z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }));

/**
 * The cloud's answer as a CloudError with the same code, message and field issues; anything
 * without a tRPC answer (refused connection, DNS, a proxy's HTML page) is SERVICE_UNAVAILABLE.
 */
export function cloudFailure(error: unknown, url: string): CloudError {
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data;
    const code = typeof data === 'object' && data !== null && 'code' in data ? data.code : undefined;
    if (isErrorCode(code)) {
      const issues = CloudIssues.safeParse((data as { issues?: unknown }).issues);
      return new CloudError(code, error.message, issues.success ? issues.data : null, { cause: error });
    }
  }
  return new CloudError('SERVICE_UNAVAILABLE', `Cannot reach the Rateback cloud at ${url}.`, null, { cause: error });
}

function isErrorCode(value: unknown): value is TRPC_ERROR_CODE_KEY {
  return typeof value === 'string' && Object.hasOwn(TRPC_ERROR_CODES_BY_KEY, value);
}

/**
 * tRPC's SSE client hands a tracked event's data over as `{ id, data }` and an untracked one
 * as the bare value, which a subscriber cannot tell apart (the value may itself be an object
 * with `id` and `data`). This link, in front of the SSE link, wraps every value as a CloudEvent
 * while the envelope still says which it was, so main can send tracked events on as tracked.
 */
function eventEnvelopeLink(): TRPCLink<AnyTRPCRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        const subscription = next(op).subscribe({
          next(envelope) {
            const { result } = envelope;
            if (!('data' in result)) return observer.next(envelope);
            const id = 'id' in result && typeof result.id === 'string' && result.id !== '' ? result.id : null;
            const data = id === null ? result.data : (result.data as { data?: unknown }).data;
            const event: CloudEvent = { id, data };
            observer.next({ ...envelope, result: { type: 'data', data: event } });
          },
          error: (error) => observer.error(error),
          complete: () => observer.complete(),
        });
        return () => subscription.unsubscribe();
      });
}
