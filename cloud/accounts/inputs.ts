import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { normaliseEmail } from '@core/identifiers';
import { fieldError } from './field-errors';

/**
 * Input fields the account and team procedures share. Every string has a length cap: inputs
 * arrive from anywhere, and a megabyte "name" must stop at the schema, not in a mail.
 */

/** Trimmed, required text of at most `max` characters; `what` completes "Enter …". */
export const Text = (max: number, what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Keep ${what} to ${max} characters or fewer`);

/** Checked and lower-cased by normaliseEmail in the handler, which has the better messages. */
export const EmailField = z.string().max(320, 'That e-mail address is too long');

export const PasswordField = z
  .string()
  .min(10, 'Use at least 10 characters for the password')
  .max(200, 'Keep the password to 200 characters or fewer');

/** How the device is listed among the person's sessions ("Front desk PC"). */
export const DeviceLabel = Text(120, 'a name for this device');

export const RoleField = z.enum(['owner', 'manager', 'staff'], { error: 'Choose owner, manager or staff' });

/** The session id from `account.sessions` (16 hex characters). */
export const SessionId = z.string().regex(/^[0-9a-f]{16}$/, 'That is not a session id from the list');

export const Uuid = z.uuid({ error: 'That id is not one Rateback gave out' });

/** normaliseEmail, with a refusal shown at the field `path`. */
export function emailAt(path: (string | number)[], raw: string): string {
  const result = normaliseEmail(raw);
  if (!result.ok) throw fieldError(path, result.error);
  return result.email;
}

/** The refusal for an attempt that came before its wait was over. */
export function tooSoon(message: string): TRPCError {
  return new TRPCError({ code: 'TOO_MANY_REQUESTS', message });
}
