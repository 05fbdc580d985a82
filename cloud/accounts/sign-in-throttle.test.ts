import { describe, expect, it } from 'vitest';
import { afterFailure, isSpent, secondsToWait, waitMessage, type ThrottleCounter } from './sign-in-throttle';

const t0 = new Date('2026-03-14T09:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('sign-in throttle rules', () => {
  it('lets three failures through, then waits 1, 2, 4 … 64 s, then locks for 15 minutes', () => {
    let counter: ThrottleCounter | undefined;
    const waits: number[] = [];
    for (let n = 1; n <= 10; n++) {
      counter = afterFailure(counter, t0);
      waits.push(secondsToWait(counter, t0));
    }
    expect(waits).toEqual([0, 0, 1, 2, 4, 8, 16, 32, 64, 900]);
  });

  it('starts a new window 15 minutes after the first failure', () => {
    let counter = afterFailure(afterFailure(afterFailure(undefined, t0), t0), t0);
    expect(counter.failures).toBe(3);
    counter = afterFailure(counter, at(15 * 60_000));
    expect(counter).toEqual({ failures: 1, windowStart: at(15 * 60_000), lockedUntil: null });
  });

  it('rounds waits up to whole seconds and reads them out', () => {
    const counter: ThrottleCounter = { failures: 4, windowStart: t0, lockedUntil: at(1500) };
    expect(secondsToWait(counter, t0)).toBe(2);
    expect(secondsToWait(counter, at(1500))).toBe(0);
    expect(waitMessage(1)).toMatch(/Wait 1 second before/);
    expect(waitMessage(900)).toMatch(/Wait 15 minutes/);
  });

  it('calls a counter spent once its window is over and its lock has passed', () => {
    const locked: ThrottleCounter = { failures: 10, windowStart: t0, lockedUntil: at(20 * 60_000) };
    expect(isSpent(locked, at(16 * 60_000))).toBe(false);
    expect(isSpent(locked, at(20 * 60_000))).toBe(true);
  });
});
