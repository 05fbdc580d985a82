import { describe, expect, it } from 'vitest';
import { todayIn } from '../dates';
import { agingBucketOf } from './aging';
import { daysPastDue, isOverdue } from './days-past-due';
import { invoice } from './test-invoices';

/**
 * "Today" is the calendar day in the business's time zone (todayIn from core/dates.ts), taken
 * once; from there lateness is whole calendar days. These instants sit next to the 2024 leap
 * day and the 2024 clock changes (London: 31 Mar, 27 Oct at 01:00 UTC; New York: 10 Mar at
 * 07:00 UTC, 3 Nov at 06:00 UTC), where the UTC date and the local date differ.
 */
describe('todayIn + daysPastDue across a leap day and clock changes', () => {
  // Issued 2024-01-29, due 2024-02-28: the day before the leap day.
  const inv = invoice({ issue: '2024-01-29', due: '2024-02-28', total: 50_000 });

  it.each([
    // zone, instant, local day, days past due (the UTC date would give: in the comment)
    ['Europe/London', '2024-02-29T23:30:00Z', '2024-02-29', 1],
    ['Europe/London', '2024-03-01T00:30:00Z', '2024-03-01', 2], // leap day counted
    ['America/New_York', '2024-03-01T04:30:00Z', '2024-02-29', 1], // UTC: 2024-03-01 → 2
    ['America/New_York', '2024-03-01T05:30:00Z', '2024-03-01', 2],
    ['Europe/London', '2024-03-30T23:30:00Z', '2024-03-30', 31], // GMT, last night before BST
    ['Europe/London', '2024-03-31T00:30:00Z', '2024-03-31', 32], // still GMT: the change is at 01:00 UTC
    ['Europe/London', '2024-03-31T23:30:00Z', '2024-04-01', 33], // 00:30 BST; UTC: 2024-03-31 → 32
    ['Europe/London', '2024-10-26T23:30:00Z', '2024-10-27', 242], // 00:30 BST; UTC: 2024-10-26 → 241
    ['Europe/London', '2024-10-27T23:30:00Z', '2024-10-27', 242], // 23:30 GMT, the 25-hour day
    ['America/New_York', '2024-03-10T04:59:00Z', '2024-03-09', 10], // 23:59 EST; UTC: 2024-03-10 → 11
    ['America/New_York', '2024-03-10T06:30:00Z', '2024-03-10', 11], // 01:30 EST, just before the jump
    ['America/New_York', '2024-03-11T03:30:00Z', '2024-03-10', 11], // 23:30 EDT, the 23-hour day; UTC → 12
    ['America/New_York', '2024-11-03T03:30:00Z', '2024-11-02', 248], // 23:30 EDT; UTC: 2024-11-03 → 249
    ['America/New_York', '2024-11-04T04:30:00Z', '2024-11-03', 249], // 23:30 EST, the 25-hour day; UTC → 250
    ['America/New_York', '2024-11-04T05:30:00Z', '2024-11-04', 250],
  ])('%s at %s is %s: %i days past due', (zone, instant, localDay, days) => {
    const today = todayIn(zone, new Date(instant));
    expect(today).toBe(localDay);
    expect(daysPastDue(inv, today)).toBe(days);
  });

  it.each([
    // An invoice due on the day the clocks change is due today all that local day, not late.
    ['America/New_York', '2024-03-10', '2024-03-11T03:30:00Z', 0, false], // UTC already says 11 Mar
    ['America/New_York', '2024-03-10', '2024-03-11T04:30:00Z', 1, true],
    ['Europe/London', '2024-03-31', '2024-03-31T22:59:00Z', 0, false], // 23:59 BST
    ['Europe/London', '2024-03-31', '2024-03-31T23:00:00Z', 1, true], // 00:00 BST on 1 Apr
    ['Europe/London', '2024-10-27', '2024-10-27T23:59:00Z', 0, false], // 23:59 GMT, 25 hours later
    ['America/New_York', '2024-02-29', '2024-03-01T04:59:00Z', 0, false], // 23:59 EST on the leap day
    ['America/New_York', '2024-02-29', '2024-03-01T05:00:00Z', 1, true],
  ])('in %s, due %s, at %s: %i days past due, overdue %s', (zone, due, instant, days, overdue) => {
    const dueToday = invoice({ issue: '2024-02-01', due, total: 1_000 });
    const today = todayIn(zone, new Date(instant));
    expect(daysPastDue(dueToday, today)).toBe(days);
    expect(isOverdue(dueToday, today)).toBe(overdue);
    expect(agingBucketOf(days)).toBe(days === 0 ? 'current' : '1-30');
  });

  it('counts days, not 24-hour periods: London local midnights 2024-03-30 → 2024-04-01 are 47 hours apart', () => {
    const hours = (Date.parse('2024-04-01T00:00:00+01:00') - Date.parse('2024-03-30T00:00:00Z')) / 3_600_000;
    expect(hours).toBe(47);
    const inv30 = invoice({ issue: '2024-03-01', due: '2024-03-30' });
    expect(daysPastDue(inv30, '2024-04-01')).toBe(2);
  });
});
