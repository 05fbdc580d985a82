/**
 * A customer's payment grade and the phrase the back office reads, both from the same number:
 * the amount-weighted days late (see payment-profile.ts). The phrase describes the habit; the
 * grade can be D despite a good habit when something is more than 90 days overdue right now.
 *
 * | grade | weighted days late (w)          |
 * | ----- | ------------------------------- |
 * | A     | w ≤ 3 (early payers included)   |
 * | B     | 3 < w ≤ 15                      |
 * | C     | 15 < w ≤ 45                     |
 * | D     | w > 45, or any invoice more than 90 days overdue today (in the 90+ aging bucket) |
 * | null  | no history: nothing paid and nothing overdue yet |
 *
 * No history is null rather than a letter: a new customer is neither good nor bad, and the
 * screen must say "no payment history yet" instead of ranking them.
 */
export type PaymentGrade = 'A' | 'B' | 'C' | 'D';

/** Inclusive upper bounds of weighted days late for A, B and C; anything above C's is D. */
export const GRADE_CUTOFFS = { A: 3, B: 15, C: 45 } as const;

/** An open, undisputed invoice more than this many days overdue today makes the grade D. */
export const GRADE_D_OVERDUE_DAYS = 90;

export function paymentGrade(weightedDaysLate: number | null, maxDaysOverdueNow: number): PaymentGrade | null {
  if (maxDaysOverdueNow > GRADE_D_OVERDUE_DAYS) return 'D';
  if (weightedDaysLate === null) return null;
  if (weightedDaysLate <= GRADE_CUTOFFS.A) return 'A';
  if (weightedDaysLate <= GRADE_CUTOFFS.B) return 'B';
  if (weightedDaysLate <= GRADE_CUTOFFS.C) return 'C';
  return 'D';
}

/**
 * "usually pays on time" / "usually pays around N days after due" / "usually pays N days
 * early", with N the weighted days late rounded to whole days (halves away from zero, so early
 * and late round alike); "on time" when that rounds to 0; null with no history.
 */
export function paymentPhrase(weightedDaysLate: number | null): string | null {
  if (weightedDaysLate === null) return null;
  const n = Math.sign(weightedDaysLate) * Math.round(Math.abs(weightedDaysLate));
  if (n === 0) return 'usually pays on time';
  if (n > 0) return `usually pays around ${days(n)} after due`;
  return `usually pays ${days(-n)} early`;
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}
