import { Menu, nativeImage, Tray } from 'electron';
import { countsText } from '../services/watch/counts-text';
import type { Watch, WatchCounts } from '../services/watch/watch-api';

/** 16×16 amber disc: visible on light and dark taskbars; a designed icon can replace it. */
const ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAPElEQVR42mNgoDaw0eX6jw8Trfn1AhEUTNAQXBpxGUSWZpyGUMUAYjUjGzLcDBjYWKA4IVElKVMlM5EDAJEJe+jCnvh5AAAAAElFTkSuQmCC';

export interface WatchTrayOptions {
  watch: Watch;
  onOpen: () => void;
  onQuit: () => void;
}

export interface WatchTray {
  destroy(): void;
}

/**
 * The app in the notification area while its window is closed: the watch's counts as the
 * tooltip ("3 reminders due, 1 alert"), kept current from `watch.changes`; click to open;
 * Quit in the menu is the only way to stop the watch.
 */
export function createWatchTray(options: WatchTrayOptions): WatchTray {
  const tray = new Tray(nativeImage.createFromDataURL(ICON));
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Rateback', click: options.onOpen },
      { type: 'separator' },
      { label: 'Quit Rateback', click: options.onQuit },
    ]),
  );
  tray.on('click', options.onOpen);

  const show = (counts: WatchCounts): void => {
    const text = countsText(counts);
    tray.setToolTip(`Rateback: ${text}`);
    // macOS shows a title beside the icon; elsewhere this is ignored.
    tray.setTitle(counts.dueReminders + counts.unacknowledgedAlerts > 0 ? text : '');
  };

  const stop = new AbortController();
  const changes = options.watch.changes(stop.signal);
  show(options.watch.counts());
  void (async () => {
    for await (const change of changes) if (!tray.isDestroyed()) show(change.counts);
  })().catch((error: unknown) => console.error('Rateback: the tray stopped following the watch:', error));

  return {
    destroy() {
      stop.abort();
      tray.destroy();
    },
  };
}
