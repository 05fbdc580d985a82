import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../router/app-router';
import { CONTENT_SECURITY_POLICY } from './security-headers';
import { startWebHost, type WebHost } from './host';

const INDEX_HTML = '<!doctype html><title>Rateback</title><div id="root"></div>';
const APP_JS = 'console.log("app");';
const MEMBER = '3e0c1b5a-2d4f-4e6a-9b8c-7d6e5f4a3b21';

let tmp: string;
let host: WebHost;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'rateback-host-'));
  const rendererDir = join(tmp, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'assets', 'index-abc123.js'), APP_JS);
  await writeFile(join(rendererDir, 'assets', 'index-abc123.css'), 'body{}');
  // Something outside the renderer dir that traversal would try to reach.
  await writeFile(join(tmp, 'secret.txt'), 'secret');
  host = await startWebHost({ port: 0, rendererDir, dataDir: join(tmp, 'data'), version: '0.0.0-test' });
});

afterAll(async () => {
  await host.close();
  await rm(tmp, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path sent exactly as written (fetch would normalise `..`). */
function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: init.method ?? 'GET', headers: init.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

function expectSecurityHeaders(headers: RawResponse['headers']): void {
  expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
}

describe('static files', () => {
  it('binds to 127.0.0.1 and says so', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.port).toBeGreaterThan(0);
  });

  it('serves index.html at / with a revalidating cache and the security headers', async () => {
    const res = await raw('/');
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(res.headers);
  });

  it('serves hashed assets with their type and a long cache', async () => {
    const js = await raw('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.body).toBe(APP_JS);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw('/assets/index-abc123.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers 304 to a matching If-None-Match, and HEAD without a body', async () => {
    const first = await raw('/assets/index-abc123.js');
    const etag = String(first.headers['etag']);
    const again = await raw('/assets/index-abc123.js', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    const head = await raw('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(INDEX_HTML.length));
    expect(head.body).toBe('');
  });

  it('falls back to index.html for app routes, but 404s a missing asset', async () => {
    const route = await raw('/customers/42');
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX_HTML);
    const missing = await raw('/assets/missing.js');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing.headers);
  });

  it.each(['/..%2fsecret.txt', '/assets/..%2F..%2Fsecret.txt', '/..%5csecret.txt', '/index.html%00'])('refuses traversal: %s', async (path) => {
    const res = await raw(path);
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('secret');
    expectSecurityHeaders(res.headers);
  });

  it('keeps plain ../ inside the root (they resolve to the app, never to the parent folder)', async () => {
    const res = await raw('/../secret.txt');
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('secret');
  });

  it('refuses methods other than GET and HEAD on files', async () => {
    const res = await raw('/', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('GET, HEAD');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await raw('/', { headers: { Host: 'evil.example' } });
    expect(res.status).toBe(421);
    expectSecurityHeaders(res.headers);
  });
});

describe('tRPC at /trpc', () => {
  const client = () => createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${host.url}/trpc` })] });

  it('answers queries and mutations through @trpc/client', async () => {
    const trpc = client();
    const [info, settings] = await Promise.all([trpc.app.info.query(), trpc.settings.get.query()]);
    expect(info).toEqual({ name: 'Rateback', version: '0.0.0-test', runtime: 'web', dataDir: join(tmp, 'data'), platform: process.platform });
    expect(settings).toEqual({ currentMemberId: null, theme: 'system', startAtLogin: false });

    await expect(trpc.settings.update.mutate({ currentMemberId: MEMBER, theme: 'dark' })).resolves.toEqual({ currentMemberId: MEMBER, theme: 'dark', startAtLogin: false });
    await expect(trpc.settings.get.query()).resolves.toEqual({ currentMemberId: MEMBER, theme: 'dark', startAtLogin: false });
  });

  it('returns BAD_REQUEST for invalid input', async () => {
    const attempt = client().settings.update.mutate({ theme: 'blue' } as never);
    await expect(attempt).rejects.toBeInstanceOf(TRPCClientError);
    await expect(attempt).rejects.toMatchObject({ data: { code: 'BAD_REQUEST', httpStatus: 400 } });
  });

  it('batches several calls into one request, with security headers and no caching', async () => {
    const res = await raw(`/trpc/app.info,settings.get?batch=1&input=${encodeURIComponent('{}')}`);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as Array<{ result: { data: unknown } }>;
    expect(body).toHaveLength(2);
    expect(body[0]?.result.data).toMatchObject({ name: 'Rateback' });
    expect(res.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(res.headers);
  });

  it('streams subscriptions as server-sent events', async () => {
    const abort = new AbortController();
    const res = await fetch(`${host.url}/trpc/settings.changes`, { headers: { Accept: 'text/event-stream' }, signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('"theme"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    abort.abort();
    expect(text).toMatch(/data: .*"theme":"(system|dark)"/);
  });

  it('refuses a mutation posted from another origin', async () => {
    const res = await raw('/trpc/settings.update', {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ theme: 'light' }),
    });
    expect(res.status).toBe(403);
    await expect(client().settings.get.query()).resolves.not.toMatchObject({ theme: 'light' });
  });
});
