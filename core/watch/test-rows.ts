import type { MirrorCustomer, MirrorInvoice } from './mirror';

/** Test rows for core/watch and the watch service: terse, deterministic, schema-valid. */

export function cid(n: number): string {
  return `00000000-0000-4000-8000-c${n.toString(16).padStart(11, '0')}`;
}

export function iid(n: number): string {
  return `00000000-0000-4000-8000-1${n.toString(16).padStart(11, '0')}`;
}

export function mirrorCustomer(n: number, patch: Partial<MirrorCustomer> = {}): MirrorCustomer {
  return {
    id: cid(n),
    name: `Customer ${n}`,
    emails: [`c${n}@example.com`],
    status: 'ok',
    statusReason: '',
    statusSetBy: '',
    statusSetAt: '2024-01-01T00:00:00.000Z',
    ...patch,
  };
}

export function mirrorInvoice(n: number, customer: number, patch: Partial<MirrorInvoice> = {}): MirrorInvoice {
  return {
    id: iid(n),
    customerId: cid(customer),
    number: `INV-${n}`,
    currency: 'GBP',
    issueDate: '2025-01-01',
    dueDate: '2025-01-31',
    totalMinor: 10_000,
    openMinor: 10_000,
    disputed: false,
    ...patch,
  };
}
