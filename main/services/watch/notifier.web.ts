import type { Notifier } from './notifier';

/**
 * Web mode has no desktop to notify: the page receives alerts through `watch.changes` and
 * shows them itself, so the watch's notifier does nothing.
 */
export const webNotifier: Notifier = {
  notify() {},
};
