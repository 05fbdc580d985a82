/** Where an SMTP_URL points, read into the parts nodemailer needs. */
export interface SmtpServer {
  host: string;
  port: number;
  /** TLS from the first byte (smtps://). Plain smtp:// still upgrades with STARTTLS when offered. */
  secure: boolean;
  auth: { user: string; pass: string } | null;
}

/**
 * Reads `smtp://user:pass@host:port` or `smtps://…`. Default ports follow nodemailer: 587 for
 * smtp (submission), 465 for smtps.
 *
 * Query options (`?tls.rejectUnauthorized=false` and the like) are refused rather than
 * ignored, so a setting the owner wrote cannot silently not apply. Error messages never
 * repeat the URL: it holds the password.
 */
export function parseSmtpUrl(url: string): SmtpServer {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not rethrown as cause: Node's "Invalid URL" error carries the input, password and all.
    throw new Error('SMTP_URL is not a valid URL (expected smtp://user:pass@host:port or smtps://…)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    // The scheme is not echoed: in "user:pass@host" it would be the user name.
    throw new Error('SMTP_URL must start with smtp:// or smtps://');
  }
  if (parsed.hostname === '') throw new Error('SMTP_URL has no host');
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new Error('SMTP_URL options after "?" or "#" are not supported: use smtp://user:pass@host:port or smtps://…');
  }
  const secure = parsed.protocol === 'smtps:';
  // WHATWG URLs keep user and password percent-encoded; a password with "@" or "/" must be.
  const user = decodeOrThrow(parsed.username, 'user name');
  const pass = decodeOrThrow(parsed.password, 'password');
  return {
    // IPv6 hosts come back in brackets; the socket wants the bare address.
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port === '' ? (secure ? 465 : 587) : Number(parsed.port),
    secure,
    auth: user === '' && pass === '' ? null : { user, pass },
  };
}

function decodeOrThrow(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new Error(`SMTP_URL: the ${what} has a "%" that is not followed by two hex digits (write "%" as %25)`);
  }
}

/** `host:port` for messages, the way people write it (brackets around IPv6). */
export function serverLabel(server: Pick<SmtpServer, 'host' | 'port'>): string {
  return server.host.includes(':') ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}
