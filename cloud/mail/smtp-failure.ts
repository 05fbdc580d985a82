/**
 * Turns what nodemailer throws into one sentence an owner can act on:
 * "Could not send mail to an address at example.com: the mail server at smtp.example.com:587
 * refused the connection".
 *
 * Kept apart from the transport so each case can be tested with a plain object. The sentence
 * names the recipient's domain only and never the mail's body: errors end up in logs, and
 * the body of a verification mail is a sign-in code. Server replies are quoted with any
 * address in them blanked, since servers like to echo the recipient back ("550 <bob@…>
 * unknown user").
 */

export type MailFailureReason = 'refused' | 'timeout' | 'dns' | 'tls' | 'auth' | 'rejected' | 'failed';

/** Thrown by the SMTP mailer's send. `message` is safe to log; the original error is not kept. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly reason: MailFailureReason,
    /** `host:port` of the mail server. */
    readonly server: string,
    /** The server's SMTP reply code, when it answered with one. */
    readonly smtpCode: number | null,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

/** The fields of a nodemailer error this reads; everything is optional because anything can be thrown. */
interface NodemailerErrorShape {
  code?: unknown;
  originalCode?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
}

export function explainSmtpFailure(error: unknown, to: string, server: string): MailDeliveryError {
  const e: NodemailerErrorShape = typeof error === 'object' && error !== null ? error : {};
  const code = typeof e.code === 'string' ? e.code : '';
  const originalCode = typeof e.originalCode === 'string' ? e.originalCode : '';
  const smtpCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const reply = typeof e.response === 'string' ? blankAddresses(e.response) : '';
  const message = typeof e.message === 'string' ? blankAddresses(e.message) : String(error);

  const [reason, what] = ((): [MailFailureReason, string] => {
    if (code === 'ECONNREFUSED' || originalCode === 'ECONNREFUSED') return ['refused', 'refused the connection'];
    if (code === 'ECONNECTION' && smtpCode === null) return ['refused', 'closed the connection'];
    if (code === 'ETIMEDOUT' || originalCode === 'ETIMEDOUT') return ['timeout', 'did not answer in time'];
    if (code === 'EDNS') return ['dns', 'could not be found (DNS lookup failed)'];
    if (code === 'ETLS') return ['tls', `failed the TLS handshake (${message})`];
    if (code === 'EAUTH' || code === 'ENOAUTH') return ['auth', `did not accept the user name or password in SMTP_URL${reply ? ` (${reply})` : ''}`];
    if (smtpCode !== null) return ['rejected', `rejected the mail: ${reply || message}`];
    if (code === 'ESOCKET') return ['refused', `could not be reached (${message})`];
    return ['failed', `could not take the mail (${message})`];
  })();
  return new MailDeliveryError(`Could not send mail to ${recipientLabel(to)}: the mail server at ${server} ${what}`, reason, server, smtpCode);
}

/** "an address at example.com": enough to tell which provider bounced, not who. */
export function recipientLabel(to: string): string {
  const at = to.lastIndexOf('@');
  const domain = at >= 0 ? to.slice(at + 1).trim().replace(/>$/, '') : '';
  return domain ? `an address at ${domain}` : 'an address';
}

function blankAddresses(text: string): string {
  return text.replace(/<?[^\s<>"'(),;:]+@[^\s<>"'(),;:]+>?/g, '<address>');
}
