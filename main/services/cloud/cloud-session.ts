import type { TokenVault } from './token-vault';

/**
 * The session token in memory, written through to the vault. Calls read the token from here
 * without touching the disk, and every change is a compare-and-set: a call that fails with an
 * old token (rotated meanwhile, or replaced by a new sign-in) must not wipe the new one.
 */
export interface CloudSession {
  /** The current token, or null when signed out. */
  token(): string | null;
  /** A new session (sign-in): replaces whatever was there. */
  open(token: string): Promise<void>;
  /** The same session's new token; false (nothing changed) if `expected` is no longer current. */
  rotate(expected: string, next: string): Promise<boolean>;
  /** Forgets the session if `expected` is still it (null: whatever it is); true if it did. */
  end(expected: string | null): Promise<boolean>;
}

export interface CloudSessionOptions {
  vault: TokenVault;
  initial: string | null;
  /** A sign-in or sign-out (not a rotation): open subscriptions end, the UI is told. */
  onChange: () => void;
  /** The vault could not write; the session carries on in memory until quit. */
  onProblem: (detail: string) => void;
}

export function createCloudSession(options: CloudSessionOptions): CloudSession {
  let current = options.initial;
  // Writes in order: a clear must not be overtaken by the save before it.
  let writes: Promise<void> = Promise.resolve();

  function persist(token: string | null): Promise<void> {
    const write = writes.then(() => (token === null ? options.vault.clear() : options.vault.save(token)));
    writes = write.catch((error: unknown) => options.onProblem(error instanceof Error ? error.message : String(error)));
    return writes;
  }

  return {
    token: () => current,
    open(token) {
      current = token;
      options.onChange();
      return persist(token);
    },
    async rotate(expected, next) {
      if (current !== expected) return false;
      current = next;
      await persist(next);
      return true;
    },
    async end(expected) {
      if (current === null || (expected !== null && current !== expected)) return false;
      current = null;
      options.onChange();
      await persist(null);
      return true;
    },
  };
}
