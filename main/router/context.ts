import type { CloudConnection } from '../services/cloud/cloud-api';
import type { SettingsStore } from '../services/device-settings';
import type { Watch } from '../services/watch/watch-api';

/** Which shell is hosting main's router: the Electron app, or the Node host of web mode. */
export type Runtime = 'electron' | 'web';

/**
 * Everything a procedure may use. It is built once per process and shared by every request:
 * IPC and HTTP callers see the same services. Nothing here touches Electron or HTTP, so tests
 * build it directly (see `createInnerContext`) and call procedures through `createCaller`.
 */
export interface MainContext {
  runtime: Runtime;
  /** The app's version, from package.json (or Electron's app.getVersion()). */
  version: string;
  /** The folder that holds this device's files (settings, later backups). */
  dataDir: string;
  settings: SettingsStore;
  /** The watch over late invoices and flagged customers; it runs whether or not a page is open. */
  watch: Watch;
  /** The cloud as this PC reaches it; it holds the session token, which the renderer never sees. */
  cloud: CloudConnection;
  /**
   * The host OS (process.platform), filled in by the shell. It travels in the context rather
   * than being read here because the renderer type-checks this router's types under a
   * browser-only tsconfig, where `process` does not exist.
   */
  platform: string;
}

/**
 * The context from explicit parts. Both shells and the tests go through here, so a field
 * added later (a clock, a logger) has one place to get a default.
 */
export function createInnerContext(parts: MainContext): MainContext {
  return {
    runtime: parts.runtime,
    version: parts.version,
    dataDir: parts.dataDir,
    settings: parts.settings,
    watch: parts.watch,
    cloud: parts.cloud,
    platform: parts.platform,
  };
}
