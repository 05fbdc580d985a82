import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../settings-store';
import type { TokenVault } from './token-vault';

export const TOKEN_FILE_NAME = 'cloud-session.json';

/** Turns the token into text only this user on this PC can turn back (Electron's safeStorage). */
export interface TokenSeal {
  seal(token: string): string;
  /** Throws when the text was sealed elsewhere or the key is gone. */
  open(sealed: string): string;
}

export type TokenVaultProblem = { kind: 'unreadable-file' | 'invalid-file' | 'unsealable'; file: string; detail: string };

export interface FileTokenVaultOptions {
  /** The data dir; created on first save if missing. */
  dir: string;
  /** Without one the token is stored as it is, readable by this user only (mode 0600). */
  seal?: TokenSeal;
  /** Told why a saved token could not be used. Defaults to one line on stderr. */
  onProblem?: (problem: TokenVaultProblem) => void;
}

const TokenFile = z.union([
  z.strictObject({ version: z.literal(1), token: z.string().min(16).max(512) }),
  z.strictObject({ version: z.literal(1), sealed: z.string().min(1).max(4096) }),
]);

/**
 * The session token in `<dir>/cloud-session.json`, written atomically with mode 0600 (see
 * writeFileAtomically). A file that is missing, unreadable, not the expected shape or cannot
 * be unsealed reads as "signed out": the worst a bad file can do is ask for a sign-in. It is
 * not kept as a `.bad` copy, unlike settings: a copy of a secret is one more thing to leak.
 */
export function createFileTokenVault(options: FileTokenVaultOptions): TokenVault {
  const file = join(options.dir, TOKEN_FILE_NAME);
  const report = options.onProblem ?? ((p: TokenVaultProblem) => console.error(`Rateback: the cloud session in ${p.file} could not be used (${p.detail}); sign in again.`));

  async function load(): Promise<string | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
      report({ kind: 'unreadable-file', file, detail: describe(error) });
      return null;
    }
    let parsed: z.infer<typeof TokenFile>;
    try {
      parsed = TokenFile.parse(JSON.parse(text));
    } catch (error) {
      report({ kind: 'invalid-file', file, detail: error instanceof z.ZodError ? 'not a saved session' : describe(error) });
      return null;
    }
    if ('token' in parsed) return parsed.token;
    if (!options.seal) {
      report({ kind: 'unsealable', file, detail: 'it was encrypted by the desktop app' });
      return null;
    }
    try {
      return options.seal.open(parsed.sealed);
    } catch (error) {
      report({ kind: 'unsealable', file, detail: describe(error) });
      return null;
    }
  }

  async function save(token: string): Promise<void> {
    const body = options.seal ? { version: 1, sealed: options.seal.seal(token) } : { version: 1, token };
    await mkdir(options.dir, { recursive: true });
    await writeFileAtomically(file, `${JSON.stringify(body)}\n`);
  }

  async function clear(): Promise<void> {
    await rm(file, { force: true });
  }

  return { load, save, clear };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
