import { randomUUID } from 'node:crypto';
import type { Customer } from '@core/customer';
import type { Invoice, Payment } from '@core/invoice';
import type { Change, Mutation } from '@core/sync/protocol';
import type { SyncedTable } from '@core/sync/tables';

/** Valid book records and sync changes for the sync tests; each override replaces a field. */

const AT = '2026-01-02T10:00:00.000Z';

export function customer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: randomUUID(),
    displayName: 'Ann Example',
    company: '',
    phones: ['+447700900123'],
    emails: ['ann@example.test'],
    taxId: '',
    address: { line1: '', line2: '', city: 'London', postcode: '', region: '', country: 'GB' },
    tags: [],
    notes: '',
    status: { value: 'ok', reason: '', setBy: '', setAt: AT },
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function invoice(customerId: string, overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: randomUUID(),
    number: 'INV-1',
    customerId,
    issueDate: '2026-01-02',
    dueDate: '2026-02-01',
    currency: 'GBP',
    totalMinor: 10_000,
    state: 'issued',
    payments: [],
    creditNotes: [],
    notes: '',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function payment(amountMinor: number): Payment {
  return { id: randomUUID(), date: '2026-01-10', amountMinor, method: 'card', recordedBy: '', recordedAt: AT };
}

/** A put of a whole new record. */
export function create<T extends { id: string }>(table: SyncedTable, record: T): Change {
  return { table, id: record.id, op: 'put', set: { ...record }, append: {} };
}

export function edit(table: SyncedTable, id: string, set: Record<string, unknown>, append: Record<string, unknown[]> = {}): Change {
  return { table, id, op: 'put', set, append };
}

export function remove(table: SyncedTable, id: string): Change {
  return { table, id, op: 'delete' };
}

export function mutation(id: number, ...changes: Change[]): Mutation {
  return { id, at: AT, changes };
}
