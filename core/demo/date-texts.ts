import { fromEpochDay } from '../dates';
import type { IsoDate, IsoInstant } from '../primitives';
import type { Rng } from './random';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Times of day in five-minute steps, 08:00–18:55, as the tail of an instant. */
const TIMES_OF_DAY: readonly string[] = Array.from({ length: 11 * 12 }, (_, i) => `T${pad2(8 + Math.floor(i / 12))}:${pad2((i % 12) * 5)}:00Z`);

/**
 * Dates and instants repeat endlessly across 300,000 invoices (issue, due, payment, recorded),
 * so each distinct one is built once and shared: fewer strings for the collector to trace.
 */
export class DateTexts {
  private readonly firstDay: number;
  private readonly dates: (IsoDate | undefined)[];
  private readonly instants: (IsoInstant | undefined)[];

  /** Days from `firstDay` to `lastDay` are kept; any outside are built each time. */
  constructor(firstDay: number, lastDay: number) {
    this.firstDay = firstDay;
    // Sized up front: filling a growing array at scattered indexes would make it a slow dictionary.
    const days = Math.max(0, lastDay - firstDay + 1);
    this.dates = new Array<IsoDate | undefined>(days).fill(undefined);
    this.instants = new Array<IsoInstant | undefined>(days * TIMES_OF_DAY.length).fill(undefined);
  }

  date(day: number): IsoDate {
    const i = day - this.firstDay;
    let text = this.dates[i];
    if (text === undefined) {
      text = fromEpochDay(day);
      if (i >= 0 && i < this.dates.length) this.dates[i] = text;
    }
    return text;
  }

  /** An instant during working hours on `day`. */
  instant(rng: Rng, day: number): IsoInstant {
    const slot = rng.int(0, TIMES_OF_DAY.length - 1);
    const i = (day - this.firstDay) * TIMES_OF_DAY.length + slot;
    let text = this.instants[i];
    if (text === undefined) {
      text = `${this.date(day)}${TIMES_OF_DAY[slot] ?? 'T12:00:00Z'}`;
      if (i >= 0 && i < this.instants.length) this.instants[i] = text;
    }
    return text;
  }
}
