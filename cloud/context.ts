import type { IncomingMessage } from 'node:http';
import type { MemberRole } from '@core/member';
import type { Database } from './db/client';
import type { CloudEnv } from './env';
import type { OutboxMailer } from './mail/outbox-mailer';
import type { SmtpMailer } from './mail/smtp-mailer';
import type { VersionHub } from './sync/version-hub';

/** What lives as long as the process: shared by every request. */
export interface CloudServices {
  env: CloudEnv;
  database: Database;
  /** SMTP when configured, else the outbox folder the owner can read (`transport` tells which). */
  mailer: SmtpMailer | OutboxMailer;
  /** Tells subscribers when a business's book has a new version, across processes. */
  versions: VersionHub;
  /** The clock, passed in so session expiry and code lifetimes are testable. */
  now: () => Date;
}

/** What a request brings: its bearer token and where it came from (for rate limits). */
export interface RequestInfo {
  token: string | null;
  ip: string;
  userAgent: string;
}

export interface CloudContext extends CloudServices {
  request: RequestInfo;
}

/** A signed-in member, as resolved from the session token by `sessionProcedure`. */
export interface SessionInfo {
  tokenHash: string;
  userId: string;
  email: string;
  displayName: string;
  emailVerified: boolean;
  businessId: string;
  businessStatus: 'pending_email' | 'pending_review' | 'approved' | 'rejected';
  role: MemberRole;
}

/** The inner context: from explicit parts, for tests calling procedures through createCaller. */
export function createInnerContext(services: CloudServices, request: Partial<RequestInfo> = {}): CloudContext {
  return { ...services, request: { token: request.token ?? null, ip: request.ip ?? '127.0.0.1', userAgent: request.userAgent ?? '' } };
}

/** The context of an HTTP request: the token from `Authorization: Bearer …`. */
export function createRequestContext(services: CloudServices, req: IncomingMessage): CloudContext {
  const auth = req.headers.authorization;
  const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() || null : null;
  const ua = req.headers['user-agent'];
  return createInnerContext(services, { token, ip: req.socket.remoteAddress ?? 'unknown', userAgent: typeof ua === 'string' ? ua.slice(0, 200) : '' });
}
