/**
 * The cloud's outgoing mail: sign-up codes, team invites, sign-in alerts. Features build an
 * OutgoingMail (templates.ts) and hand it to whichever Mailer the cloud was started with
 * (from-env.ts): a real SMTP server, or the outbox folder when none is configured.
 */

export interface OutgoingMail {
  to: string;
  subject: string;
  /** Plain text; the only body a mail has. */
  text: string;
  /** What the mail is for, kept with outbox copies so a listing can say it. */
  kind: 'verify_email' | 'invite' | 'sign_in_alert' | string;
  /**
   * The business the mail is sent for. The outbox keeps it so an owner reading the outbox sees
   * only their own business's mail, never another's invite codes to a shared address.
   */
  businessId: string;
}

export interface Mailer {
  /** Resolves once the mail is handed over (accepted by the server, or on disk); rejects otherwise. */
  send(mail: OutgoingMail): Promise<{ id: string }>;
  /** Where mail goes, for the start-up log: never holds a password. */
  readonly describe: string;
}
