import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow } from 'electron';
import { createIPCHandler } from 'trpc-electron/main';
import { appRouter } from './router/app-router';
import { createInnerContext } from './router/context';
import type { CloudConnection } from './services/cloud/cloud-api';
import { createDeviceCloud } from './services/cloud/device-cloud';
import { createFileSettingsStore } from './services/settings-store';
import { createLoginItem } from './shell/login-item';
import { nodeTimers } from './services/watch/timers';
import { createWatchService, type WatchService } from './services/watch/watch-service';
import { createFileWatchStore } from './services/watch/watch-store';
import { hideOnClose } from './shell/keep-in-tray';
import { START_HIDDEN_ARG } from './shell/login-item';
import { createElectronNotifier } from './shell/notifier.electron';
import { createElectronTokenVault } from './shell/token-vault.electron';
import { createWatchTray, type WatchTray } from './shell/tray';
import { createAppWindow, type AppWindowOptions } from './shell/window';

/**
 * The Electron shell: one instance per user, one window, main's router over IPC. Everything
 * it wires up is plain Node code that web mode also runs; only this file and shell/ touch
 * Electron.
 *
 * The watch (late invoices, blacklist alerts) lives here in main, not in the window: closing
 * the window hides it and the app stays in the tray, chasing; only the tray's Quit stops it.
 */

// A test or a second copy of the app can point the whole profile elsewhere, as in web mode.
const dataDirOverride = process.env['RATEBACK_DATA_DIR']?.trim();
if (dataDirOverride) app.setPath('userData', dataDirOverride);

// Paths are relative to this built file: out/main/index.js → out/preload, out/renderer.
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererFile = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const cloudScript = fileURLToPath(new URL('./cloud.js', import.meta.url));
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];

const windowOptions: AppWindowOptions = {
  preloadPath,
  page: !app.isPackaged && devServerUrl ? { url: devServerUrl } : { file: rendererFile },
};

let quitting = false;
let watch: WatchService | null = null;
let cloud: CloudConnection | null = null;
let tray: WatchTray | null = null;
let mainWindow: BrowserWindow | null = null;
/** Opens the window, or brings the hidden one back; set once the app is ready. */
let showWindow: () => void = () => {};

if (!app.requestSingleInstanceLock()) {
  // Two copies writing the same IndexedDB, settings and watch files would corrupt each other:
  // the second one hands over to the first (see 'second-instance') and quits.
  app.quit();
} else {
  app.on('second-instance', () => showWindow());

  // Closed windows are only hidden (see hideOnClose), so this fires only while quitting. The
  // listener must exist all the same: without one, Electron quits when the last window goes.
  app.on('window-all-closed', () => {});

  app.on('before-quit', (event) => {
    quitting = true;
    if (!watch && !cloud) return;
    // Write the watch's pending changes and stop the local cloud before the process ends,
    // then quit for real.
    const closingWatch = watch;
    const closingCloud = cloud;
    watch = null;
    cloud = null;
    event.preventDefault();
    tray?.destroy();
    tray = null;
    Promise.all([
      closingWatch?.close().catch((error: unknown) => console.error('Rateback: the watch could not save on quit:', error)),
      closingCloud?.close().catch((error: unknown) => console.error('Rateback: the local cloud did not stop cleanly:', error)),
    ]).finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      const dataDir = app.getPath('userData');
      const settings = createFileSettingsStore({ dir: dataDir });
      const service = createWatchService({
        clock: () => new Date(),
        store: createFileWatchStore({ dir: dataDir }),
        notifier: createElectronNotifier({ window: () => mainWindow, onClick: () => showWindow() }),
        setTimer: nodeTimers.setTimer,
        clearTimer: nodeTimers.clearTimer,
      });
      await service.start();
      watch = service;

      const cloudConnection = await createDeviceCloud({
        dataDir,
        env: process.env,
        vault: createElectronTokenVault(dataDir, (line) => console.error(line)),
        // Electron's own binary runs the cloud as plain Node: no second runtime to ship.
        localCommand: { execPath: process.execPath, script: cloudScript, extraEnv: { ELECTRON_RUN_AS_NODE: '1' } },
        userAgent: `Rateback/${app.getVersion()} (${process.platform}; desktop)`,
      });
      cloud = cloudConnection;
      cloudConnection.start();

      const ctx = createInnerContext({
        runtime: 'electron',
        version: app.getVersion(),
        dataDir,
        settings,
        watch: service,
        cloud: cloudConnection,
        platform: process.platform,
      });
      // Start at login follows the device setting, now and whenever it changes.
      const loginItem = createLoginItem();
      const followLoginSetting = async () => {
        loginItem.setEnabled((await settings.get()).startAtLogin);
        for await (const next of settings.changes()) loginItem.setEnabled(next.startAtLogin);
      };
      followLoginSetting().catch((error: unknown) => console.error('Rateback: could not update start at login:', error));

      const ipc = createIPCHandler({ router: appRouter, windows: [], createContext: () => Promise.resolve(ctx) });

      showWindow = () => {
        if (!mainWindow || mainWindow.isDestroyed()) {
          const win = createAppWindow(windowOptions);
          hideOnClose(win, () => quitting);
          win.on('closed', () => {
            if (mainWindow === win) mainWindow = null;
          });
          ipc.attachWindow(win);
          mainWindow = win;
          return;
        }
        if (mainWindow.isMinimized()) mainWindow.restore();
        mainWindow.show();
        mainWindow.focus();
      };

      tray = createWatchTray({ watch: service, onOpen: () => showWindow(), onQuit: () => app.quit() });

      // Started by the login item: stay in the tray; the watch already runs from its own store.
      if (!process.argv.includes(START_HIDDEN_ARG)) showWindow();

      // macOS keeps the app running with no window; clicking the dock icon opens one again.
      app.on('activate', () => showWindow());
    })
    .catch((error: unknown) => {
      console.error('Rateback: could not start:', error);
      app.exit(1);
    });
}
