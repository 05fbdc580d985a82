import { describe, expect, it } from 'vitest';
import { countsText } from './counts-text';

describe('countsText', () => {
  it.each([
    [0, 0, '0 reminders due, 0 alerts'],
    [1, 1, '1 reminder due, 1 alert'],
    [12, 3, '12 reminders due, 3 alerts'],
  ])('%i reminders and %i alerts: %s', (dueReminders, unacknowledgedAlerts, text) => {
    expect(countsText({ dueReminders, unacknowledgedAlerts })).toBe(text);
  });
});
