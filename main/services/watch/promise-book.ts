import type { IsoDate } from '@core/primitives';
import type { MirrorTable } from '@core/watch/mirror-table';
import { MAX_PROMISE_INVOICES, type PaymentPromise } from '@core/watch/promises';
import { WatchError } from './watch-api';
import type { PromiseAddInput } from './watch-inputs';

/** The payment promises customers have made, open and resolved, in the order they were recorded. */
export class PromiseBook {
  private readonly byId = new Map<string, PaymentPromise>();

  restore(promises: readonly PaymentPromise[]): void {
    for (const p of promises) this.byId.set(p.id, p);
  }

  snapshot(): PaymentPromise[] {
    return [...this.byId.values()];
  }

  all(): Iterable<PaymentPromise> {
    return this.byId.values();
  }

  add(promise: PaymentPromise, today: IsoDate): void {
    // A new promise for the same invoice (or for the whole account) takes the place of the
    // open ones: "I need another week" is not a broken promise.
    for (const p of this.byId.values()) {
      if (p.status !== 'open' || p.customerId !== promise.customerId) continue;
      if (promise.invoiceId === null || p.invoiceId === promise.invoiceId) {
        p.status = 'replaced';
        p.resolvedOn = today;
      }
    }
    this.byId.set(promise.id, promise);
  }

  /** Newest first. */
  list(customerId?: string): PaymentPromise[] {
    const all = [...this.byId.values()].filter((p) => customerId === undefined || p.customerId === customerId);
    return all.reverse().slice(0, 1_000);
  }
}

/**
 * The invoices a new promise covers: the one it names, or else the customer's open invoices,
 * soonest due first. Refuses a day already past, a customer the mirror does not hold and an
 * invoice of another customer's.
 */
export function promisedInvoiceIds(table: MirrorTable, input: PromiseAddInput, today: IsoDate): string[] {
  if (input.promisedDate < today) throw new WatchError('BAD_REQUEST', 'A promise is for today or a later day');
  const customerSlot = table.customerSlot(input.customerId);
  if (customerSlot === undefined || !table.customerRow(customerSlot)) throw new WatchError('NOT_FOUND', 'The watch has no such customer with money owed');

  if (input.invoiceId !== null) {
    const slot = table.invoiceSlot(input.invoiceId);
    if (slot === undefined) throw new WatchError('NOT_FOUND', 'No open invoice with that id');
    if (table.customerOf[slot] !== customerSlot) throw new WatchError('BAD_REQUEST', 'That invoice belongs to another customer');
    return [input.invoiceId];
  }
  const slots = [...table.invoicesOf(customerSlot)].sort((a, b) => table.dueDay[a]! - table.dueDay[b]!);
  if (slots.length === 0) throw new WatchError('BAD_REQUEST', 'The customer owes nothing to promise');
  return slots.slice(0, MAX_PROMISE_INVOICES).map((s) => table.invoiceIdAt(s)!);
}
