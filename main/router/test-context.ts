import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRouter } from './app-router';
import { createInnerContext, type MainContext } from './context';
import { createCallerFactory } from './trpc';
import { createFileSettingsStore, type SettingsProblem } from '../services/settings-store';

const createCaller = createCallerFactory(appRouter);

/**
 * For router tests: a caller over a real settings file in a fresh temp dir, with the
 * settings problems it reported. `cleanup` removes the dir.
 */
export async function makeTestCaller(
  overrides: Partial<Omit<MainContext, 'settings' | 'dataDir'>> = {},
  /** Aborts the caller's subscriptions (tRPC takes the signal per caller, not per call). */
  signal?: AbortSignal,
) {
  const dataDir = await mkdtemp(join(tmpdir(), 'rateback-router-'));
  const problems: SettingsProblem[] = [];
  const ctx = createInnerContext({
    runtime: 'web',
    version: '9.9.9-test',
    platform: 'linux',
    ...overrides,
    dataDir,
    settings: createFileSettingsStore({ dir: dataDir, onProblem: (p) => problems.push(p) }),
  });
  return {
    caller: createCaller(ctx, signal ? { signal } : {}),
    ctx,
    dataDir,
    problems,
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}
