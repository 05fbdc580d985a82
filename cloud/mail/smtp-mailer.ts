import { createTransport } from 'nodemailer';
import type { Mailer, OutgoingMail } from './mailer';
import { explainSmtpFailure } from './smtp-failure';
import { parseSmtpUrl, serverLabel } from './smtp-url';

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:port` or `smtps://…` (see smtp-url.ts). */
  url: string;
  /** The From header, e.g. `Rateback <no-reply@example.com>`. */
  from: string;
}

export interface SmtpMailer extends Mailer {
  readonly transport: 'smtp';
}

/*
 * nodemailer waits 2 minutes for a connection and 30 s for the greeting by default. A
 * sign-up waits on this send, so a server that is down should say so in seconds; once
 * connected, a slow but working server gets longer.
 */
const CONNECTION_TIMEOUT_MS = 5_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;
const DNS_TIMEOUT_MS = 5_000;

/**
 * Sends each mail over its own SMTP connection: the cloud sends a few mails a minute, not
 * enough for a pool to be worth its stale connections.
 *
 * nodemailer's logger stays off: with it on, it writes envelopes (recipients) and, in debug
 * mode, the message data (the code) to the log. Failures are rethrown as MailDeliveryError,
 * whose message names the server and the recipient's domain only.
 */
export function createSmtpMailer(options: SmtpMailerOptions): SmtpMailer {
  // Parsed here, not on first send, so a bad SMTP_URL stops the cloud at start.
  const server = parseSmtpUrl(options.url);
  const label = serverLabel(server);
  const transporter = createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    ...(server.auth ? { auth: server.auth } : {}),
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    dnsTimeout: DNS_TIMEOUT_MS,
    logger: false,
    debug: false,
  });

  async function send(mail: OutgoingMail): Promise<{ id: string }> {
    try {
      const info = await transporter.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        // Not a human correspondence: auto-responders (vacation replies) should stay quiet.
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Rateback-Kind': mail.kind },
      });
      return { id: info.messageId };
    } catch (error) {
      throw explainSmtpFailure(error, mail.to, label);
    }
  }

  return { transport: 'smtp', describe: `SMTP server at ${server.secure ? 'smtps' : 'smtp'}://${label}`, send };
}
