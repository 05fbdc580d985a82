import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnyTRPCRouter } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { createLeanTrpcHandler, type FallbackReason } from './lean-trpc-handler';

/**
 * Real node:http servers on 127.0.0.1 for the lean handler's tests: one behind the lean handler,
 * one behind tRPC's stock standalone handler with the same router and options, so the same
 * requests can be sent to both and the answers compared.
 */
export interface TestServer {
  /** Base URL of the tRPC API, e.g. http://127.0.0.1:41234/trpc */
  url: string;
  /** HTTP requests received so far. */
  readonly requests: number;
  /** Reasons of the requests the lean handler passed to stock (always empty on the stock server). */
  readonly fallbacks: FallbackReason[];
  /** What onError saw, as `path:CODE`. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface TestServerOptions {
  router: AnyTRPCRouter;
  createContext: (opts: { req: IncomingMessage }) => unknown;
  maxBodyBytes: number;
  allowMethodOverride?: boolean;
  maxBatchSize?: number;
}

const prefix = '/trpc/';

export function startLeanServer(opts: TestServerOptions): Promise<TestServer> {
  const fallbacks: FallbackReason[] = [];
  const errors: string[] = [];
  const lean = createLeanTrpcHandler({
    router: opts.router,
    createContext: opts.createContext,
    maxBodyBytes: opts.maxBodyBytes,
    allowMethodOverride: opts.allowMethodOverride ?? false,
    ...(opts.maxBatchSize === undefined ? {} : { maxBatchSize: opts.maxBatchSize }),
    onError: ({ error, path }) => errors.push(`${path}:${error.code}`),
    onFallback: (reason) => fallbacks.push(reason),
  });
  return listen(
    (req, res) => {
      const url = req.url ?? '/';
      if (!url.startsWith(prefix)) return notFound(res);
      const queryStart = url.indexOf('?');
      lean(req, res, url.slice(prefix.length, queryStart === -1 ? undefined : queryStart));
    },
    fallbacks,
    errors,
  );
}

export function startStockServer(opts: TestServerOptions): Promise<TestServer> {
  const errors: string[] = [];
  const stock = createHTTPHandler({
    router: opts.router,
    createContext: opts.createContext,
    maxBodySize: opts.maxBodyBytes,
    allowMethodOverride: opts.allowMethodOverride ?? false,
    ...(opts.maxBatchSize === undefined ? {} : { maxBatchSize: opts.maxBatchSize }),
    basePath: prefix,
    onError: ({ error, path }) => errors.push(`${path}:${error.code}`),
  });
  return listen(
    (req, res) => {
      if (!(req.url ?? '/').startsWith(prefix)) return notFound(res);
      stock(req, res);
    },
    [],
    errors,
  );
}

async function listen(handle: RequestListener, fallbacks: FallbackReason[], errors: string[]): Promise<TestServer> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/trpc`,
    get requests() {
      return requests;
    },
    fallbacks,
    errors,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404).end();
}
