import { z } from 'zod';
import { CurrencyCode, MinorUnits } from '../primitives';

/**
 * An optional late fee, shown in reminder drafts ({{lateFee}}) so the customer knows what the
 * terms say. It is never added to the book: charging it is a decision a person makes.
 *
 * - `fixed`: an amount in one currency; invoices in other currencies get no fee (null), since
 *   converting would need a rate the watch does not have.
 * - `percent`: basis points of the open balance on the day (250 = 2.5 %), rounded half up to
 *   the minor unit.
 * - `everyDays`: null charges the fee once, from the first day after the due date; N charges it
 *   again for every started period of N days (day 1..N: once, N+1..2N: twice…). Not compounded:
 *   each period's percent is of the open balance, not of balance plus earlier fees.
 */
export const LateFeeAmount = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), amountMinor: MinorUnits.positive(), currency: CurrencyCode }),
  z.strictObject({ kind: z.literal('percent'), basisPoints: z.number().int().min(1).max(10_000) }),
]);
export type LateFeeAmount = z.infer<typeof LateFeeAmount>;

export const LateFeeRule = z.strictObject({
  amount: LateFeeAmount,
  everyDays: z.number().int().min(1).max(365).nullable(),
});
export type LateFeeRule = z.infer<typeof LateFeeRule>;

export interface FeeBasis {
  /** `dayNumber(dueDate)`. */
  readonly dueDay: number;
  readonly openMinor: number;
  readonly currency: string;
}

/**
 * The fee for an invoice on day `todayDay` (a day number): 0 on or before the due date, null
 * when the rule cannot apply to this invoice (a fixed fee in another currency).
 */
export function lateFeeMinor(rule: LateFeeRule, invoice: FeeBasis, todayDay: number): number | null {
  const amount = rule.amount;
  if (amount.kind === 'fixed' && amount.currency !== invoice.currency) return null;
  const late = todayDay - invoice.dueDay;
  if (late <= 0 || invoice.openMinor <= 0) return 0;
  const periods = rule.everyDays === null ? 1 : Math.ceil(late / rule.everyDays);
  const base = amount.kind === 'fixed' ? amount.amountMinor : percentOf(invoice.openMinor, amount.basisPoints);
  const fee = base * periods;
  if (!Number.isSafeInteger(fee)) throw new RangeError('Late fee is not a safe integer');
  return fee;
}

/**
 * `minor × bp / 10,000`, rounded half up, exactly: split the amount so no product leaves the
 * safe-integer range (the remainder's product is below 10^8; the quotient's is checked).
 */
export function percentOf(minor: number, basisPoints: number): number {
  const q = Math.floor(minor / 10_000);
  const r = minor - q * 10_000;
  const whole = q * basisPoints;
  const rest = Math.floor((r * basisPoints + 5_000) / 10_000);
  const result = whole + rest;
  if (!Number.isSafeInteger(whole) || !Number.isSafeInteger(result)) throw new RangeError('Percentage is not a safe integer');
  return result;
}
