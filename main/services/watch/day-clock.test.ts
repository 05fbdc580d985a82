import { describe, expect, it } from 'vitest';
import { nextDayStart } from './day-clock';

describe('nextDayStart', () => {
  it.each([
    // zone, now, the next local midnight (UTC)
    ['Europe/London', '2025-01-15T09:00:00Z', '2025-01-16T00:00:00.000Z'],
    ['Europe/London', '2025-03-29T23:59:59.999Z', '2025-03-30T00:00:00.000Z'],
    ['Europe/London', '2025-03-30T00:00:00Z', '2025-03-30T23:00:00.000Z'], // 23-hour day
    ['Europe/London', '2025-10-25T12:00:00Z', '2025-10-25T23:00:00.000Z'],
    ['Europe/London', '2025-10-25T23:00:00Z', '2025-10-27T00:00:00.000Z'], // 25-hour day
    ['America/New_York', '2025-03-09T12:00:00Z', '2025-03-10T04:00:00.000Z'],
    ['Asia/Kolkata', '2025-01-15T09:00:00Z', '2025-01-15T18:30:00.000Z'],
    ['Pacific/Chatham', '2025-01-15T09:00:00Z', '2025-01-15T10:15:00.000Z'],
    // Zones whose clocks change at midnight: the day begins at 01:00.
    ['America/Havana', '2025-03-08T12:00:00Z', '2025-03-09T05:00:00.000Z'],
    ['America/Santiago', '2025-04-05T12:00:00Z', '2025-04-06T04:00:00.000Z'],
  ])('in %s after %s: %s', (zone, now, next) => {
    expect(nextDayStart(zone, new Date(now)).toISOString()).toBe(next);
  });

  it('skips a day a zone left out (Samoa, 30 Dec 2011)', () => {
    expect(nextDayStart('Pacific/Apia', new Date('2011-12-29T12:00:00Z')).toISOString()).toBe('2011-12-30T10:00:00.000Z');
  });
});
