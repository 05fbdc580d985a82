import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../cloud/db/client';
import { migrate, readMigrations } from '../../../cloud/db/migrate';
import { readEnv } from '../../../cloud/env';
import { startCloudServer } from '../../../cloud/server';
import { serveParent } from './children';
import { repoRoot } from './paths';

/**
 * `--role cloud-server`: one cloud process exactly as production starts it (startCloudServer:
 * the lean tRPC handler on node:http, the version hub LISTENing on PostgreSQL), on a free port of
 * 127.0.0.1, with DATABASE_URL from the parent. The database is opened and migrated here rather
 * than by startCloudServer only because the migrations folder must be named explicitly once the
 * code is bundled into out/main/.
 */
export interface CloudReady {
  url: string;
}

export async function runCloudProcess(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rateback-bench-cloud-'));
  const env = readEnv({ ...process.env, CLOUD_PORT: '0', CLOUD_HOST: '127.0.0.1', CLOUD_DATA_DIR: dataDir });
  if (!env.DATABASE_URL) throw new Error('cloud-server: DATABASE_URL is not set');
  const database = await openDatabase({ kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE });
  await migrate(database, readMigrations(join(repoRoot(), 'cloud', 'db', 'migrations')));
  const server = await startCloudServer({ env, database });
  serveParent(
    { url: server.url } satisfies CloudReady,
    async (message) => {
      throw new Error(`cloud-server: unknown request ${message.type}`);
    },
    async () => {
      await server.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  );
}
