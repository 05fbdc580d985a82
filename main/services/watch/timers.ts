/**
 * Timers passed in, so tests drive time (see watch-service.test.ts's fake clock) and the
 * service never reaches for a global. The handle is opaque: Node's Timeout, a number, a fake.
 */
export interface Timers {
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Real timers that do not keep the process alive on their own (the host or Electron does). */
export const nodeTimers: Timers = {
  setTimer(run, ms) {
    const handle = setTimeout(run, ms);
    handle.unref();
    return handle;
  },
  clearTimer(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
