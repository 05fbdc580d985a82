import type { AlertKind, AlertSeverity } from '@core/watch/alerts';
import { ALERT_BODY_MAX, ALERT_TITLE_MAX, type Alert } from './store-schema';
import { WatchError } from './watch-api';

export interface AlertSpec {
  key: string;
  kind: AlertKind;
  severity: AlertSeverity;
  customerId: string;
  invoiceId: string | null;
  title: string;
  body: string;
}

/**
 * The alerts the watch has raised, each under its dedupe key (core/watch/alerts.ts says what a
 * key means per kind), with who acknowledged it and when. Kept in raising order.
 */
export class AlertBook {
  private readonly byId = new Map<string, Alert>();
  private readonly byKey = new Map<string, Alert>();
  private unacked = 0;

  restore(alerts: readonly Alert[]): void {
    for (const alert of alerts) this.add(alert);
  }

  /** The new alert, or null when its key was already raised. */
  raise(spec: AlertSpec, now: Date, id: string): Alert | null {
    if (this.byKey.has(spec.key)) return null;
    const alert: Alert = {
      id,
      ...spec,
      // Cut to what the file schema accepts: a record the next start could not read back would
      // send the whole chase file to .bad.
      title: clip(spec.title, ALERT_TITLE_MAX),
      body: clip(spec.body, ALERT_BODY_MAX),
      raisedAt: now.toISOString(),
      acknowledgedAt: null,
      acknowledgedBy: null,
    };
    this.add(alert);
    return alert;
  }

  /** Idempotent: acknowledging twice keeps the first who and when. */
  acknowledge(id: string, by: string, now: Date): Alert {
    const alert = this.byId.get(id);
    if (!alert) throw new WatchError('NOT_FOUND', 'No alert with that id');
    if (alert.acknowledgedAt === null) {
      alert.acknowledgedAt = now.toISOString();
      alert.acknowledgedBy = by;
      this.unacked--;
    }
    return alert;
  }

  /** Newest first. */
  list(unacknowledgedOnly: boolean, limit: number): Alert[] {
    const out: Alert[] = [];
    const all = [...this.byId.values()];
    for (let i = all.length - 1; i >= 0 && out.length < limit; i--) {
      const alert = all[i]!;
      if (!unacknowledgedOnly || alert.acknowledgedAt === null) out.push(alert);
    }
    return out;
  }

  get unacknowledged(): number {
    return this.unacked;
  }

  snapshot(): Alert[] {
    return [...this.byId.values()];
  }

  private add(alert: Alert): void {
    this.byId.set(alert.id, alert);
    this.byKey.set(alert.key, alert);
    if (alert.acknowledgedAt === null) this.unacked++;
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
