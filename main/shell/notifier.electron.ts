import { Notification, type BrowserWindow } from 'electron';
import type { Notifier } from '../services/watch/notifier';

export interface ElectronNotifierOptions {
  /** The app's window, if one is open (it may be hidden in the tray). */
  window: () => BrowserWindow | null;
  /** Clicking a notification brings the app forward. */
  onClick: () => void;
}

/**
 * The desktop's notifier: a native notification, and the taskbar button flashing while the
 * window is not focused, so a blacklist alert is noticed even with the app behind others.
 */
export function createElectronNotifier(options: ElectronNotifierOptions): Notifier {
  // Held until closed: a notification that is garbage-collected loses its click handler.
  const shown = new Set<Notification>();
  return {
    notify({ title, body, severity }) {
      if (Notification.isSupported()) {
        const notification = new Notification({ title, body, urgency: severity === 'critical' ? 'critical' : 'normal', silent: severity === 'info' });
        shown.add(notification);
        notification.on('click', options.onClick);
        notification.on('close', () => shown.delete(notification));
        notification.show();
      }
      const win = options.window();
      if (win && !win.isDestroyed() && !win.isFocused()) {
        win.flashFrame(true);
        win.once('focus', () => win.flashFrame(false));
      }
    },
  };
}
