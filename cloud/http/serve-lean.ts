import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyTRPCRouter, TRPCProcedureType } from '@trpc/server';
import { TRPCError, getErrorShape, getTRPCErrorFromUnknown } from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/http';
import { isAsyncIterable, isObject, isPromise } from '@trpc/server/unstable-core-do-not-import';
import { readCappedBody } from './capped-body';
import { createCallInputs, type InputSource } from './call-inputs';
import type { RequestPlan } from './request-plan';

type LeanPlan = Extract<RequestPlan, { lean: true }>;

/** What one failed call, or a failure of the whole request, reports. Same fields as stock's onError. */
export interface LeanErrorEvent {
  error: TRPCError;
  path: string | undefined;
  type: TRPCProcedureType | 'unknown';
  input: unknown;
  ctx: unknown;
  req: IncomingMessage;
}

export interface LeanServeOptions {
  router: AnyTRPCRouter;
  createContext: (opts: { req: IncomingMessage; res: ServerResponse }) => unknown;
  maxBodyBytes: number;
  allowMethodOverride: boolean;
  onError: ((event: LeanErrorEvent) => void) | undefined;
}

type Outcome = { ok: true; data: unknown } | { ok: false; error: TRPCError };

/**
 * Answers a plain JSON query or mutation request (single or batched) the way tRPC 11's
 * `resolveResponse` does, without turning the request into a web `Request` and the answer into a
 * `Response` stream. Procedures run through their own middleware chain (`proc(callOptions)`, as
 * stock calls them), so input validation, middlewares and the error formatter are tRPC's; only
 * the HTTP framing around them is done here, and each rule below names the stock rule it copies.
 *
 * Never rejects on a procedure's failure; it rejects only if this code itself breaks.
 */
export async function serveLean(
  opts: LeanServeOptions,
  plan: LeanPlan,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { router, onError } = opts;
  const config = router._def._config;

  // Stock aborts the request's signal when the client goes away before the answer is written.
  const abort = new AbortController();
  res.once('close', () => {
    if (!res.writableEnded) abort.abort();
  });

  // The body starts streaming in now, while the context is created; calls wait for it only when
  // they read their input.
  const source: InputSource =
    req.method === 'GET'
      ? { from: 'query', text: plan.inputText }
      : { from: 'body', body: readCappedBody(req, opts.maxBodyBytes) };
  const inputs = createCallInputs(source, plan.isBatch, plan.calls.length);

  // Stock creates the context once, before any call, even if every call will fail; a failure
  // becomes each call's error (after the NOT_FOUND and method checks).
  let ctx: unknown;
  let ctxError: TRPCError | undefined;
  try {
    ctx = await opts.createContext({ req, res });
  } catch (cause) {
    ctxError = getTRPCErrorFromUnknown(cause);
  }

  const acceptsPost = opts.allowMethodOverride && req.method === 'POST';
  const runCall = async (index: number): Promise<Outcome> => {
    const { path, procedure } = plan.calls[index]!;
    try {
      if (procedure === null) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `No procedure found on path "${path}"` });
      }
      const type = procedure._def.type;
      const methodOk = type === 'mutation' ? req.method === 'POST' : req.method === 'GET' || acceptsPost;
      if (!methodOk) {
        throw new TRPCError({
          code: 'METHOD_NOT_SUPPORTED',
          message: `Unsupported ${req.method}-request to ${type} procedure at path "${path}"`,
        });
      }
      if (ctxError) throw ctxError;
      const data: unknown = await procedure({
        path,
        getRawInput: () => inputs.read(index),
        ctx,
        type,
        signal: abort.signal,
        batchIndex: index,
      });
      return { ok: true, data };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      onError?.({ error, path, type: procedure?._def.type ?? 'unknown', input: inputs.result(index), ctx, req });
      return { ok: false, error };
    }
  };

  const errorShape = (error: TRPCError, index: number) => {
    const call = plan.calls[index]!;
    return getErrorShape({
      config,
      ctx,
      error,
      input: inputs.result(index),
      path: call.path,
      type: call.procedure?._def.type ?? 'unknown',
    });
  };

  // Stock's catch-all around the whole answer: no path, no input, the request's type.
  const answerWholeRequestError = (cause: unknown): void => {
    const error = getTRPCErrorFromUnknown(cause);
    onError?.({ error, path: undefined, type: plan.type, input: undefined, ctx, req });
    const json = { error: getErrorShape({ config, ctx, error, input: undefined, path: undefined, type: plan.type }) };
    send(res, getHTTPStatusCode(json), JSON.stringify(json));
  };

  if (!plan.isBatch) {
    const outcome = await runCall(0);
    // Stock throws this one out of the single-call branch, so it takes the catch-all route.
    if (outcome.ok && isDataStream(outcome.data)) {
      answerWholeRequestError(streamInPlainRequest());
      return;
    }
    const json = outcome.ok ? { result: { data: outcome.data } } : { error: errorShape(outcome.error, 0) };
    sendJson(res, getHTTPStatusCode(json), json, answerWholeRequestError);
    return;
  }

  const outcomes = await Promise.all(plan.calls.map((_call, index) => runCall(index)));
  const json = outcomes.map((outcome, index) => {
    // In a batch stock swaps the result for the error after the fact, without onError.
    if (outcome.ok && isDataStream(outcome.data)) return { error: errorShape(streamInPlainRequest(), index) };
    return outcome.ok ? { result: { data: outcome.data } } : { error: errorShape(outcome.error, index) };
  });
  // One status for all calls, or 207 when they differ (getHTTPStatusCode's rule).
  sendJson(res, getHTTPStatusCode(json), json, answerWholeRequestError);
}

/** JSON.stringify can throw (a BigInt, a cycle): stock answers that through its catch-all. */
function sendJson(res: ServerResponse, status: number, json: unknown, onFailure: (cause: unknown) => void): void {
  let body: string;
  try {
    body = JSON.stringify(json);
  } catch (cause) {
    onFailure(cause);
    return;
  }
  send(res, status, body);
}

/**
 * Like stock's writeResponse: a status set earlier (by createContext or a procedure, through
 * `res`) wins over ours, and headers set earlier are kept. Ending with the whole body lets Node
 * send a Content-Length instead of chunks.
 */
export function send(res: ServerResponse, status: number, body: string): void {
  if (res.statusCode === 200) res.statusCode = status;
  res.setHeader('vary', 'trpc-accept, accept');
  res.setHeader('content-type', 'application/json');
  res.end(body);
}

function streamInPlainRequest(): TRPCError {
  return new TRPCError({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
  });
}

/** Stock's isDataStream: an async iterable, or an object holding promises or async iterables. */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  const fields = Object.values(value);
  return fields.some(isPromise) || fields.some(isAsyncIterable);
}
