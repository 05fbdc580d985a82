import { createTRPCClient, TRPCClientError, type OperationResultEnvelope, type TRPCClient, type TRPCLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import type { FieldIssue } from '@core/field-issues';
import type { AppRouter as CloudAppRouter } from '../../../cloud/routers/_app';
import type { MainClient } from './trpc-client';

/**
 * The cloud's API, typed from its router, reached through main.
 *
 * The renderer never talks to the cloud itself and never holds its session token: main does
 * (main/router/cloud.ts). This client's one link hands each call to main's `cloud.forward`
 * (queries and mutations) or `cloud.subscribe` (subscriptions), and main adds the token and
 * re-throws the cloud's errors. So features write `cloud.account.me.queryOptions()` exactly as
 * if the cloud were local, with the cloud router's own input and output types (the React side
 * is in cloud-session.ts).
 *
 * Procedures that open a session (sign-up, sign-in, joining a team, rotating the session)
 * return their result here WITHOUT `token`: main kept it. Their honest renderer-side types are
 * below (`SignUpResult`, …); read results through them, never `token`.
 */
export type { CloudAppRouter };
export type CloudClient = TRPCClient<CloudAppRouter>;
export type CloudInputs = inferRouterInputs<CloudAppRouter>;
export type CloudOutputs = inferRouterOutputs<CloudAppRouter>;

/** A result as the renderer receives it from a procedure whose cloud output carries a token. */
export type WithoutToken<T> = T extends unknown ? Omit<T, 'token'> : never;
export type SignUpResult = WithoutToken<CloudOutputs['account']['signUp']>;
export type SignInResult = WithoutToken<CloudOutputs['account']['signIn']>;
export type JoinResult = WithoutToken<CloudOutputs['team']['acceptInvite']>;
export type Me = CloudOutputs['account']['me'];

/** One call handed to main. */
export interface ForwardedCall {
  path: string;
  type: 'query' | 'mutation';
  input: unknown;
}

export interface SubscriptionHandlers {
  onStarted: () => void;
  onData: (value: unknown) => void;
  onError: (error: unknown) => void;
  onComplete: () => void;
}

/**
 * What the link needs from main: run one call, or follow one subscription. `bridgeOverMain`
 * builds it from main's tRPC client; tests pass a fake.
 */
export interface CloudBridge {
  forward(call: ForwardedCall, signal: AbortSignal): Promise<unknown>;
  subscribe(call: { path: string; input: unknown }, handlers: SubscriptionHandlers): () => void;
}

/** The cloud bridge over main's router: `cloud.forward` and `cloud.subscribe`. */
export function bridgeOverMain(main: MainClient): CloudBridge {
  return {
    forward: (call, signal) => main.cloud.forward.mutate(call, { signal }),
    subscribe: (call, handlers) => {
      const subscription = main.cloud.subscribe.subscribe(call, {
        onStarted: handlers.onStarted,
        onData: handlers.onData,
        onError: handlers.onError,
        onComplete: handlers.onComplete,
      });
      return () => subscription.unsubscribe();
    },
  };
}

/**
 * Procedures the cloud answers without a session. UNAUTHORIZED from them means "wrong
 * password", not "your session ended".
 */
const PUBLIC_PATHS: ReadonlySet<string> = new Set(['health', 'account.signUp', 'account.signIn', 'team.acceptInvite']);

export interface CloudLinkOptions {
  /** The cloud refused the session (main dropped it): the app shows sign-in again. */
  onSessionEnded?: (path: string) => void;
}

/** The terminating link: every operation of the cloud client goes to main through `bridge`. */
export function cloudLink(bridge: CloudBridge, opts: CloudLinkOptions = {}): TRPCLink<CloudAppRouter> {
  return () =>
    ({ op }) =>
      observable<OperationResultEnvelope<unknown, TRPCClientError<CloudAppRouter>>, TRPCClientError<CloudAppRouter>>((observer) => {
        const fail = (cause: unknown) => {
          const error = toCloudError(cause, op.path);
          if (error.data?.code === 'UNAUTHORIZED' && !PUBLIC_PATHS.has(op.path)) opts.onSessionEnded?.(op.path);
          observer.error(error);
        };

        if (op.type === 'subscription') {
          return bridge.subscribe(
            { path: op.path, input: op.input },
            {
              onStarted: () => observer.next({ result: { type: 'started' } }),
              onData: (data) => observer.next({ result: { type: 'data', data } }),
              onError: fail,
              onComplete: () => {
                observer.next({ result: { type: 'stopped' } });
                observer.complete();
              },
            },
          );
        }

        // The caller's abort (a query no one waits for any more) cancels the call in main and
        // ends the operation with the abort error, as tRPC's own links do.
        const abort = new AbortController();
        const onOuterAbort = () => {
          abort.abort();
          observer.error(TRPCClientError.from<CloudAppRouter>(new DOMException('The call to the cloud was cancelled.', 'AbortError')));
        };
        if (op.signal?.aborted) {
          onOuterAbort();
          return () => {};
        }
        op.signal?.addEventListener('abort', onOuterAbort);
        bridge.forward({ path: op.path, type: op.type, input: op.input }, abort.signal).then(
          (data) => {
            observer.next({ result: { type: 'data', data } });
            observer.complete();
          },
          (cause: unknown) => {
            if (!abort.signal.aborted) fail(cause);
          },
        );
        return () => {
          op.signal?.removeEventListener('abort', onOuterAbort);
          abort.abort();
        };
      });
}

/** The cloud client over main's client. One per app, like main's own client. */
export function createCloudClient(main: MainClient, opts: CloudLinkOptions = {}): CloudClient {
  return createTRPCClient<CloudAppRouter>({ links: [cloudLink(bridgeOverMain(main), opts)] });
}

/** The JSON-RPC numbers tRPC puts in an error's shape, for the codes the cloud throws. */
const JSONRPC_CODES: Record<string, number> = {
  PARSE_ERROR: -32700,
  BAD_REQUEST: -32600,
  INTERNAL_SERVER_ERROR: -32603,
  NOT_IMPLEMENTED: -32603,
  BAD_GATEWAY: -32603,
  SERVICE_UNAVAILABLE: -32603,
  GATEWAY_TIMEOUT: -32603,
  UNAUTHORIZED: -32001,
  PAYMENT_REQUIRED: -32002,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  METHOD_NOT_SUPPORTED: -32005,
  TIMEOUT: -32008,
  CONFLICT: -32009,
  PRECONDITION_FAILED: -32012,
  PAYLOAD_TOO_LARGE: -32013,
  UNSUPPORTED_MEDIA_TYPE: -32015,
  UNPROCESSABLE_CONTENT: -32022,
  TOO_MANY_REQUESTS: -32029,
  CLIENT_CLOSED_REQUEST: -32099,
};

/**
 * The error main re-threw, as the cloud client's own error: `data.code` is the cloud's code,
 * `data.issues` its field issues (the cloud's `[{ path, message }]`, or null), `data.path` the
 * cloud procedure. Anything else (main unreachable, a bug) keeps its message.
 */
export function toCloudError(cause: unknown, path: string): TRPCClientError<CloudAppRouter> {
  const data = recordOf(recordOf(cause)?.['data']);
  const message = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : 'The cloud could not be reached';
  // No tRPC answer at all (main itself out of reach): it stays an error without data, which
  // is how callers (the sync engine among them) tell "no answer" from "refused".
  if (!data) return TRPCClientError.from<CloudAppRouter>(cause instanceof Error ? cause : new Error(message));
  const code = typeof data['code'] === 'string' ? data['code'] : 'INTERNAL_SERVER_ERROR';
  const httpStatus = typeof data['httpStatus'] === 'number' ? data['httpStatus'] : 500;
  const issues = readIssues(data['issues']);
  return TRPCClientError.from<CloudAppRouter>(
    { error: { code: JSONRPC_CODES[code] ?? -32603, message, data: { code, httpStatus, path, issues } } },
    cause instanceof Error ? { cause } : {},
  );
}

function recordOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** The field issues in an error's data, if it is the `[{ path, message }]` the cloud sends. */
export function readIssues(value: unknown): FieldIssue[] | null {
  if (!Array.isArray(value)) return null;
  const issues: FieldIssue[] = [];
  for (const item of value) {
    const issue = recordOf(item);
    const path = issue?.['path'];
    const message = issue?.['message'];
    if (typeof message !== 'string' || !Array.isArray(path)) continue;
    issues.push({ path: path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number'), message });
  }
  return issues;
}

/** The field issues of a failed cloud call (empty when it failed for another reason). */
export function issuesOf(error: unknown): FieldIssue[] {
  const data = recordOf(recordOf(error)?.['data']);
  return readIssues(data?.['issues']) ?? [];
}

/** The cloud's error code of a failed call ('UNAUTHORIZED', 'CONFLICT', …), if it has one. */
export function codeOf(error: unknown): string | null {
  const code = recordOf(recordOf(error)?.['data'])?.['code'];
  return typeof code === 'string' ? code : null;
}

