import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileSettingsStore } from '../services/settings-store';
import { makeTestCaller } from './test-context';

const MEMBER = '0b6c2f7e-3f2a-4a57-9a59-3f8f2c6f1e01';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setup(signal?: AbortSignal) {
  const t = await makeTestCaller({}, signal);
  cleanup = t.cleanup;
  return t;
}

describe('settings.get', () => {
  it('starts from the defaults: nobody chosen, system theme', async () => {
    const { caller, problems } = await setup();
    await expect(caller.settings.get()).resolves.toEqual({ currentMemberId: null, theme: 'system', startAtLogin: false });
    expect(problems).toEqual([]);
  });
});

describe('settings.update', () => {
  it('changes only the fields given and returns the result', async () => {
    const { caller } = await setup();
    await expect(caller.settings.update({ theme: 'dark' })).resolves.toEqual({ currentMemberId: null, theme: 'dark', startAtLogin: false });
    await expect(caller.settings.update({ currentMemberId: MEMBER })).resolves.toEqual({ currentMemberId: MEMBER, theme: 'dark', startAtLogin: false });
    await expect(caller.settings.update({ currentMemberId: null })).resolves.toEqual({ currentMemberId: null, theme: 'dark', startAtLogin: false });
    await expect(caller.settings.get()).resolves.toEqual({ currentMemberId: null, theme: 'dark', startAtLogin: false });
  });

  it('saves to the data dir, where a new store (the next start) finds it', async () => {
    const { caller, dataDir } = await setup();
    await caller.settings.update({ currentMemberId: MEMBER, theme: 'light' });
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toEqual({ currentMemberId: MEMBER, theme: 'light', startAtLogin: false });
    await expect(createFileSettingsStore({ dir: dataDir }).get()).resolves.toEqual({ currentMemberId: MEMBER, theme: 'light', startAtLogin: false });
  });

  it.each([
    ['an unknown key', { theme: 'dark', colour: 'red' }],
    ['a theme that does not exist', { theme: 'blue' }],
    ['a member id that is not a UUID', { currentMemberId: 'bob' }],
    ['not an object', 'dark'],
  ])('refuses %s with BAD_REQUEST and changes nothing', async (_label, input) => {
    const { caller } = await setup();
    // Deliberately ill-typed input, as a buggy or hostile renderer might send.
    const attempt = caller.settings.update(input as never);
    await expect(attempt).rejects.toBeInstanceOf(TRPCError);
    await expect(attempt).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.settings.get()).resolves.toEqual({ currentMemberId: null, theme: 'system', startAtLogin: false });
  });
});

describe('settings.changes', () => {
  it('yields the current settings, then each saved change', async () => {
    const abort = new AbortController();
    const { caller } = await setup(abort.signal);
    const stream = (await caller.settings.changes())[Symbol.asyncIterator]();

    await expect(stream.next()).resolves.toEqual({ done: false, value: { currentMemberId: null, theme: 'system', startAtLogin: false } });
    await caller.settings.update({ theme: 'dark' });
    await caller.settings.update({ currentMemberId: MEMBER });
    await expect(stream.next()).resolves.toEqual({ done: false, value: { currentMemberId: null, theme: 'dark', startAtLogin: false } });
    await expect(stream.next()).resolves.toEqual({ done: false, value: { currentMemberId: MEMBER, theme: 'dark', startAtLogin: false } });

    abort.abort();
    await expect(stream.next()).resolves.toMatchObject({ done: true });
  });
});
