import { join } from 'node:path';
import { createOutboxMailer, type OutboxMailer } from './outbox-mailer';
import { createSmtpMailer, type SmtpMailer } from './smtp-mailer';

/** Same default as cloud/env.ts, for callers that pass a raw environment. */
const DEFAULT_FROM = 'Rateback <no-reply@rateback.invalid>';

export interface MailEnv {
  SMTP_URL?: string | undefined;
  MAIL_FROM?: string | undefined;
}

/**
 * SMTP when SMTP_URL is set, otherwise the outbox in `<dataDir>/outbox`, so a fresh install
 * can sign people up without a mail server: the owner reads the codes in the app or on disk.
 * `transport` on the result tells the two apart, e.g. to offer the outbox in the app only
 * when it is in use. Throws at once on an SMTP_URL that cannot be read.
 */
export function createMailerFromEnv(env: MailEnv, dataDir: string): SmtpMailer | OutboxMailer {
  const url = env.SMTP_URL?.trim();
  if (url) return createSmtpMailer({ url, from: env.MAIL_FROM?.trim() || DEFAULT_FROM });
  return createOutboxMailer({ dir: join(dataDir, 'outbox') });
}
