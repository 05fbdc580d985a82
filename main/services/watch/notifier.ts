import type { AlertSeverity } from '@core/watch/alerts';

/**
 * How the watch tells a person about a new alert. One interface, one file per runtime (as
 * STYLE point 2 has it): notifier.web.ts here, main/shell/notifier.electron.ts for the desktop.
 * A notifier must not throw; the watch catches and logs if one does anyway.
 */
export interface Notice {
  title: string;
  body: string;
  severity: AlertSeverity;
}

export interface Notifier {
  notify(notice: Notice): void;
}
