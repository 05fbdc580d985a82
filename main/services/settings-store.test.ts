import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySettingsPatch, DEFAULT_DEVICE_SETTINGS } from './device-settings';
import { createFileSettingsStore, type SettingsProblem, writeFileAtomically } from './settings-store';

const MEMBER = '7d1f3c2a-9b8e-4c6d-8a5f-1e2d3c4b5a69';
let dir: string;
let problems: SettingsProblem[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rateback-settings-'));
  problems = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const store = (d = dir) => createFileSettingsStore({ dir: d, onProblem: (p) => problems.push(p) });
const settingsFile = () => join(dir, 'settings.json');
const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

describe('reading', () => {
  it('gives defaults when there is no file yet, and creates none', async () => {
    await expect(store().get()).resolves.toEqual(DEFAULT_DEVICE_SETTINGS);
    expect(await readdir(dir)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('reads a valid file', async () => {
    await writeFile(settingsFile(), JSON.stringify({ currentMemberId: MEMBER, theme: 'dark' }));
    await expect(store().get()).resolves.toEqual({ currentMemberId: MEMBER, theme: 'dark', startAtLogin: false });
  });

  it('drops keys it does not know (a newer version wrote them) instead of resetting the file', async () => {
    await writeFile(settingsFile(), JSON.stringify({ currentMemberId: null, theme: 'light', fontSize: 'large' }));
    await expect(store().get()).resolves.toEqual({ currentMemberId: null, theme: 'light', startAtLogin: false });
    expect(problems).toEqual([]);
  });

  it.each([
    ['not JSON', '{"theme": "dark",'],
    ['the wrong shape', JSON.stringify({ currentMemberId: 'not-a-uuid', theme: 'dark' })],
    ['a missing field', JSON.stringify({ theme: 'dark' })],
    ['not an object', '"dark"'],
    ['empty', ''],
  ])('keeps a .bad copy of a file that is %s, reports it, and starts from defaults', async (_label, content) => {
    await writeFile(settingsFile(), content);

    await expect(store().get()).resolves.toEqual(DEFAULT_DEVICE_SETTINGS);

    expect(await readFile(`${settingsFile()}.bad`, 'utf8')).toBe(content);
    expect(await readJson(settingsFile())).toEqual(DEFAULT_DEVICE_SETTINGS);
    expect(problems).toEqual([
      { kind: 'invalid-file', file: settingsFile(), backup: `${settingsFile()}.bad`, detail: expect.any(String) },
    ]);
  });

  it('runs on defaults, without touching it, when the file cannot be read', async () => {
    await mkdir(settingsFile()); // a folder where the file should be
    await expect(store().get()).resolves.toEqual(DEFAULT_DEVICE_SETTINGS);
    expect(problems).toMatchObject([{ kind: 'unreadable-file', file: settingsFile() }]);
    expect((await readdir(dir)).sort()).toEqual(['settings.json']);
  });

  it('hands out copies: changing a returned object changes nothing stored', async () => {
    const s = store();
    const first = await s.get();
    first.theme = 'dark';
    await expect(s.get()).resolves.toEqual(DEFAULT_DEVICE_SETTINGS);
  });
});

describe('writing', () => {
  it('creates the data dir on the first write', async () => {
    const nested = join(dir, 'a', 'b');
    await store(nested).update({ theme: 'dark' });
    expect(await readJson(join(nested, 'settings.json'))).toEqual({ currentMemberId: null, theme: 'dark', startAtLogin: false });
  });

  it('leaves no temp files behind', async () => {
    const s = store();
    await s.update({ theme: 'dark' });
    await s.update({ theme: 'light' });
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('applies quick successive updates in order without losing any', async () => {
    const s = store();
    await Promise.all([s.update({ theme: 'dark' }), s.update({ currentMemberId: MEMBER }), s.update({ theme: 'light' })]);
    const expected = { currentMemberId: MEMBER, theme: 'light', startAtLogin: false };
    await expect(s.get()).resolves.toEqual(expected);
    expect(await readJson(settingsFile())).toEqual(expected);
  });

  it('rejects a failed write, keeps the previous settings, and still accepts the next update', async () => {
    const s = store();
    await s.update({ theme: 'dark' });
    // Make the folder unwritable by replacing it with a file: writes inside it now fail.
    const blocked = join(dir, 'blocked');
    await writeFile(blocked, '');
    const b = store(blocked);
    await expect(b.update({ theme: 'light' })).rejects.toThrow();
    await expect(b.get()).resolves.toEqual(DEFAULT_DEVICE_SETTINGS);
    await expect(s.update({ theme: 'light' })).resolves.toEqual({ currentMemberId: null, theme: 'light', startAtLogin: false });
  });

  it('writeFileAtomically replaces the whole content', async () => {
    const path = join(dir, 'x.json');
    await writeFileAtomically(path, 'a much longer first content');
    await writeFileAtomically(path, 'short');
    expect(await readFile(path, 'utf8')).toBe('short');
  });
});

describe('changes', () => {
  it('tells listeners about each saved change, until their signal aborts', async () => {
    const s = store();
    const abort = new AbortController();
    const seen: unknown[] = [];
    const listening = (async () => {
      for await (const settings of s.changes(abort.signal)) seen.push(settings);
    })();

    // Listening began at the call: a change made before the loop first awaits is not lost.
    await s.update({ theme: 'dark' });
    await s.update({ currentMemberId: MEMBER });
    await new Promise((r) => setTimeout(r, 10));
    abort.abort();
    await listening;

    expect(seen).toEqual([
      { currentMemberId: null, theme: 'dark', startAtLogin: false },
      { currentMemberId: MEMBER, theme: 'dark', startAtLogin: false },
    ]);
  });
});

describe('applySettingsPatch', () => {
  it('keeps absent and undefined keys, and sets null explicitly', () => {
    const current = { currentMemberId: MEMBER, theme: 'dark' as const, startAtLogin: false };
    expect(applySettingsPatch(current, {})).toEqual(current);
    expect(applySettingsPatch(current, { theme: undefined })).toEqual(current);
    expect(applySettingsPatch(current, { currentMemberId: null })).toEqual({ currentMemberId: null, theme: 'dark', startAtLogin: false });
  });
});
