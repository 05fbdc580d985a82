import type { PushInput } from '@core/sync/protocol';
import type { SyncTransport } from '../../../renderer/src/sync/sync-engine';

/**
 * The network between the fuzz's PCs and the cloud, failing on purpose. Each PC's transport
 * can be offline (every call fails at once), and while "flaky" a push is, at random:
 * - lost on the way (the cloud never sees it),
 * - answered but the answer lost (the cloud applied it, the PC does not know),
 * - sent twice at the same time (the cloud must take it once),
 * - held back and delivered later, after newer requests (the PC saw a failure meanwhile);
 * and a pull or device-status call is lost. Failures look like fetch's own ("fetch failed"),
 * so the engine reads them as offline. Randomness comes from a seeded generator, so a seed
 * replays the same run.
 */
export interface Rng {
  (): number;
  int(maxExclusive: number): number;
}

/** mulberry32: small, fast and good enough to pick faults. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Rng;
  next.int = (max) => Math.floor(next() * max);
  return next;
}

export interface FaultRates {
  lostRequest: number;
  lostResponse: number;
  duplicated: number;
  delayed: number;
  lostRead: number;
}

export const DEFAULT_FAULTS: FaultRates = { lostRequest: 0.1, lostResponse: 0.1, duplicated: 0.1, delayed: 0.1, lostRead: 0.1 };

export interface FaultCounts {
  lostRequest: number;
  lostResponse: number;
  duplicated: number;
  delayed: number;
  delivered: number;
  lostRead: number;
}

export class FlakyNetwork {
  /** When false, every call goes through untouched (the quiescent end of a run). */
  flaky = true;
  /**
   * Called (sometimes) after the cloud answered and before the PC gets the answer: the fuzz
   * makes a local edit there, preferably of a record in the answer, as a user typing while a sync runs, so a pull lands on changes
   * that wait in the outbox.
   */
  meanwhile: ((pc: number, touched: { table: string; id: string }[]) => Promise<void>) | undefined;
  meanwhileRate = 0.3;
  readonly counts: FaultCounts = { lostRequest: 0, lostResponse: 0, duplicated: 0, delayed: 0, delivered: 0, lostRead: 0 };
  private readonly held: (() => Promise<unknown>)[] = [];
  private readonly offline = new Set<number>();

  constructor(
    private readonly rng: Rng,
    private readonly rates: FaultRates = DEFAULT_FAULTS,
  ) {}

  setOnline(pc: number, online: boolean): void {
    if (online) this.offline.delete(pc);
    else this.offline.add(pc);
  }

  isOnline(pc: number): boolean {
    return !this.offline.has(pc);
  }

  /** Delivers held-back pushes, `all` or a random few, in random order (their answers go nowhere). */
  async deliver(all = false): Promise<void> {
    const count = all ? this.held.length : this.rng.int(this.held.length + 1);
    for (let i = 0; i < count; i++) {
      const [send] = this.held.splice(this.rng.int(this.held.length), 1);
      if (!send) break;
      this.counts.delivered++;
      await send().catch(() => undefined);
    }
  }

  get heldBack(): number {
    return this.held.length;
  }

  /** `touched`: the records in the answer, which the edit prefers (that is where a pull could hide it). */
  private async maybeMeanwhile(pc: number, touched: { table: string; id: string }[]): Promise<void> {
    if (!this.meanwhile || !this.flaky || this.inMeanwhile || this.rng() >= this.meanwhileRate) return;
    // Not nested: what happens meanwhile (another PC's sync, say) has no "meanwhile" of its own.
    this.inMeanwhile = true;
    try {
      await this.meanwhile(pc, touched);
    } finally {
      this.inMeanwhile = false;
    }
  }
  private inMeanwhile = false;

  /** A random draw, for the fuzz's choices that belong to the network's seed. */
  draw(maxExclusive: number): number {
    return this.rng.int(maxExclusive);
  }

  /** PC `pc`'s transport; `cloud()` is asked at each call, so a restarted cloud is followed. */
  transport(pc: number, cloud: () => SyncTransport): SyncTransport {
    const unreachable = () => new TypeError('fetch failed');
    const roll = (rate: number) => this.flaky && this.rng() < rate;
    return {
      push: async (input: PushInput) => {
        if (!this.isOnline(pc)) throw unreachable();
        if (roll(this.rates.lostRequest)) {
          this.counts.lostRequest++;
          throw unreachable();
        }
        if (roll(this.rates.delayed)) {
          this.counts.delayed++;
          const copy = structuredClone(input);
          this.held.push(() => cloud().push(copy));
          throw unreachable();
        }
        if (roll(this.rates.duplicated)) {
          this.counts.duplicated++;
          const [first, second] = await Promise.allSettled([cloud().push(input), cloud().push(structuredClone(input))]);
          if (first.status === 'fulfilled') return first.value;
          if (second.status === 'fulfilled') return second.value;
          throw first.reason;
        }
        const result = await cloud().push(input);
        await this.maybeMeanwhile(pc, input.mutations.flatMap((m) => m.changes));
        if (roll(this.rates.lostResponse)) {
          this.counts.lostResponse++;
          throw unreachable();
        }
        return result;
      },
      pull: async (input) => {
        if (!this.isOnline(pc)) throw unreachable();
        if (roll(this.rates.lostRead)) {
          this.counts.lostRead++;
          throw unreachable();
        }
        const page = await cloud().pull(input);
        await this.maybeMeanwhile(pc, page.records);
        return page;
      },
      deviceStatus: async (input) => {
        if (!this.isOnline(pc)) throw unreachable();
        if (roll(this.rates.lostRead)) {
          this.counts.lostRead++;
          throw unreachable();
        }
        return cloud().deviceStatus(input);
      },
    };
  }
}
