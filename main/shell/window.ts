import { BrowserWindow, shell } from 'electron';
import { decideExternalOpen } from '../shell-policy/external-links';

export interface AppWindowOptions {
  /** Absolute path of out/preload/index.cjs. */
  preloadPath: string;
  /** The built renderer's index.html, or the dev server's URL under `electron-vite dev`. */
  page: { file: string } | { url: string };
}

/**
 * The one place windows are made, so every window gets the same hardening:
 * - the renderer is sandboxed and isolated, with no Node; the preload exposes only the tRPC
 *   bridge;
 * - it can never navigate away from the app, open popups or embed <webview>s; https: links
 *   open in the user's browser instead;
 * - every permission (camera, notifications, geolocation…) is refused.
 */
export function createAppWindow(options: AppWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'Rateback',
    // Shown once painted, so the counter never sees a white flash.
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });

  const contents = win.webContents;
  const openExternal = (url: string): void => {
    shell.openExternal(url).catch((error: unknown) => console.error('Rateback: could not open', url, error));
  };

  contents.setWindowOpenHandler(({ url }) => {
    decideExternalOpen(url, openExternal);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    // A plain <a href="https://…"> without target=_blank lands here rather than in the handler above.
    decideExternalOpen(event.url, openExternal);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());

  const session = contents.session;
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);

  win.once('ready-to-show', () => win.show());

  const loading = 'file' in options.page ? win.loadFile(options.page.file) : win.loadURL(options.page.url);
  loading.catch((error: unknown) => console.error('Rateback: the window could not load the app:', error));

  return win;
}
