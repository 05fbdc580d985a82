import type { IsoInstant } from '@core/primitives';

/**
 * Who writes and when: passed into every repository write so tests control the clock and the
 * book records a name beside every status change, payment and rating.
 */
export interface WriteContext {
  /** Display name of the team member using this PC ('' when none is chosen yet). */
  actor: string;
  /** Country used to read phone numbers typed without a country code. */
  country: string;
  /** Locale for amounts and dates inside messages. */
  locale: string;
  now: () => IsoInstant;
}

export function systemClock(): IsoInstant {
  return new Date().toISOString();
}
