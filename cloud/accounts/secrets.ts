import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The secrets accounts hand out (session tokens, e-mail codes, invite codes) and the one way
 * they are kept: as their SHA-256 in hex. A stolen database then holds no usable token.
 * `hashSecret` must stay byte-for-byte what cloud/testing/fixtures.ts `hashToken` does, so
 * seeded sessions resolve like real ones.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Two hex digests compared in constant time (a code check must not leak how much matched). */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** 32 random bytes, base64url: what a client keeps and sends as `Authorization: Bearer …`. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The id a session is listed and revoked by. The token hash's first 16 hex characters: 64
 * bits, plenty to tell one person's sessions apart, and not enough to look a token up by.
 */
export const SESSION_ID_LENGTH = 16;
export function sessionIdOf(tokenHash: string): string {
  return tokenHash.slice(0, SESSION_ID_LENGTH);
}

/** Six digits, as typed from a mail on a phone: "042917". */
export function newEmailCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * Invite codes: 8 characters from an alphabet without the look-alikes 0/O, 1/I/L, so a code
 * read aloud or copied by hand still works. 31^8 ≈ 8.5 × 10^11 codes.
 */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(0, INVITE_ALPHABET.length)];
  return code;
}

/** A typed invite code in its stored form: spaces and dashes people add dropped, upper case. */
export function normaliseInviteCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}
