import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCaller } from './test-context';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('app.info', () => {
  it('names the app, its version, runtime, data dir and platform', async () => {
    const t = await makeTestCaller({ runtime: 'electron', version: '1.2.3', platform: 'win32' });
    cleanup = t.cleanup;
    await expect(t.caller.app.info()).resolves.toEqual({
      name: 'Rateback',
      version: '1.2.3',
      runtime: 'electron',
      dataDir: t.dataDir,
      platform: 'win32',
    });
  });
});
