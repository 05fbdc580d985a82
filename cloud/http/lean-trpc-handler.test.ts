import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TRPCClientError, createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { FallbackReason } from './lean-trpc-handler';
import { abortedCalls, createTestContext, testRouter, transformerRouter, type TestRouter } from './test-router';
import { startLeanServer, startStockServer, type TestServer, type TestServerOptions } from './test-servers';

const maxBodyBytes = 1024;
const options: TestServerOptions = { router: testRouter, createContext: createTestContext, maxBodyBytes };

let lean: TestServer;
let stock: TestServer;

beforeAll(async () => {
  [lean, stock] = await Promise.all([startLeanServer(options), startStockServer(options)]);
});
afterAll(async () => {
  await Promise.all([lean.close(), stock.close()]);
});

interface RawRequest {
  method: string;
  /** After the /trpc prefix, with the query. */
  target: string;
  headers?: Record<string, string>;
  body?: string | (() => ReadableStream<Uint8Array>);
}

interface RawAnswer {
  status: number;
  contentType: string | null;
  vary: string | null;
  body: unknown;
  /** Whether each error carried a stack (dev mode): compared as presence, never as text. */
  stacks: boolean[];
}

const json = { 'content-type': 'application/json' };
const q = (input: unknown) => encodeURIComponent(JSON.stringify(input));

async function send(server: TestServer, request: RawRequest): Promise<RawAnswer> {
  const body = typeof request.body === 'function' ? request.body() : request.body;
  const response = await fetch(`${server.url}/${request.target}`, {
    method: request.method,
    headers: request.headers ?? {},
    ...(body === undefined ? {} : { body, duplex: 'half' }),
  } as RequestInit);
  const text = await response.text();
  const parsed = parseIfJson(text);
  const stacks: boolean[] = [];
  // Stacks name the adapter's own frames, so they differ by design; everything else must not.
  const withoutStacks = JSON.parse(JSON.stringify(parsed), (key, value: unknown) => {
    if (key === 'data' && typeof value === 'object' && value !== null && 'httpStatus' in value) {
      const { stack, ...rest } = value as Record<string, unknown>;
      stacks.push(typeof stack === 'string');
      return rest;
    }
    return value;
  }) as unknown;
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    vary: response.headers.get('vary'),
    body: withoutStacks,
    stacks,
  };
}

/** Streamed answers (jsonl, SSE) are compared as text. */
function parseIfJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Sends the same request to both servers; returns both answers and which path lean took. */
async function compare(request: RawRequest) {
  const fallbacksBefore = lean.fallbacks.length;
  const leanErrorsBefore = lean.errors.length;
  const stockErrorsBefore = stock.errors.length;
  const leanAnswer = await send(lean, request);
  const stockAnswer = await send(stock, request);
  const route: 'lean' | FallbackReason = lean.fallbacks[fallbacksBefore] ?? 'lean';
  return {
    leanAnswer,
    stockAnswer,
    route,
    leanErrors: lean.errors.slice(leanErrorsBefore).sort(),
    stockErrors: stock.errors.slice(stockErrorsBefore).sort(),
  };
}

const oversized = JSON.stringify({ a: 1, b: 2, padding: 'x'.repeat(maxBodyBytes) });

/** A chunked body (no Content-Length), so the cap is found while reading, not from the header. */
const chunkedOversized = () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode(i === 0 ? '{"0":"' : 'y'.repeat(400)));
      controller.enqueue(new TextEncoder().encode('"}'));
      controller.close();
    },
  });

const cases: [string, RawRequest, 'lean' | FallbackReason][] = [
  ['query with valid input', { method: 'GET', target: `greet?input=${q({ name: 'Ada' })}`, headers: { 'x-user': 'u1' } }, 'lean'],
  ['query without input', { method: 'GET', target: 'ping' }, 'lean'],
  ['query with empty input parameter', { method: 'GET', target: 'ping?input=' }, 'lean'],
  ['zod-invalid input', { method: 'GET', target: `greet?input=${q({ name: '' })}` }, 'lean'],
  ['missing required input', { method: 'GET', target: 'greet' }, 'lean'],
  ['TRPCError FORBIDDEN', { method: 'GET', target: 'forbidden' }, 'lean'],
  ['plain Error', { method: 'GET', target: 'boom' }, 'lean'],
  ['unknown procedure', { method: 'GET', target: 'nope' }, 'lean'],
  ['mutation via GET', { method: 'GET', target: `add?input=${q({ a: 1, b: 2 })}` }, 'lean'],
  ['query via POST', { method: 'POST', target: 'greet', headers: json, body: JSON.stringify({ name: 'Ada' }) }, 'lean'],
  ['bad JSON in the query', { method: 'GET', target: 'greet?input=%7Bbad' }, 'lean'],
  ['bad JSON ignored by a procedure without input', { method: 'GET', target: 'ping?input=%7Bbad' }, 'lean'],
  ['unserialisable output (BigInt)', { method: 'GET', target: 'bigint' }, 'lean'],
  ['stream output in a plain request', { method: 'GET', target: 'stream' }, 'lean'],
  ['failing createContext', { method: 'GET', target: 'ping', headers: { 'x-fail-context': '1' } }, 'lean'],
  ['%-encoded path', { method: 'GET', target: 'p%69ng' }, 'lean'],
  ['nested path', { method: 'POST', target: 'nested.echo', headers: json, body: JSON.stringify([1, { two: 2 }]) }, 'lean'],
  ['mutation', { method: 'POST', target: 'add', headers: json, body: JSON.stringify({ a: 2, b: 3 }) }, 'lean'],
  ['mutation, content-type with charset', { method: 'POST', target: 'add', headers: { 'content-type': 'Application/JSON; charset=utf-8' }, body: JSON.stringify({ a: 2, b: 3 }) }, 'lean'],
  ['mutation with a byte order mark', { method: 'POST', target: 'add', headers: json, body: '\uFEFF{"a":1,"b":1}' }, 'lean'],
  ['mutation with bad JSON', { method: 'POST', target: 'add', headers: json, body: '{bad' }, 'lean'],
  ['mutation with an empty body', { method: 'POST', target: 'add', headers: json }, 'lean'],
  ['input-less mutation with an empty body', { method: 'POST', target: 'touch', headers: json }, 'lean'],
  ['mutation over the body cap', { method: 'POST', target: 'add', headers: json, body: oversized }, 'lean'],
  ['input-less mutation over the body cap', { method: 'POST', target: 'touch', headers: json, body: oversized }, 'lean'],
  ['chunked batch over the body cap', { method: 'POST', target: 'nested.echo?batch=1', headers: json, body: chunkedOversized }, 'lean'],
  ['batch of queries, all fine', { method: 'GET', target: `greet,ping?batch=1&input=${q({ 0: { name: 'Bo' } })}` }, 'lean'],
  ['batch with failures (207)', { method: 'GET', target: `greet,forbidden,boom,nope,greet?batch=1&input=${q({ 0: { name: 'Bo' }, 4: { name: '' } })}` }, 'lean'],
  ['batch, all failing the same way', { method: 'GET', target: 'forbidden,forbidden?batch=1' }, 'lean'],
  ['batch, all failing differently', { method: 'GET', target: 'forbidden,boom?batch=1' }, 'lean'],
  ['batch of mutations', { method: 'POST', target: 'add,touch,add?batch=1', headers: json, body: JSON.stringify({ 0: { a: 1, b: 1 }, 2: { a: 'x' } }) }, 'lean'],
  ['batch input not an object', { method: 'POST', target: 'add,add?batch=1', headers: json, body: '[1,2]' }, 'lean'],
  ['batch with a stream output', { method: 'GET', target: 'ping,stream?batch=1' }, 'lean'],
  ['batch with unserialisable output', { method: 'GET', target: 'ping,bigint?batch=1' }, 'lean'],
  ['batch with %2C between paths', { method: 'GET', target: 'ping%2Cping?batch=1' }, 'lean'],
  ['batch with failing createContext', { method: 'GET', target: 'ping,nope?batch=1', headers: { 'x-fail-context': '1' } }, 'lean'],
  ['HEAD', { method: 'HEAD', target: 'ping' }, 'method'],
  ['OPTIONS', { method: 'OPTIONS', target: 'ping' }, 'method'],
  ['POST without content-type', { method: 'POST', target: 'add', body: '{"a":1,"b":2}' }, 'content-type'],
  ['POST as text/plain', { method: 'POST', target: 'add', headers: { 'content-type': 'text/plain' }, body: '{"a":1,"b":2}' }, 'content-type'],
  ['form data', { method: 'POST', target: 'add', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' }, 'content-type'],
  ['streamed batch (httpBatchStreamLink)', { method: 'GET', target: 'ping,forbidden?batch=1', headers: { 'trpc-accept': 'application/jsonl' } }, 'streaming'],
  ['broken %-encoding in the path', { method: 'GET', target: 'p%E0%A4%Ang' }, 'path-encoding'],
  ['mixed query and mutation', { method: 'POST', target: 'ping,touch?batch=1', headers: json, body: '{}' }, 'mixed-types'],
  ['subscription via a plain GET', { method: 'GET', target: `ticks?input=${q({ count: 1 })}` }, 'subscription'],
  ['connectionParams', { method: 'GET', target: 'ping?connectionParams=%7B%7D' }, 'connection-params'],
];

describe('lean tRPC handler answers exactly like the stock adapter', () => {
  it.each(cases)('%s', async (_name, request, expectedRoute) => {
    const { leanAnswer, stockAnswer, route, leanErrors, stockErrors } = await compare(request);
    expect(route).toBe(expectedRoute);
    expect(leanAnswer).toEqual(stockAnswer);
    expect(leanErrors).toEqual(stockErrors);
  });

  it('reports the status rules it copies', async () => {
    const statuses = await Promise.all(
      [`greet?input=${q({ name: '' })}`, 'forbidden', 'boom', 'nope', 'add', 'forbidden,boom?batch=1', 'forbidden,forbidden?batch=1'].map(
        async (target) => (await send(lean, { method: 'GET', target })).status,
      ),
    );
    expect(statuses).toEqual([400, 403, 500, 404, 405, 207, 403]);
    const tooLarge = await send(lean, { method: 'POST', target: 'add', headers: json, body: oversized });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ error: { message: 'PAYLOAD_TOO_LARGE', data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } } });
  });

  it('aborts the procedure when the client leaves, as stock does', async () => {
    const controller = new AbortController();
    const pending = fetch(`${lean.url}/waitForAbort?input=${q({ id: 'lean-call' })}`, { signal: controller.signal });
    await waitUntil(() => lean.requests > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await expect(pending).rejects.toThrow();
    await waitUntil(() => abortedCalls.includes('lean-call'));
  });

  it('with allowMethodOverride and maxBatchSize, answers like stock', async () => {
    const withOverride = { ...options, allowMethodOverride: true, maxBatchSize: 2 };
    const [leanOverride, stockOverride] = await Promise.all([startLeanServer(withOverride), startStockServer(withOverride)]);
    try {
      for (const request of [
        { method: 'POST', target: 'greet', headers: json, body: JSON.stringify({ name: 'Ada' }) },
        { method: 'POST', target: 'greet,forbidden?batch=1', headers: json, body: JSON.stringify({ 0: { name: 'Ada' } }) },
        { method: 'GET', target: `add?input=${q({ a: 1, b: 2 })}` },
        { method: 'GET', target: 'ping,ping,ping?batch=1' },
      ]) {
        expect(await send(leanOverride, request)).toEqual(await send(stockOverride, request));
      }
      // Only the batch over maxBatchSize is left to stock (which refuses it).
      expect(leanOverride.fallbacks).toEqual(['batch-size']);
    } finally {
      await Promise.all([leanOverride.close(), stockOverride.close()]);
    }
  });

  it('leaves a router with a transformer to stock', async () => {
    const withTransformer = { router: transformerRouter, createContext: createTestContext, maxBodyBytes };
    const server = await startLeanServer(withTransformer);
    try {
      const answer = await send(server, { method: 'GET', target: 'ping' });
      expect(answer.body).toEqual({ result: { data: 'pong' } });
      expect(server.fallbacks).toEqual(['transformer']);
    } finally {
      await server.close();
    }
  });
});

describe('stock clients against the lean handler', () => {
  // Queries and mutations from the stock links must all take the lean path.
  let fallbacksBefore = 0;
  beforeEach(() => {
    fallbacksBefore = lean.fallbacks.length;
  });
  const expectNoFallback = () => expect(lean.fallbacks.slice(fallbacksBefore)).toEqual([]);

  const batchClient = (server: TestServer) =>
    createTRPCClient<TestRouter>({ links: [httpBatchLink({ url: server.url, headers: { 'x-user': 'u7' } })] });
  const plainClient = (server: TestServer) => createTRPCClient<TestRouter>({ links: [httpLink({ url: server.url })] });

  /** What a caller can see of a failure: message and the formatted shape (minus the stack). */
  const failureOf = async (call: Promise<unknown>) => {
    const error: unknown = await call.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof TRPCClientError)) throw new Error(`expected a TRPCClientError, got ${String(error)}`);
    const { stack: _stack, ...data } = (error.data ?? {}) as Record<string, unknown>;
    return { message: error.message, code: error.shape?.code as unknown, data };
  };

  it('httpBatchLink: several calls travel in one request and come back in order', async () => {
    const client = batchClient(lean);
    const before = lean.requests;
    const [greeting, pong, forbidden, invalid] = await Promise.all([
      client.greet.query({ name: 'Ada' }),
      client.ping.query(),
      failureOf(client.forbidden.query()),
      failureOf(client.greet.query({ name: '' })),
    ]);
    expect(lean.requests - before).toBe(1);
    expect(greeting).toEqual({ greeting: 'Hello Ada', user: 'u7' });
    expect(pong).toBe('pong');
    expect(forbidden).toMatchObject({ message: 'Not your book', data: { code: 'FORBIDDEN', httpStatus: 403, path: 'forbidden' } });
    expect(invalid.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400, issues: [{ path: ['name'] }] });

    const mutationsBefore = lean.requests;
    const sums = await Promise.all([client.add.mutate({ a: 1, b: 2 }), client.add.mutate({ a: 3, b: 4 })]);
    expect(sums).toEqual([3, 7]);
    expect(lean.requests - mutationsBefore).toBe(1);
    expectNoFallback();
  });

  it('httpLink: one request per call', async () => {
    const client = plainClient(lean);
    const before = lean.requests;
    expect(await client.greet.query({ name: 'Bo' })).toEqual({ greeting: 'Hello Bo', user: null });
    expect(await client.add.mutate({ a: 5, b: 6 })).toBe(11);
    expect(await client.nested.echo.mutate({ deep: [1, 2] })).toEqual({ echoed: { deep: [1, 2] } });
    expect(lean.requests - before).toBe(3);
    expectNoFallback();
  });

  it('TRPCClientError is the same from lean and stock, through both links', async () => {
    for (const makeClient of [batchClient, plainClient]) {
      const calls = (client: ReturnType<typeof batchClient>) => [
        client.forbidden.query(),
        client.boom.query(),
        client.greet.query({ name: '' }),
        client.add.mutate({ a: 1, b: 'two' as unknown as number }),
        // A path the router does not have, as an out-of-date client would call it.
        (client as unknown as { gone: { query(): Promise<unknown> } }).gone.query(),
      ];
      const fromLean = await Promise.all(calls(makeClient(lean)).map(failureOf));
      const fromStock = await Promise.all(calls(makeClient(stock)).map(failureOf));
      expect(fromLean).toEqual(fromStock);
      expect(fromLean.map((f) => (f.data as { httpStatus: number }).httpStatus)).toEqual([403, 500, 400, 400, 404]);
    }
    expectNoFallback();
  });

  it('splitLink to httpSubscriptionLink: subscriptions go to stock over SSE and deliver tracked values', async () => {
    const client = createTRPCClient<TestRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({ url: lean.url, EventSource }),
          false: httpBatchLink({ url: lean.url }),
        }),
      ],
    });
    const received: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      const subscription = client.ticks.subscribe(
        { count: 3 },
        {
          onData: (value) => {
            received.push(value);
            if (received.length === 3) {
              subscription.unsubscribe();
              resolve();
            }
          },
          onError: reject,
        },
      );
    });
    expect(received).toEqual([
      { id: 'tick-1', data: { n: 1 } },
      { id: 'tick-2', data: { n: 2 } },
      { id: 'tick-3', data: { n: 3 } },
    ]);
    expect(lean.fallbacks.slice(fallbacksBefore)).toContain('subscription');
    expect(await client.ping.query()).toBe('pong');
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
