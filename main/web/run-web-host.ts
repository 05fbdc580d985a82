import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolveDataDir } from '../data-dir';
import { APP_VERSION } from '../version';
import { startWebHost, type WebHost } from './host';

export interface RunWebHostOptions {
  port: number;
  rendererDir: string;
  /** The built cloud (out/main/cloud.js), run as the local cloud unless RATEBACK_CLOUD_URL says otherwise. */
  cloudScript: string;
  env: Readonly<Record<string, string | undefined>>;
  log: (line: string) => void;
}

/**
 * Web mode as a process: picks the data dir, starts the host, prints where to open it, and
 * closes cleanly on Ctrl+C or a service manager's SIGTERM (the local cloud it started stops
 * with it). Shared by `npm start` (when Electron is missing) and out/main/web-host.js; each
 * passes its own renderer and cloud files, since only an entry file knows where it was built to.
 */
export async function runWebHost(options: RunWebHostOptions): Promise<WebHost> {
  const dataDir = resolveDataDir({ env: options.env, platform: process.platform, homedir: homedir() });
  await mkdir(dataDir, { recursive: true });

  const host = await startWebHost({
    port: options.port,
    rendererDir: options.rendererDir,
    dataDir,
    version: APP_VERSION,
    // Plain Node runs the cloud: this process's own binary.
    cloud: { env: options.env, localCommand: { execPath: process.execPath, script: options.cloudScript } },
  });
  options.log(`Rateback (web mode) at ${host.url}`);
  options.log(`  device settings in ${dataDir}; press Ctrl+C to stop`);

  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Rateback: error while stopping on ${signal}:`, error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return host;
}
