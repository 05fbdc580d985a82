import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are kept as argon2id hashes (the library's default algorithm and costs, about
 * 50 ms a hash here).
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/*
 * A hash of nothing anyone knows, checked when the e-mail address has no account, so a
 * sign-in for an unknown address takes as long as one with a wrong password and the timing
 * does not tell which addresses have accounts. Made once, on first use.
 */
let decoy: Promise<string> | null = null;

/** Whether `password` matches `passwordHash`; with no hash (no such user), always false, as slowly. */
export async function passwordMatches(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoy ??= hash(`decoy-${Math.random()}`);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  // A malformed stored hash (a seeded test user's 'not-a-hash') is a mismatch, not a crash.
  return verify(passwordHash, password).catch(() => false);
}
