import { app } from 'electron';

/** Passed by the login item: start in the tray, with the watch running and no window. */
export const START_HIDDEN_ARG = '--hidden';

/** Starting the app when the user logs in, behind an interface so callers need no Electron. */
export interface LoginItem {
  isEnabled(): boolean;
  setEnabled(enabled: boolean): void;
}

export function createLoginItem(): LoginItem {
  // Windows matches the entry by path and args, so reads and writes pass the same ones.
  const entry = { path: process.execPath, args: [START_HIDDEN_ARG] };
  return {
    isEnabled: () => app.getLoginItemSettings(entry).openAtLogin,
    setEnabled: (enabled) => app.setLoginItemSettings({ ...entry, openAtLogin: enabled }),
  };
}
