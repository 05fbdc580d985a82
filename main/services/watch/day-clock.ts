import { todayIn } from '@core/dates';
import type { IsoDate } from '@core/primitives';

/** Longer than any civil day (25 h on a clock change), so the next day has begun by then. */
const SEARCH_SPAN_MS = 27 * 3_600_000;

/**
 * The first instant after `now` at which the calendar day in `timeZone` is no longer today's:
 * local midnight, or whatever the zone has instead on a clock-change day (a few zones change
 * at midnight, so their day starts at 01:00). Found by bisection on the zone's own calendar,
 * not by adding 24 hours, so a 23- or 25-hour day cannot shift it. 27 steps of todayIn: cheap
 * enough for once a day.
 */
export function nextDayStart(timeZone: string, now: Date): Date {
  const today: IsoDate = todayIn(timeZone, now);
  let lo = now.getTime(); // still today
  let hi = lo + SEARCH_SPAN_MS; // already another day
  while (todayIn(timeZone, new Date(hi)) === today) hi += SEARCH_SPAN_MS;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (todayIn(timeZone, new Date(mid)) === today) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}
