import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { createIPCHandler } from 'trpc-electron/main';
import { appRouter } from './router/app-router';
import { createInnerContext } from './router/context';
import { createFileSettingsStore } from './services/settings-store';
import { createAppWindow, type AppWindowOptions } from './shell/window';

/**
 * The Electron shell: one instance per user, one window, main's router over IPC. Everything
 * it wires up is plain Node code that web mode also runs; only this file and shell/ touch
 * Electron.
 */

// A test or a second copy of the app can point the whole profile elsewhere, as in web mode.
const dataDirOverride = process.env['RATEBACK_DATA_DIR']?.trim();
if (dataDirOverride) app.setPath('userData', dataDirOverride);

// Paths are relative to this built file: out/main/index.js → out/preload, out/renderer.
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererFile = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];

const windowOptions: AppWindowOptions = {
  preloadPath,
  page: !app.isPackaged && devServerUrl ? { url: devServerUrl } : { file: rendererFile },
};

if (!app.requestSingleInstanceLock()) {
  // Two copies writing the same IndexedDB and settings would corrupt each other: the second
  // one hands over to the first (see 'second-instance') and quits.
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      const dataDir = app.getPath('userData');
      const ctx = createInnerContext({
        runtime: 'electron',
        version: app.getVersion(),
        dataDir,
        settings: createFileSettingsStore({ dir: dataDir }),
        platform: process.platform,
      });

      const ipc = createIPCHandler({ router: appRouter, windows: [], createContext: () => Promise.resolve(ctx) });
      const openWindow = (): void => ipc.attachWindow(createAppWindow(windowOptions));
      openWindow();

      // macOS keeps the app running with no window; clicking the dock icon opens one again.
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('Rateback: could not start:', error);
      app.exit(1);
    });
}
