import { describe, expect, it } from 'vitest';
import type { Invoice } from '@core/invoice';
import { packApply, toMirrorInvoice, type MirrorDelta } from './mirror-rows';

const invoice: Invoice = {
  id: '11111111-1111-4111-8111-111111111111',
  number: 'INV-1',
  customerId: '22222222-2222-4222-8222-222222222222',
  issueDate: '2026-01-01',
  dueDate: '2026-01-31',
  currency: 'GBP',
  totalMinor: 10_000,
  state: 'issued',
  payments: [],
  creditNotes: [],
  notes: '',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
};
const paid = { id: '33333333-3333-4333-8333-333333333333', date: '2026-01-10', amountMinor: 10_000, method: 'cash' as const, recordedBy: '', recordedAt: '2026-01-10T10:00:00.000Z' };

describe('toMirrorInvoice', () => {
  it('sends what is owed, flags disputes, and leaves paid, draft and written-off invoices out', () => {
    expect(toMirrorInvoice(invoice)).toMatchObject({ openMinor: 10_000, disputed: false });
    expect(toMirrorInvoice({ ...invoice, state: 'disputed' })).toMatchObject({ disputed: true });
    expect(toMirrorInvoice({ ...invoice, payments: [paid] })).toBeNull();
    expect(toMirrorInvoice({ ...invoice, state: 'draft' })).toBeNull();
    expect(toMirrorInvoice({ ...invoice, state: 'written_off' })).toBeNull();
  });
});

describe('packApply', () => {
  const ids = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
  it('fills calls up to the cap, customers first, and makes none for an empty delta', () => {
    const delta = { customers: ids(3, 'c') , invoices: ids(4, 'i'), removedInvoiceIds: ids(2, 'ri'), removedCustomerIds: [] } as unknown as MirrorDelta;
    const calls = packApply(delta, 4);
    expect(calls.map((c) => c.customers.length + c.invoices.length + c.removedInvoiceIds.length)).toEqual([4, 4, 1]);
    expect(calls[0]?.customers).toHaveLength(3);
    expect(calls.flatMap((c) => c.invoices)).toHaveLength(4);
    expect(packApply({ customers: [], invoices: [], removedInvoiceIds: [], removedCustomerIds: [] }, 4)).toEqual([]);
    expect(packApply(delta, 4, 2).map((c) => c.customers.length)).toEqual([2, 1, 0]);
  });
});
