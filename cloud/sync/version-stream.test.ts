import { describe, expect, it } from 'vitest';
import { versionsAfter } from './version-stream';

function source(current: number) {
  const listeners = new Set<(v: number) => void>();
  return {
    listeners,
    emit: (v: number) => listeners.forEach((l) => l(v)),
    subscribe(l: (v: number) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    current: () => Promise.resolve(current),
  };
}

describe('versionsAfter', () => {
  it('sends the current version when behind, then new ones, coalesced, never going back', async () => {
    const s = source(5);
    const abort = new AbortController();
    const stream = versionsAfter(s, 3, abort.signal);
    expect((await stream.next()).value).toBe(5);
    s.emit(4);
    s.emit(6);
    s.emit(8);
    expect((await stream.next()).value).toBe(8);
    const next = stream.next();
    s.emit(9);
    expect((await next).value).toBe(9);
    const last = stream.next();
    abort.abort();
    expect((await last).done).toBe(true);
    expect(s.listeners.size).toBe(0);
  });

  it('waits quietly when the device is up to date', async () => {
    const s = source(5);
    const abort = new AbortController();
    const stream = versionsAfter(s, 5, abort.signal);
    const first = stream.next();
    s.emit(5);
    s.emit(6);
    expect((await first).value).toBe(6);
    abort.abort();
    expect((await stream.next()).done).toBe(true);
  });
});
