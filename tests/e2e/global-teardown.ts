import { rm } from 'node:fs/promises';

/** Removes the temp data dir playwright.config.ts made for this run (not one given from outside). */
export default async function globalTeardown(): Promise<void> {
  const dir = process.env['RATEBACK_E2E_DATA_DIR'];
  if (dir && process.env['RATEBACK_E2E_DATA_DIR_OWNED'] === '1') await rm(dir, { recursive: true, force: true });
}
