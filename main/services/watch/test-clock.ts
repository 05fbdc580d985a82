import type { Timers } from './timers';

interface PendingTimer {
  id: number;
  at: number;
  run: () => void;
}

/**
 * A clock and timers for tests, driven by hand: `advanceTo` moves time forward and fires every
 * timer that falls due on the way, in time order (timers armed by those timers included), as
 * if the machine had been running; `jumpTo` moves time without firing anything, as if it had
 * been asleep or off.
 */
export class FakeClock implements Timers {
  private nowMs: number;
  private seq = 0;
  private timers: PendingTimer[] = [];

  constructor(start: string | Date) {
    this.nowMs = new Date(start).getTime();
  }

  readonly now = (): Date => new Date(this.nowMs);

  readonly setTimer = (run: () => void, ms: number): unknown => {
    const timer = { id: ++this.seq, at: this.nowMs + Math.max(0, ms), run };
    this.timers.push(timer);
    return timer.id;
  };

  readonly clearTimer = (handle: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };

  advanceTo(when: string | Date): void {
    const target = new Date(when).getTime();
    if (target < this.nowMs) throw new Error('The fake clock only moves forward');
    for (;;) {
      let next: PendingTimer | undefined;
      for (const t of this.timers) if (t.at <= target && (!next || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t;
      if (!next) break;
      const due = next;
      this.timers = this.timers.filter((t) => t !== due);
      this.nowMs = Math.max(this.nowMs, due.at);
      due.run();
    }
    this.nowMs = target;
  }

  advanceBy(ms: number): void {
    this.advanceTo(new Date(this.nowMs + ms));
  }

  jumpTo(when: string | Date): void {
    const target = new Date(when).getTime();
    if (target < this.nowMs) throw new Error('The fake clock only moves forward');
    this.nowMs = target;
  }

  /** When each pending timer would fire, earliest first. */
  pendingAt(): Date[] {
    return this.timers.map((t) => t.at).sort((a, b) => a - b).map((ms) => new Date(ms));
  }
}
