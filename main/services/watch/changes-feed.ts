import type { WatchChange } from './watch-api';

/**
 * Fans the watch's changes out to subscribers (an open page, the tray). Each subscriber has a
 * queue of at most one item: when a change arrives before the last was read, the two merge
 * (latest counts, both sets of new alerts), so a slow reader never falls behind or piles up
 * memory, and never misses an alert.
 */
export class ChangesFeed {
  private readonly listeners = new Set<(change: WatchChange) => void>();
  private readonly closers = new Set<() => void>();
  private closed = false;

  publish(change: WatchChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Listening starts now, not at the first `next()`. Ends when `signal` aborts or on `close`. */
  subscribe(signal?: AbortSignal): AsyncIterable<WatchChange> {
    let pending: WatchChange | null = null;
    let done = false;
    let wake: (() => void) | null = null;

    const listener = (change: WatchChange): void => {
      pending = pending ? { counts: change.counts, newAlerts: [...pending.newAlerts, ...change.newAlerts] } : change;
      wake?.();
    };
    const stop = (): void => {
      done = true;
      this.listeners.delete(listener);
      this.closers.delete(stop);
      signal?.removeEventListener('abort', stop);
      wake?.();
    };
    this.listeners.add(listener);
    this.closers.add(stop);
    if (signal?.aborted || this.closed) stop();
    else signal?.addEventListener('abort', stop, { once: true });

    return {
      async *[Symbol.asyncIterator]() {
        try {
          for (;;) {
            if (pending) {
              const next: WatchChange = pending;
              pending = null;
              yield next;
            } else if (done) {
              return;
            } else {
              await new Promise<void>((resolve) => (wake = resolve));
              wake = null;
            }
          }
        } finally {
          stop();
        }
      },
    };
  }

  close(): void {
    this.closed = true;
    for (const stop of [...this.closers]) stop();
  }
}
