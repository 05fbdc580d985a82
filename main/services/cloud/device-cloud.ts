import { join } from 'node:path';
import { nodeTimers, type Timers } from '../watch/timers';
import type { CloudConnection } from './cloud-api';
import { createFileCloudAddressStore } from './cloud-address-store';
import { createCloudConnection } from './cloud-connection';
import { readCloudEnv } from './cloud-env';
import { createCloudTransport } from './cloud-transport';
import { localCloudUrl } from './cloud-url';
import { createLocalCloud, type LocalCloudCommand } from './local-cloud';
import type { TokenVault } from './token-vault';

export interface DeviceCloudOptions {
  dataDir: string;
  /** RATEBACK_CLOUD_URL, CLOUD_PORT (cloud-env.ts); the local cloud gets the rest too. */
  env: Readonly<Record<string, string | undefined>>;
  /** A file in web mode, the OS keychain in Electron. */
  vault: TokenVault;
  /** How to run the local cloud; null where the app must never start one (tests). */
  localCommand: LocalCloudCommand | null;
  /** e.g. `Rateback/1.2.0 (linux; web)`. */
  userAgent: string;
  log?: (line: string) => void;
  timers?: Timers;
}

/**
 * The cloud connection of this PC, as both shells build it: address from the environment or
 * `<dataDir>/cloud.json`, the session in the shell's vault, and a local cloud under
 * `<dataDir>/cloud` unless RATEBACK_CLOUD_URL names another one. Call `start()` once the
 * shell is up, and `close()` when it stops.
 */
export async function createDeviceCloud(options: DeviceCloudOptions): Promise<CloudConnection> {
  const { envUrl, localPort } = readCloudEnv(options.env);
  const log = options.log ?? ((line: string) => console.log(line));
  const defaultUrl = localCloudUrl(localPort);
  const localCloud =
    options.localCommand && (envUrl === null || envUrl === defaultUrl)
      ? createLocalCloud({
          command: options.localCommand,
          port: localPort,
          cloudDataDir: join(options.dataDir, 'cloud'),
          env: options.env,
          log,
        })
      : null;
  return createCloudConnection({
    envUrl,
    defaultUrl,
    localCloud,
    addressStore: createFileCloudAddressStore({ dir: options.dataDir }),
    vault: options.vault,
    transportFor: (url) => createCloudTransport({ url, userAgent: options.userAgent }),
    timers: options.timers ?? nodeTimers,
    log,
  });
}
