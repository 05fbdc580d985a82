import type { Customer } from '@core/customer';
import type { Invoice } from '@core/invoice';
import { openBalanceMinor } from '@core/invoice-status';
import type { MirrorCustomer, MirrorInvoice } from '@core/watch/mirror';

/**
 * The watch's view of a book row (see core/watch/mirror.ts): only invoices with money owed,
 * only the customer fields chasing and alerts need. `null` means "not the watch's business".
 */
export function toMirrorInvoice(inv: Invoice): MirrorInvoice | null {
  const openMinor = openBalanceMinor(inv);
  if (openMinor <= 0) return null;
  return {
    id: inv.id,
    customerId: inv.customerId,
    number: inv.number,
    currency: inv.currency,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    totalMinor: inv.totalMinor,
    openMinor,
    disputed: inv.state === 'disputed',
  };
}

export function toMirrorCustomer(c: Customer): MirrorCustomer {
  return {
    id: c.id,
    name: c.displayName,
    emails: c.emails,
    status: c.status.value,
    statusReason: c.status.reason,
    statusSetBy: c.status.setBy,
    statusSetAt: c.status.setAt,
  };
}

/** Splits rows into calls the watch accepts (it caps rows per call). */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export interface MirrorDelta {
  customers: MirrorCustomer[];
  invoices: MirrorInvoice[];
  removedInvoiceIds: string[];
  removedCustomerIds: string[];
}

/**
 * Packs a delta into as few `mirror.delta` calls as the caps allow (rows per call, and fewer
 * customers, whose rows are larger), customers first so an invoice never arrives before its
 * customer. Empty deltas make no call at all.
 */
export function packApply(delta: MirrorDelta, maxRows: number, maxCustomers = maxRows): MirrorDelta[] {
  const calls: MirrorDelta[] = [];
  let current: MirrorDelta = { customers: [], invoices: [], removedInvoiceIds: [], removedCustomerIds: [] };
  let rows = 0;
  const keys = ['customers', 'invoices', 'removedInvoiceIds', 'removedCustomerIds'] as const;
  for (const key of keys) {
    for (const item of delta[key]) {
      if (rows === maxRows || (key === 'customers' && current.customers.length === maxCustomers)) {
        calls.push(current);
        current = { customers: [], invoices: [], removedInvoiceIds: [], removedCustomerIds: [] };
        rows = 0;
      }
      (current[key] as unknown[]).push(item);
      rows++;
    }
  }
  if (rows > 0) calls.push(current);
  return calls;
}
