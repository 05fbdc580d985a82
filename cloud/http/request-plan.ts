import type { IncomingMessage } from 'node:http';
import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';

/**
 * Why a request goes to tRPC's stock adapter instead of the lean path. Reported through the
 * handler's `onFallback` so we can see (and count) which traffic still pays the stock cost.
 */
export type FallbackReason =
  /** The router has a transformer (the lean path only speaks plain JSON). */
  | 'transformer'
  /** HEAD, OPTIONS, PUT, PATCH…: stock answers or refuses them. */
  | 'method'
  /** `trpc-accept` / `accept: application/jsonl`: httpBatchStreamLink's streamed answers. */
  | 'streaming'
  /** A body that is not JSON (form data, octet streams) or a missing content-type on POST. */
  | 'content-type'
  /** `connectionParams` in the query: only subscriptions send it, and it reaches createContext. */
  | 'connection-params'
  /** A path whose %-encoding does not decode (stock answers BAD_REQUEST). */
  | 'path-encoding'
  /** More calls than `maxBatchSize` (stock answers BAD_REQUEST). */
  | 'batch-size'
  /** A path not loaded yet from a lazy router (stock loads it; later calls can go lean). */
  | 'lazy-router'
  /** A subscription (SSE from httpSubscriptionLink). */
  | 'subscription'
  /** A batch mixing queries and mutations (stock answers BAD_REQUEST). */
  | 'mixed-types';

export interface LeanCall {
  path: string;
  /** `null` when no procedure has that path: the call answers NOT_FOUND. */
  procedure: AnyTRPCProcedure | null;
}

export type RequestPlan =
  | {
      lean: true;
      /** The calls' one procedure type; 'unknown' when no path matched a procedure. */
      type: 'query' | 'mutation' | 'unknown';
      isBatch: boolean;
      calls: LeanCall[];
      /** The `input` query parameter as sent (GET inputs live there). */
      inputText: string | null;
    }
  | { lean: false; reason: FallbackReason };

/**
 * Decides, from the method, a few headers and the procedure paths alone (nothing is read from the
 * body), whether the lean path serves a request exactly as stock would. Anything it does not
 * recognise as a plain JSON query or mutation goes to stock, so the lean path never has to
 * reproduce stock's rarer branches; answering those is stock's job.
 *
 * `path` is the procedure part of the URL path, still %-encoded (what the standalone adapter
 * passes on); `?batch=1` makes it a comma-separated list.
 */
export function planRequest(
  router: AnyTRPCRouter,
  req: IncomingMessage,
  path: string,
  maxBatchSize: number | undefined,
): RequestPlan {
  const { method, headers } = req;
  if (method !== 'GET' && method !== 'POST') return { lean: false, reason: 'method' };
  if (headers['trpc-accept'] !== undefined || headers.accept?.includes('application/jsonl')) {
    return { lean: false, reason: 'streaming' };
  }
  // Stock reads GET inputs as JSON whatever the content-type, unless it names form data or an
  // octet stream; a POST body must say it is JSON.
  const contentType = headers['content-type'];
  if (contentType === undefined ? method === 'POST' : !isJson(contentType)) return { lean: false, reason: 'content-type' };

  const url = req.url ?? '';
  const queryStart = url.indexOf('?');
  const query = queryStart === -1 ? undefined : new URLSearchParams(url.slice(queryStart + 1));
  if (query?.has('connectionParams')) return { lean: false, reason: 'connection-params' };
  const isBatch = query?.get('batch') === '1';

  let decoded = path;
  if (path.includes('%')) {
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return { lean: false, reason: 'path-encoding' };
    }
  }
  const paths = isBatch ? decoded.split(',') : [decoded];
  if (isBatch && maxBatchSize !== undefined && paths.length > maxBatchSize) return { lean: false, reason: 'batch-size' };

  const { procedures, lazy } = router._def;
  const calls: LeanCall[] = [];
  let type: 'query' | 'mutation' | undefined;
  for (const callPath of paths) {
    const procedure = (procedures[callPath] as AnyTRPCProcedure | undefined) ?? null;
    if (procedure === null) {
      if (hasAnyKey(lazy)) return { lean: false, reason: 'lazy-router' };
    } else {
      const callType = procedure._def.type;
      if (callType === 'subscription') return { lean: false, reason: 'subscription' };
      if (type !== undefined && type !== callType) return { lean: false, reason: 'mixed-types' };
      type = callType;
    }
    calls.push({ path: callPath, procedure });
  }
  return { lean: true, type: type ?? 'unknown', isBatch, calls, inputText: query?.get('input') ?? null };
}

/** Media types are case-insensitive and may carry parameters (`; charset=utf-8`). */
function isJson(contentType: string): boolean {
  return (
    contentType === 'application/json' || contentType.split(';', 1)[0]?.trim().toLowerCase() === 'application/json'
  );
}

function hasAnyKey(record: object): boolean {
  for (const _key in record) return true;
  return false;
}
