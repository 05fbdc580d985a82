import { safeStorage } from 'electron';
import { createMemoryTokenVault, type TokenVault } from '../services/cloud/token-vault';
import { createFileTokenVault } from '../services/cloud/token-vault.file';

/**
 * The desktop app's vault: the token sealed with the OS keychain (Keychain on macOS, DPAPI on
 * Windows, libsecret or KWallet on Linux) through Electron's safeStorage, in the same
 * cloud-session.json web mode uses. Only this user on this PC can open it.
 *
 * When safeStorage cannot encrypt (no keyring on a Linux desktop), or can only "encrypt" with
 * Chromium's built-in password (the `basic_text` backend, which anyone who copies the file can
 * undo), the token is kept in memory only: signing in again after each start is better than a
 * session token on disk that only looks protected.
 *
 * Call after app 'ready': safeStorage is not usable before it.
 */
export function createElectronTokenVault(dir: string, log: (line: string) => void): TokenVault {
  const linuxBasicText = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || linuxBasicText) {
    log('Rateback: no OS keychain to protect the cloud session, so it is not saved; sign in again after each start.');
    return createMemoryTokenVault();
  }
  return createFileTokenVault({
    dir,
    seal: {
      seal: (token) => safeStorage.encryptString(token).toString('base64'),
      open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
    },
  });
}
