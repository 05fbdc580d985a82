/**
 * Where main keeps the cloud session token: in a file in web mode and tests
 * (token-vault.file.ts), encrypted with the OS keychain in Electron
 * (shell/token-vault.electron.ts), or only in memory where neither is right. The renderer
 * never sees it.
 *
 * Free of Node imports, like the rest of the cloud service's interface.
 */
export interface TokenVault {
  /** The saved token, or null when there is none or it cannot be read back. Never throws. */
  load(): Promise<string | null>;
  save(token: string): Promise<void>;
  clear(): Promise<void>;
}

/** A vault that forgets on quit: the session lasts as long as the process. */
export function createMemoryTokenVault(initial: string | null = null): TokenVault {
  let token = initial;
  return {
    load: () => Promise.resolve(token),
    save: (next) => {
      token = next;
      return Promise.resolve();
    },
    clear: () => {
      token = null;
      return Promise.resolve();
    },
  };
}
