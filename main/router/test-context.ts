import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRouter } from './app-router';
import { createInnerContext, type MainContext } from './context';
import { createCallerFactory } from './trpc';
import { createFileCloudAddressStore } from '../services/cloud/cloud-address-store';
import { createCloudConnection } from '../services/cloud/cloud-connection';
import { createCloudTransport } from '../services/cloud/cloud-transport';
import { createFileTokenVault } from '../services/cloud/token-vault.file';
import { createFileSettingsStore, type SettingsProblem } from '../services/settings-store';
import type { JsonFileProblem } from '../services/watch/json-file';
import type { Notice } from '../services/watch/notifier';
import { FakeClock } from '../services/watch/test-clock';
import { createWatchService } from '../services/watch/watch-service';
import { createFileWatchStore } from '../services/watch/watch-store';

const createCaller = createCallerFactory(appRouter);

/**
 * For router tests: a caller over a real settings file and a real watch store in a fresh temp
 * dir, with the problems they reported. The watch runs on a fake clock (`clock`, 15 Jan 2025
 * 09:00 UTC unless given) and records its notices. The cloud connection keeps its session in
 * a file vault in the same dir (`vault`) and talks to `cloudUrl` (a test cloud; by default a
 * port where nothing listens), starts no local cloud and rotates only if started and the clock
 * is advanced. `cleanup` stops the watch and the connection and removes the dir.
 */
export async function makeTestCaller(
  overrides: Partial<Omit<MainContext, 'settings' | 'dataDir' | 'watch'>> = {},
  /** Aborts the caller's subscriptions (tRPC takes the signal per caller, not per call). */
  signal?: AbortSignal,
  options: { clock?: FakeClock; cloudUrl?: string } = {},
) {
  const dataDir = await mkdtemp(join(tmpdir(), 'rateback-router-'));
  const problems: SettingsProblem[] = [];
  const clock = options.clock ?? new FakeClock('2025-01-15T09:00:00Z');
  const watchProblems: JsonFileProblem[] = [];
  const notices: Notice[] = [];
  const watch = createWatchService({
    clock: clock.now,
    store: createFileWatchStore({ dir: dataDir, timers: clock, onProblem: (p) => watchProblems.push(p) }),
    notifier: { notify: (notice) => notices.push(notice) },
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  });
  await watch.start();
  const vault = createFileTokenVault({ dir: dataDir });
  const cloud = await createCloudConnection({
    envUrl: null,
    defaultUrl: options.cloudUrl ?? 'http://127.0.0.1:9',
    localCloud: null,
    addressStore: createFileCloudAddressStore({ dir: dataDir }),
    vault,
    transportFor: (url) => createCloudTransport({ url, userAgent: 'Rateback/test' }),
    timers: clock,
    log: () => {},
  });
  const ctx = createInnerContext({
    runtime: 'web',
    version: '9.9.9-test',
    platform: 'linux',
    cloud,
    ...overrides,
    dataDir,
    settings: createFileSettingsStore({ dir: dataDir, onProblem: (p) => problems.push(p) }),
    watch,
  });
  return {
    caller: createCaller(ctx, signal ? { signal } : {}),
    ctx,
    dataDir,
    problems,
    watch,
    clock,
    watchProblems,
    notices,
    vault,
    cleanup: async () => {
      await cloud.close();
      await watch.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
