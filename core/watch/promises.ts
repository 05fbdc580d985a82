import { z } from 'zod';
import { Id, IsoDate, IsoInstant, MinorUnits, OptionalText } from '../primitives';

/**
 * Promises to pay ("I'll pay on Friday"), recorded by the back office. While a promise is
 * live its invoices are not chased; once its date has passed with the money still owed it is
 * broken, which raises one alert.
 *
 * A promise names one invoice, or none (the customer's whole account): then it covers the
 * invoices open when it was recorded, listed in `invoiceIds`, so an invoice issued later is
 * neither held back by it nor counted against it.
 */
/** `replaced`: a newer promise for the same invoice (or account) took its place before its day. */
export const PromiseStatus = z.enum(['open', 'kept', 'broken', 'replaced']);
export type PromiseStatus = z.infer<typeof PromiseStatus>;

/** A customer with more open invoices than this makes an account-wide promise cover the oldest this many. */
export const MAX_PROMISE_INVOICES = 5_000;

export const PaymentPromise = z.strictObject({
  id: Id,
  customerId: Id,
  /** The invoice the customer promised to pay, or null for their whole account. */
  invoiceId: Id.nullable(),
  /** What the promise covers: [invoiceId], or the customer's open invoices when recorded. */
  invoiceIds: z.array(Id).max(MAX_PROMISE_INVOICES),
  /** The customer said they would pay by the end of this day. */
  promisedDate: IsoDate,
  /** How much they promised; null = everything the promise covers. */
  amountMinor: MinorUnits.positive().nullable(),
  note: OptionalText(500),
  recordedAt: IsoInstant,
  /** The open balance of the covered invoices when the promise was made. */
  openMinorAtPromise: MinorUnits.nonnegative(),
  status: PromiseStatus,
  /** The day it was found kept or broken. */
  resolvedOn: IsoDate.nullable(),
});
export type PaymentPromise = z.infer<typeof PaymentPromise>;

/** Live: not yet resolved and its day has not passed, so it holds chasing back. */
export function isLivePromise(promise: Pick<PaymentPromise, 'status' | 'promisedDate'>, today: IsoDate): boolean {
  return promise.status === 'open' && promise.promisedDate >= today;
}

/**
 * Where an open promise stands on `today`, given what its invoices still owe:
 * - kept as soon as the covered balance has dropped by the promised amount (or to 0 when no
 *   amount was given), on any day, even before the promised date;
 * - broken once its date is before `today` and it was not kept;
 * - open otherwise. A resolved promise keeps its status.
 */
export function promiseOutcome(promise: PaymentPromise, coveredOpenMinor: number, today: IsoDate): PromiseStatus {
  // Resolved promises stay as they were: a kept promise is not un-kept by a later invoice.
  if (promise.status !== 'open') return promise.status;
  const target = promise.amountMinor === null ? 0 : Math.max(0, promise.openMinorAtPromise - promise.amountMinor);
  if (coveredOpenMinor <= target) return 'kept';
  return promise.promisedDate < today ? 'broken' : 'open';
}
