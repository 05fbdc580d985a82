import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient } from '@trpc/client';
import { EventSource } from 'eventsource';
import { readEnv } from '../env';
import type { OutboxMailer } from '../mail/outbox-mailer';
import type { SmtpMailer } from '../mail/smtp-mailer';
import type { AppRouter } from '../routers/_app';
import { startCloudServer, type CloudServer } from '../server';
import type { TestDatabase, TestDatabaseKind } from './test-database';

/**
 * A real cloud process-in-a-test: a fresh database of the given kind, the HTTP server on a
 * free port of 127.0.0.1, and stock tRPC clients talking to it over real HTTP (SSE included).
 */
export interface TestCloud {
  url: string;
  server: CloudServer;
  db: TestDatabase;
  client(token?: string): TRPCClient<AppRouter>;
  close(): Promise<void>;
}

export interface TestCloudOptions {
  mailer?: SmtpMailer | OutboxMailer;
  now?: () => Date;
  env?: Record<string, string>;
  /** Share another TestCloud's database (a second process on one PostgreSQL). */
  shareDatabaseOf?: TestCloud;
}

export async function startTestCloud(kind: TestDatabaseKind, opts: TestCloudOptions = {}): Promise<TestCloud> {
  const db = opts.shareDatabaseOf ? opts.shareDatabaseOf.db : await kind.open();
  const ownsDb = !opts.shareDatabaseOf;
  const env = readEnv({ CLOUD_PORT: '0', CLOUD_DATA_DIR: mkdtempSync(join(tmpdir(), 'rateback-cloud-')), ...opts.env });
  let database = db.database;
  if (opts.shareDatabaseOf && db.url) {
    // A second process opens its own pool on the same PostgreSQL database.
    const { openDatabase } = await import('../db/client');
    database = await openDatabase({ kind: 'postgres', url: db.url, poolSize: 8 });
  }
  const server = await startCloudServer({
    env,
    database,
    ...(opts.mailer ? { mailer: opts.mailer } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  return {
    url: server.url,
    server,
    db,
    client: (token) => cloudClient(server.url, token),
    async close() {
      await server.close();
      if (database !== db.database) await database.close();
      if (ownsDb) await db.drop();
    },
  };
}

/** A stock tRPC client for the cloud at `url`, sending `token` as a bearer token. */
export function cloudClient(url: string, token?: string): TRPCClient<AppRouter> {
  const headers = (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${url}/trpc`,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...headers() } }),
          }),
        }),
        false: httpBatchLink({ url: `${url}/trpc`, headers }),
      }),
    ],
  });
}
