/**
 * How sign-in attempts are slowed, as pure rules over one counter (a row of sign_in_failures).
 * The store (sign-in-throttle-store.ts) keeps one counter per account and one per client
 * address, so guessing one person's password from many addresses and guessing many people's
 * passwords from one address are both slowed.
 *
 * Failures are counted in a window of 15 minutes that starts at the first failure. The first
 * three are free (people mistype); after the n-th failure (n ≥ 3) the next attempt must wait
 * 2^(n-3) seconds, and after the tenth the counter is locked for 15 minutes. The wait is not a
 * sleep: `lockedUntil` holds the earliest time the next attempt is heard, and one that comes
 * sooner is refused at once, so a guesser cannot hold the server's connections open.
 */
export interface ThrottleCounter {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

export const FAILURE_WINDOW_MS = 15 * 60_000;
export const FREE_FAILURES = 3;
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MS = 15 * 60_000;

/** Whole seconds to wait before an attempt is heard; 0 when it may go ahead now. */
export function secondsToWait(counter: ThrottleCounter | undefined, now: Date): number {
  if (!counter?.lockedUntil) return 0;
  const ms = counter.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** The counter once one more failure is counted at `now`. */
export function afterFailure(counter: ThrottleCounter | undefined, now: Date): ThrottleCounter {
  const current = counter && !windowOver(counter, now) ? counter : { failures: 0, windowStart: now, lockedUntil: null };
  const failures = current.failures + 1;
  return { failures, windowStart: current.windowStart, lockedUntil: lockFor(failures, now) };
}

/** A counter that no longer slows anyone (window over, lock passed): its row can go. */
export function isSpent(counter: ThrottleCounter, now: Date): boolean {
  return windowOver(counter, now) && secondsToWait(counter, now) === 0;
}

function windowOver(counter: ThrottleCounter, now: Date): boolean {
  return now.getTime() - counter.windowStart.getTime() >= FAILURE_WINDOW_MS;
}

function lockFor(failures: number, at: Date): Date | null {
  if (failures >= LOCK_AFTER_FAILURES) return new Date(at.getTime() + LOCK_MS);
  if (failures >= FREE_FAILURES) return new Date(at.getTime() + 2 ** (failures - FREE_FAILURES) * 1000);
  return null;
}

/** "Wait 4 seconds", "Wait 15 minutes": the refusal a person reads. */
export function waitMessage(seconds: number): string {
  const wait = seconds < 120 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many attempts that did not work. Wait ${wait} before trying again.`;
}
