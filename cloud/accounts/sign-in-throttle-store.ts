import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { signInFailures } from '../db/schema';
import { afterFailure, FAILURE_WINDOW_MS, secondsToWait, type ThrottleCounter } from './sign-in-throttle';

/**
 * The throttle's counters in sign_in_failures (run inside asSystem).
 *
 * An attempt counts as a failure *before* the password is checked, and a success takes that
 * back. Checking first and counting after would let a guesser send a hundred attempts at once:
 * all would pass the check while the first password hash was still being verified. Counting
 * first, under a row lock, makes each parallel attempt see the ones before it.
 */

export type ThrottleKey = `account:${string}` | `address:${string}` | `invite-address:${string}`;

export interface ThrottleClaim {
  /** Each key's counter before this attempt was counted (undefined: none), and after. */
  before: Map<ThrottleKey, ThrottleCounter | undefined>;
  after: Map<ThrottleKey, ThrottleCounter>;
}

export type ClaimResult = { ok: true; claim: ThrottleClaim } | { ok: false; waitSeconds: number };

export async function claimAttempt(tx: Tx, keys: ThrottleKey[], now: Date): Promise<ClaimResult> {
  const sorted = [...new Set(keys)].sort();
  // Counters nobody is slowed by any more go first, so the table holds only live ones.
  await tx
    .delete(signInFailures)
    .where(and(lte(signInFailures.windowStart, new Date(now.getTime() - FAILURE_WINDOW_MS)), or(isNull(signInFailures.lockedUntil), lte(signInFailures.lockedUntil, now))));
  // A row to lock even for a first attempt, so two first attempts in parallel queue up too.
  await tx
    .insert(signInFailures)
    .values(sorted.map((key) => ({ key, failures: 0, windowStart: now, lockedUntil: null })))
    .onConflictDoNothing();
  const rows = await tx
    .select({ key: signInFailures.key, failures: signInFailures.failures, windowStart: signInFailures.windowStart, lockedUntil: signInFailures.lockedUntil })
    .from(signInFailures)
    .where(inArray(signInFailures.key, sorted))
    .orderBy(asc(signInFailures.key))
    .for('update');
  const before = new Map<ThrottleKey, ThrottleCounter | undefined>(sorted.map((key) => [key, counterOf(rows.find((r) => r.key === key))]));

  const waitSeconds = Math.max(0, ...[...before.values()].map((c) => secondsToWait(c, now)));
  if (waitSeconds > 0) return { ok: false, waitSeconds };

  const after = new Map<ThrottleKey, ThrottleCounter>();
  for (const [key, counter] of before) {
    const next = afterFailure(counter, now);
    after.set(key, next);
    // An upsert, not an update: a parallel success may have deleted the row since it was read.
    await tx.insert(signInFailures).values({ key, ...next }).onConflictDoUpdate({ target: signInFailures.key, set: next });
  }
  return { ok: true, claim: { before, after } };
}

/**
 * The attempt worked: `clear` keys (the account's) start afresh; on the others (the address,
 * shared by everyone behind it) the failure counted in advance is taken back.
 */
export async function settleSuccess(tx: Tx, claim: ThrottleClaim, clear: ThrottleKey[]): Promise<void> {
  for (const [key, counted] of claim.after) {
    if (clear.includes(key)) {
      await tx.delete(signInFailures).where(eq(signInFailures.key, key));
      continue;
    }
    const [row] = await tx.select().from(signInFailures).where(eq(signInFailures.key, key)).for('update');
    if (!row) continue;
    const previous = claim.before.get(key);
    if (row.failures === counted.failures && row.lockedUntil?.getTime() === counted.lockedUntil?.getTime()) {
      // Untouched since: exactly as it was.
      if (!previous || previous.failures === 0) await tx.delete(signInFailures).where(eq(signInFailures.key, key));
      else await tx.update(signInFailures).set(previous).where(eq(signInFailures.key, key));
    } else {
      // Others failed meanwhile: take back only ours, and keep the wait their failures earned.
      await tx.update(signInFailures).set({ failures: Math.max(0, row.failures - 1) }).where(eq(signInFailures.key, key));
    }
  }
}

function counterOf(row: ThrottleCounter | undefined): ThrottleCounter | undefined {
  return row && row.failures > 0 ? { failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil } : undefined;
}
