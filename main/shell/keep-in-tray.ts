import type { BrowserWindow } from 'electron';

/**
 * Closing the window hides it instead: the app stays in the tray and the watch keeps chasing.
 * The window really closes only when the app is quitting (the tray's Quit, or the OS logging
 * out), which `isQuitting` tells.
 */
export function hideOnClose(win: BrowserWindow, isQuitting: () => boolean): void {
  win.on('close', (event) => {
    if (isQuitting()) return;
    event.preventDefault();
    win.hide();
  });
}
