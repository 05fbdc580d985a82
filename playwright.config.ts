import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CLOUD_DIR_ENV, CLOUD_PORTS } from './tests/e2e/cloud-helpers';

/**
 * End-to-end tests run the built app in web mode (Electron's binary cannot be installed on
 * these machines) in Debian's Chromium. `npm run test:e2e` builds first; this config builds
 * nothing.
 *
 * Servers, each a process of its own as on real machines:
 *   4791  a Rateback cloud, with its mail in an outbox folder the tests read;
 *   4781  the web host most specs use (a PC that never signs in);
 *   4782, 4783  PC A and PC B of one team, for sync.spec.ts;
 *   4784  PC C, for account.spec.ts.
 * Each host is its own main process, with its own token vault and device data, and is pointed
 * at the test cloud (RATEBACK_CLOUD_URL), so none starts a local one. The PCs that sign in are
 * not 4781: a PC signed in to a team would pull the team's book into every other spec's fresh
 * browser.
 */

const PORT = 4781;
const isCI = Boolean(process.env['CI']);

// Each run gets an empty data dir, removed afterwards (tests/e2e/global-teardown.ts). The
// config is evaluated again in every worker: the env variable carries the first process's
// choice to them instead of making a new dir each time. A dir given from outside is kept.
if (!process.env['RATEBACK_E2E_DATA_DIR']) {
  process.env['RATEBACK_E2E_DATA_DIR'] = mkdtempSync(join(tmpdir(), 'rateback-e2e-'));
  process.env['RATEBACK_E2E_DATA_DIR_OWNED'] = '1';
}
const dataDir = process.env['RATEBACK_E2E_DATA_DIR'];
// The cloud and the PCs that sign in start empty every run, even in a data dir kept from
// outside (a PC still signed in from the last run would skip the sign-up a spec goes through).
if (!process.env['RATEBACK_E2E_RUN_DIR']) process.env['RATEBACK_E2E_RUN_DIR'] = mkdtempSync(join(dataDir, 'run-'));
const runDir = process.env['RATEBACK_E2E_RUN_DIR'];
const cloudDataDir = join(runDir, 'cloud');
mkdirSync(cloudDataDir, { recursive: true });
// For the helpers that read the cloud's outbox (the mailed codes).
process.env[CLOUD_DIR_ENV] = cloudDataDir;
const cloudUrl = `http://127.0.0.1:${CLOUD_PORTS.cloud}`;

// Playwright's own browser downloads are not reachable here; Debian's Chromium is.
const systemChromium = '/usr/bin/chromium';
const launchOptions = {
  ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** One web host: main's router and the renderer, over HTTP. */
function webHost(port: number, hostDataDir: string) {
  return {
    command: `node out/main/web-host.js --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    env: { RATEBACK_DATA_DIR: hostDataDir, RATEBACK_CLOUD_URL: cloudUrl },
    // A server left running from an earlier build would test old code on CI.
    reuseExistingServer: !isCI,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    timeout: 30_000,
  };
}

export default defineConfig({
  testDir: 'tests/e2e',
  globalTeardown: './tests/e2e/global-teardown.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: isCI,
  retries: 0,
  // CI machines have 2 cores: one browser at a time keeps timings honest.
  ...(isCI ? { workers: 1 } : {}),
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: [
    {
      command: 'node out/main/cloud.js',
      url: `${cloudUrl}/health`,
      env: { CLOUD_PORT: String(CLOUD_PORTS.cloud), CLOUD_DATA_DIR: cloudDataDir },
      reuseExistingServer: !isCI,
      stdout: 'pipe',
      stderr: 'pipe',
      // PGlite creates and migrates its database on the first start.
      timeout: 60_000,
    },
    webHost(PORT, dataDir),
    webHost(CLOUD_PORTS.pcA, join(runDir, 'pc-a')),
    webHost(CLOUD_PORTS.pcB, join(runDir, 'pc-b')),
    webHost(CLOUD_PORTS.pcC, join(runDir, 'pc-c')),
  ],
});
