import { z } from 'zod';
import type { IsoDate } from '../primitives';

/**
 * The watch's alerts and how each is deduplicated. An alert is stored under its key; the same
 * key never raises twice, so the key says what "the same event" means for each kind:
 *
 *   counter_open       a watch/blacklisted customer opened at the counter: once per customer per day
 *   new_invoice        an invoice created for a watch/blacklisted customer: once per invoice
 *   blacklisted_owing  a customer who owes money was blacklisted: once per status change,
 *                      keyed by the status's set-at instant (re-blacklisting is a new change)
 *   broken_promise     a promise to pay whose day passed with the money owed: once per promise
 */
export const AlertKind = z.enum(['counter_open', 'new_invoice', 'blacklisted_owing', 'broken_promise']);
export type AlertKind = z.infer<typeof AlertKind>;

export const AlertSeverity = z.enum(['info', 'warning', 'critical']);
export type AlertSeverity = z.infer<typeof AlertSeverity>;

export const alertKey = {
  counterOpen: (customerId: string, today: IsoDate) => `counter_open:${customerId}:${today}`,
  newInvoice: (invoiceId: string) => `new_invoice:${invoiceId}`,
  blacklistedOwing: (customerId: string, statusSetAt: string) => `blacklisted_owing:${customerId}:${statusSetAt}`,
  brokenPromise: (promiseId: string) => `broken_promise:${promiseId}`,
} as const;

/** A blacklisted customer is the loudest warning the app has; "watch" is a caution. */
export function severityForStatus(status: 'watch' | 'blacklisted'): AlertSeverity {
  return status === 'blacklisted' ? 'critical' : 'warning';
}
