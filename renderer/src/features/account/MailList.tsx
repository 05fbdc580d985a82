import type { CloudOutputs } from '../../platform/cloud-client';
import { instant } from '../../ui/format';

type OutboxMail = Extract<CloudOutputs['account']['mailOutbox'], { smtp: false }>['mails'][number];

const KIND_NAMES: Record<string, string> = { verify_email: 'E-mail code', invite: 'Team invite', sign_in_alert: 'Sign-in alert' };

/** Mails from the cloud's outbox, newest first, each readable in full (codes included). */
export function MailList({ mails, locale }: { mails: readonly OutboxMail[]; locale: string }) {
  if (mails.length === 0) return <p className="muted">No mail yet.</p>;
  return (
    <ul className="mail-list" aria-label="Mails in the outbox">
      {mails.map((m) => (
        <li key={m.id} className="mail-item">
          <div className="mail-head">
            <strong>{m.subject}</strong>
            <span className="muted">
              {KIND_NAMES[m.kind] ?? m.kind} · to {m.to} · {instant(m.createdAt, locale)}
            </span>
          </div>
          <pre className="mail-text">{m.text}</pre>
        </li>
      ))}
    </ul>
  );
}
