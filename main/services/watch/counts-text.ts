import type { WatchCounts } from './watch-api';

/** "3 reminders due, 1 alert": the tray's tooltip, and anywhere else the counts are one line. */
export function countsText(counts: WatchCounts): string {
  const reminders = counts.dueReminders === 1 ? '1 reminder due' : `${counts.dueReminders} reminders due`;
  const alerts = counts.unacknowledgedAlerts === 1 ? '1 alert' : `${counts.unacknowledgedAlerts} alerts`;
  return `${reminders}, ${alerts}`;
}
