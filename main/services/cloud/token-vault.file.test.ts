import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileTokenVault, TOKEN_FILE_NAME, type TokenSeal, type TokenVaultProblem } from './token-vault.file';

let dir: string;
let problems: TokenVaultProblem[];
const TOKEN = 'Yx3nQw7mR2pL9sT4vB6cD8fG1hJ5kM0aZeUoIiOyW_-';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rateback-vault-'));
  problems = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A stand-in for safeStorage: reversible, and visibly not the token. */
const reverseSeal: TokenSeal = {
  seal: (token) => Buffer.from([...token].reverse().join('')).toString('base64'),
  open: (sealed) => {
    const text = Buffer.from(sealed, 'base64').toString('utf8');
    if (!/^[\w-]+$/.test(text)) throw new Error('cannot open');
    return [...text].reverse().join('');
  },
};

describe('the file token vault', () => {
  it('saves, loads and clears, readable by this user only', async () => {
    const vault = createFileTokenVault({ dir: join(dir, 'not-yet'), onProblem: (p) => problems.push(p) });
    expect(await vault.load()).toBeNull();
    await vault.save(TOKEN);
    expect(await vault.load()).toBe(TOKEN);
    expect((await stat(join(dir, 'not-yet', TOKEN_FILE_NAME))).mode & 0o777).toBe(0o600);
    await vault.clear();
    expect(await vault.load()).toBeNull();
    await vault.clear();
    expect(problems).toEqual([]);
  });

  it('reads a damaged or foreign file as signed out, and says why', async () => {
    const vault = createFileTokenVault({ dir, onProblem: (p) => problems.push(p) });
    const file = join(dir, TOKEN_FILE_NAME);
    for (const text of ['{"version":1,"tok', '{"version":2,"token":"x"}', '[]', `{"version":1,"token":"${TOKEN}","extra":1}`]) {
      await writeFile(file, text);
      expect(await vault.load()).toBeNull();
    }
    expect(problems.map((p) => p.kind)).toEqual(['invalid-file', 'invalid-file', 'invalid-file', 'invalid-file']);
    // A new sign-in replaces it.
    await vault.save(TOKEN);
    expect(await vault.load()).toBe(TOKEN);
  });

  it('stores only the sealed form when given a seal, and cannot open it without one', async () => {
    const sealed = createFileTokenVault({ dir, seal: reverseSeal, onProblem: (p) => problems.push(p) });
    await sealed.save(TOKEN);
    expect(await readFile(join(dir, TOKEN_FILE_NAME), 'utf8')).not.toContain(TOKEN);
    expect(await sealed.load()).toBe(TOKEN);

    const plain = createFileTokenVault({ dir, onProblem: (p) => problems.push(p) });
    expect(await plain.load()).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ kind: 'unsealable' })]);
  });

  it('reads a seal it cannot open as signed out', async () => {
    await writeFile(join(dir, TOKEN_FILE_NAME), JSON.stringify({ version: 1, sealed: Buffer.from('%%%').toString('base64') }));
    const vault = createFileTokenVault({ dir, seal: reverseSeal, onProblem: (p) => problems.push(p) });
    expect(await vault.load()).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ kind: 'unsealable', detail: 'cannot open' })]);
  });
});
