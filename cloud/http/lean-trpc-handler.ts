import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyTRPCRouter, TRPCError, TRPCProcedureType, inferRouterContext } from '@trpc/server';
import { getErrorShape, getTRPCErrorFromUnknown } from '@trpc/server';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import { getHTTPStatusCode, type TRPCRequestInfo } from '@trpc/server/http';
import { defaultTransformer } from '@trpc/server/unstable-core-do-not-import';
import { planRequest, type FallbackReason } from './request-plan';
import { send, serveLean } from './serve-lean';

export type { FallbackReason } from './request-plan';

/**
 * What createContext receives. `info` (the parsed request, with `connectionParams`) is there only
 * when the stock adapter serves the request, e.g. a subscription; the lean path skips building it.
 */
export interface LeanTrpcContextOptions {
  req: IncomingMessage;
  res: ServerResponse;
  info?: TRPCRequestInfo;
}

export interface LeanTrpcErrorEvent<TRouter extends AnyTRPCRouter> {
  error: TRPCError;
  /** The failing call's procedure path; undefined when the whole request failed. */
  path: string | undefined;
  type: TRPCProcedureType | 'unknown';
  input: unknown;
  ctx: inferRouterContext<TRouter> | undefined;
  req: IncomingMessage;
}

export interface LeanTrpcHandlerOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  createContext: (opts: LeanTrpcContextOptions) => Promise<inferRouterContext<TRouter>> | inferRouterContext<TRouter>;
  /** Larger bodies fail the calls that read them with 413 PAYLOAD_TOO_LARGE, on both paths. Default 1 MiB. */
  maxBodyBytes?: number;
  /** More calls in one batch are refused with 400 BAD_REQUEST (by stock). Default: no limit, as stock. */
  maxBatchSize?: number;
  /** Let queries come as POST too (stock's option of the same name). Default false. */
  allowMethodOverride?: boolean;
  /** Called once per failed call (or failed request), on both paths. */
  onError?: (event: LeanTrpcErrorEvent<TRouter>) => void;
  /** Called when a request is handed to the stock adapter, with the reason. For metrics and tests. */
  onFallback?: (reason: FallbackReason, req: IncomingMessage) => void;
}

/**
 * `path` is the part of the URL path after the tRPC prefix, still %-encoded and without the query:
 * for `/trpc/greet,add?batch=1` it is `greet,add`. The handler answers every request it is given
 * and never throws.
 */
export type LeanTrpcHandler = (req: IncomingMessage, res: ServerResponse, path: string) => void;

const defaultMaxBodyBytes = 1024 * 1024;

/**
 * A node:http request handler for a tRPC router that speaks tRPC 11's HTTP protocol unchanged
 * (the stock `httpBatchLink`, `httpLink` and `httpSubscriptionLink` work against it) at a fraction
 * of the stock adapter's per-request cost.
 *
 * Why: the stock node adapter turns every request into a web `Request` and every answer into a
 * `Response` stream; on this service that conversion cost more than the query itself (stock
 * reached 0.38× of bare node:http + pg). Here plain JSON queries and mutations, single or batched,
 * are answered straight from the IncomingMessage, calling the procedures through tRPC's own
 * machinery so validation, middlewares, error shapes and status codes are tRPC's. Everything
 * else (subscriptions over SSE, streamed batches, form data, HEAD/OPTIONS, a router with a
 * transformer) goes to the stock `nodeHTTPRequestHandler` with the same router and options; see
 * `planRequest` for the exact rules.
 *
 * @example
 * const trpc = createLeanTrpcHandler({ router: appRouter, createContext: ({ req }) => createRequestContext(services, req) });
 * createServer((req, res) => {
 *   const url = req.url ?? '/';
 *   if (!url.startsWith('/trpc/')) return notFound(res);
 *   const queryStart = url.indexOf('?');
 *   trpc(req, res, url.slice('/trpc/'.length, queryStart === -1 ? undefined : queryStart));
 * });
 */
export function createLeanTrpcHandler<TRouter extends AnyTRPCRouter>(
  opts: LeanTrpcHandlerOptions<TRouter>,
): LeanTrpcHandler {
  const { router, onError, onFallback, maxBatchSize } = opts;
  const maxBodyBytes = opts.maxBodyBytes ?? defaultMaxBodyBytes;
  const allowMethodOverride = opts.allowMethodOverride ?? false;
  // A transformer changes every input and output on the wire; rather than half-support one, such
  // a router is always served by stock.
  const leanAllowed = router._def._config.transformer === defaultTransformer;

  // Internally ctx is `unknown` (both paths hand over whatever createContext made); the cast only
  // widens the caller's typed handler to that.
  const reportError = onError as ((event: LeanTrpcErrorEvent<AnyTRPCRouter>) => void) | undefined;
  const leanOptions = {
    router,
    createContext: opts.createContext,
    maxBodyBytes,
    allowMethodOverride,
    onError: reportError,
  };

  const serveStock = (req: IncomingMessage, res: ServerResponse, path: string, reason: FallbackReason): void => {
    onFallback?.(reason, req);
    void nodeHTTPRequestHandler({
      router,
      req,
      res,
      path,
      createContext: ({ req: request, res: response, info }) => opts.createContext({ req: request, res: response, info }),
      maxBodySize: maxBodyBytes,
      allowMethodOverride,
      ...(maxBatchSize === undefined ? {} : { maxBatchSize }),
      onError: ({ error, path: callPath, type, input, ctx }) =>
        reportError?.({ error, path: callPath, type, input, ctx, req }),
    }).catch((cause: unknown) => answerInternalError(router, req, res, cause, reportError));
  };

  return (req, res, path) => {
    if (!leanAllowed) {
      serveStock(req, res, path, 'transformer');
      return;
    }
    const plan = planRequest(router, req, path, maxBatchSize);
    if (!plan.lean) {
      serveStock(req, res, path, plan.reason);
      return;
    }
    serveLean(leanOptions, plan, req, res).catch((cause: unknown) =>
      answerInternalError(router, req, res, cause, reportError),
    );
  };
}

/**
 * The last resort when the handler itself breaks, shaped like stock's `internal_exceptionHandler`:
 * the client still gets a tRPC error it can read.
 */
function answerInternalError(
  router: AnyTRPCRouter,
  req: IncomingMessage,
  res: ServerResponse,
  cause: unknown,
  onError: ((event: LeanTrpcErrorEvent<AnyTRPCRouter>) => void) | undefined,
): void {
  const error = getTRPCErrorFromUnknown(cause);
  onError?.({ error, path: undefined, type: 'unknown', input: undefined, ctx: undefined, req });
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const json = {
    error: getErrorShape({ config: router._def._config, error, type: 'unknown', path: undefined, input: undefined, ctx: undefined }),
  };
  send(res, getHTTPStatusCode(json), JSON.stringify(json));
}
