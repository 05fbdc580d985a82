import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { appRouter } from '../router/app-router';
import { createInnerContext } from '../router/context';
import type { CloudConnection } from '../services/cloud/cloud-api';
import { createDeviceCloud } from '../services/cloud/device-cloud';
import type { LocalCloudCommand } from '../services/cloud/local-cloud';
import { createFileTokenVault } from '../services/cloud/token-vault.file';
import { createFileSettingsStore } from '../services/settings-store';
import { nodeTimers } from '../services/watch/timers';
import { webNotifier } from '../services/watch/notifier.web';
import { createWatchService } from '../services/watch/watch-service';
import { createFileWatchStore } from '../services/watch/watch-store';
import { checkRequest, loopbackHosts } from './request-guard';
import { SECURITY_HEADERS } from './security-headers';
import { cacheControlFor, contentTypeFor, isAppRoute, resolveStaticPath } from './static-files';

export interface WebHostOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Loopback only: the host serves one person's data without any login. */
  host?: '127.0.0.1';
  /** The built renderer (out/renderer). */
  rendererDir: string;
  dataDir: string;
  version: string;
  /**
   * The cloud connection: the environment it reads (RATEBACK_CLOUD_URL, CLOUD_PORT, and all
   * the local cloud is passed) and how to run the local cloud. Without it (tests) nothing is
   * read from the environment and no cloud is ever started.
   */
  cloud?: { env: Readonly<Record<string, string | undefined>>; localCommand: LocalCloudCommand | null };
}

export interface WebHost {
  url: string;
  port: number;
  /** Stops listening and drops open connections (SSE streams included). */
  close(): Promise<void>;
}

const API_PREFIX = '/trpc';
/**
 * Settings and alerts are small, and the watch's mirror comes in chunks of at most 2,000 rows
 * (about 600 kB); the biggest body is a sync push forwarded to the cloud (`cloud.forward`),
 * which the cloud caps at 8 MB. Anything bigger is a mistake or an attack.
 */
const MAX_API_BODY_BYTES = 9 * 1024 * 1024;

/**
 * Web mode: serves the built renderer and main's router over HTTP on 127.0.0.1, so the same
 * app runs in a plain browser where Electron's binary is missing. Every response carries the
 * app's security headers; /trpc speaks tRPC (batched queries, mutations, SSE subscriptions).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  // The watch runs in this process for as long as the host does, page open or not; in web mode
  // there is no desktop to notify, so the page gets alerts through `watch.changes`.
  const watch = createWatchService({
    clock: () => new Date(),
    store: createFileWatchStore({ dir: options.dataDir }),
    notifier: webNotifier,
    setTimer: nodeTimers.setTimer,
    clearTimer: nodeTimers.clearTimer,
  });
  await watch.start();

  let cloud: CloudConnection;
  try {
    cloud = await createDeviceCloud({
      dataDir: options.dataDir,
      env: options.cloud?.env ?? {},
      // Web mode keeps the token in a file only this user can read: there is no OS keychain
      // to reach from plain Node, and the page itself never holds it.
      vault: createFileTokenVault({ dir: options.dataDir }),
      localCommand: options.cloud?.localCommand ?? null,
      userAgent: `Rateback/${options.version} (${process.platform}; web)`,
    });
  } catch (error) {
    await watch.close();
    throw error;
  }

  const ctx = createInnerContext({
    runtime: 'web',
    version: options.version,
    dataDir: options.dataDir,
    settings: createFileSettingsStore({ dir: options.dataDir }),
    watch,
    cloud,
    platform: process.platform,
  });

  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: `${API_PREFIX}/`,
    maxBodySize: MAX_API_BODY_BYTES,
    createContext: () => ctx,
    onError: ({ error, path }) => {
      // Bad input is the caller's problem and already in the response; a crash is ours.
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`Rateback: ${path ?? '(unknown procedure)'} failed:`, error.cause ?? error);
    },
  });

  let allowedHosts: string[] = [];

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);

    // req.url may be absolute-form; either way only its path matters here.
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);

    const verdict = checkRequest(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        secFetchSite: headerValue(req.headers['sec-fetch-site']),
        isApi,
      },
      allowedHosts,
    );
    if (!verdict.ok) return sendText(res, verdict.status, `Refused: ${verdict.reason}.`);

    if (isApi) {
      res.setHeader('Cache-Control', 'no-store');
      return trpc(req, res);
    }

    serveStatic(options.rendererDir, url.pathname, req, res).catch((error: unknown) => {
      console.error('Rateback: could not serve', url.pathname, error);
      if (!res.headersSent) sendText(res, 500, 'Internal error.');
      else res.destroy();
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: options.port, host: options.host ?? '127.0.0.1' }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await cloud.close();
    await watch.close();
    throw error;
  }

  const port = (server.address() as AddressInfo).port;
  allowedHosts = loopbackHosts(port);
  // Only now: a host that failed to listen must not have started a cloud.
  cloud.start();

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      // The watch and the cloud first: they end their streams, which lets SSE responses finish.
      await cloud.close();
      await watch.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // SSE streams and keep-alive sockets would otherwise hold close() open forever.
        server.closeAllConnections();
      });
    },
  };
}

async function serveStatic(rootDir: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed.');
  }

  const target = resolveStaticPath(rootDir, pathname);
  if (target.kind === 'refused') return sendText(res, 400, `Bad path: ${target.reason}.`);

  let file = await fileAt(target.path);
  let relative = target.relative;
  if (!file) {
    // A missing asset must be a 404: answering index.html would hand HTML to a <script>.
    if (!isAppRoute(pathname)) return sendText(res, 404, 'Not found.');
    relative = 'index.html';
    file = await fileAt(join(rootDir, relative));
    if (!file) return sendText(res, 503, 'The renderer is not built yet: run `npm run build`.');
  }

  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  res.setHeader('Content-Type', contentTypeFor(relative));
  res.setHeader('Cache-Control', cacheControlFor(relative));
  res.setHeader('ETag', etag);

  if (req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    res.end();
    return;
  }

  res.statusCode = 200;
  res.setHeader('Content-Length', file.size);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file.path), res);
}

async function fileAt(path: string): Promise<{ path: string; size: number; mtimeMs: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(text);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
