import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Database } from './db/client';
import { migrate, readMigrations } from './db/migrate';
import { createLeanTrpcHandler } from './http/lean-trpc-handler';
import { createRequestContext, type CloudServices } from './context';
import type { CloudEnv } from './env';
import { createMailerFromEnv } from './mail/from-env';
import type { OutboxMailer } from './mail/outbox-mailer';
import type { SmtpMailer } from './mail/smtp-mailer';
import { appRouter } from './routers/_app';
import { createVersionHub } from './sync/version-hub';

/**
 * One cloud process: opens (and migrates) the database, listens for other processes' version
 * notices, and serves the tRPC API under /trpc over node:http. Holds no state of its own
 * beyond caches, so any number of processes can share one PostgreSQL.
 */
export interface CloudServer {
  url: string;
  services: CloudServices;
  close(): Promise<void>;
}

export interface CloudServerOptions {
  env: CloudEnv;
  /** An already-open, migrated database (tests); otherwise opened from env. */
  database?: Database;
  mailer?: SmtpMailer | OutboxMailer;
  now?: () => Date;
}

/** Largest request body the API accepts (a push of 500 mutations fits well within it). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export async function startCloudServer(opts: CloudServerOptions): Promise<CloudServer> {
  const { env } = opts;
  const ownsDatabase = opts.database === undefined;
  const database =
    opts.database ??
    (await openDatabase(env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE } : { kind: 'pglite', dataDir: `${env.CLOUD_DATA_DIR}/db` }));
  if (ownsDatabase) await migrate(database, readMigrations());
  const versions = await createVersionHub(database);
  const services: CloudServices = {
    env,
    database,
    mailer: opts.mailer ?? createMailerFromEnv(env, env.CLOUD_DATA_DIR),
    versions,
    now: opts.now ?? (() => new Date()),
  };

  // tRPC's wire protocol without the stock adapter's per-request web-stream conversion, which
  // cost most of its throughput on Node 20 (see cloud/http/); subscriptions use the stock path.
  const trpc = createLeanTrpcHandler({
    router: appRouter,
    createContext: ({ req }) => createRequestContext(services, req),
    maxBodyBytes: MAX_BODY_BYTES,
  });

  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
      return;
    }
    if (url.startsWith('/trpc/')) {
      const query = url.indexOf('?');
      trpc(req, res, url.slice('/trpc/'.length, query === -1 ? undefined : query));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.CLOUD_PORT, env.CLOUD_HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${env.CLOUD_HOST}:${port}`,
    services,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await versions.close();
      if (ownsDatabase) await database.close();
    },
  };
}
