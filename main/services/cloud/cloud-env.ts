import { DEFAULT_LOCAL_CLOUD_PORT, parseCloudUrl } from './cloud-url';

/**
 * The environment variables that choose main's cloud, read once at start. A bad value stops
 * the start with a message naming the variable, like the cloud's own env.ts.
 *
 * - RATEBACK_CLOUD_URL: the cloud to use; fixes the address (the app cannot change it) and,
 *   unless it is the local cloud's address, no local cloud is started.
 * - CLOUD_PORT: the local cloud's port (default 4790); the same variable the cloud reads.
 */
export interface CloudEnvChoice {
  envUrl: string | null;
  localPort: number;
}

export function readCloudEnv(env: Readonly<Record<string, string | undefined>>): CloudEnvChoice {
  const rawUrl = env['RATEBACK_CLOUD_URL']?.trim();
  let envUrl: string | null = null;
  if (rawUrl) {
    // Whoever sets the environment may choose plain http to a server of theirs.
    const checked = parseCloudUrl(rawUrl, { allowPlainHttpAnywhere: true });
    if (!checked.ok) throw new Error(`RATEBACK_CLOUD_URL is not valid: ${checked.reason}`);
    envUrl = checked.url;
  }

  const rawPort = env['CLOUD_PORT']?.trim();
  let localPort = DEFAULT_LOCAL_CLOUD_PORT;
  if (rawPort) {
    localPort = Number(rawPort);
    // 0 would let the child pick a port it has no way to tell us.
    if (!Number.isInteger(localPort) || localPort < 1 || localPort > 65535) {
      throw new Error(`CLOUD_PORT must be a port number from 1 to 65535, not "${rawPort}".`);
    }
  }
  return { envUrl, localPort };
}
