import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run the built app in web mode (Electron's binary cannot be installed on
 * these machines) in Debian's Chromium. `npm run test:e2e` builds first; this config builds
 * nothing.
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
  webServer: {
    command: `node out/main/web-host.js --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    env: { RATEBACK_DATA_DIR: dataDir },
    // A server left running from an earlier build would test old code on CI.
    reuseExistingServer: !isCI,
    stdout: 'pipe',
    stderr: 'pipe',
    timeout: 30_000,
  },
});
