import { describe, expect, it } from 'vitest';
import type { Invoice } from '@core/invoice';
import { availableActions } from './invoice-actions';
import { currencyChoices } from './currency-choices';

const base: Invoice = {
  id: '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
  number: 'INV-7',
  customerId: '3f2b8c1e-9d4a-4e5f-8a7b-1c2d3e4f5a6b',
  issueDate: '2025-02-01',
  dueDate: '2025-03-01',
  currency: 'GBP',
  totalMinor: 10000,
  state: 'issued',
  payments: [],
  creditNotes: [],
  notes: '',
  createdAt: '2025-02-01T10:00:00.000Z',
  updatedAt: '2025-02-01T10:00:00.000Z',
};

describe('availableActions', () => {
  it('offers issuing, and nothing about money, for a draft', () => {
    expect(availableActions({ ...base, state: 'draft' })).toMatchObject({ issue: true, recordPayment: false, dispute: false, writeOff: false, edit: true });
  });

  it('offers payment, dispute and write-off while money is owed', () => {
    expect(availableActions(base)).toMatchObject({ issue: false, recordPayment: true, dispute: true, undoDispute: false, writeOff: true });
  });

  it('offers undoing a dispute, and still payments, on a disputed invoice', () => {
    expect(availableActions({ ...base, state: 'disputed' })).toMatchObject({ dispute: false, undoDispute: true, recordPayment: true });
  });

  it('offers nothing about money once paid', () => {
    const paid: Invoice = {
      ...base,
      payments: [{ id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', date: '2025-02-10', amountMinor: 10000, method: 'cash', recordedBy: '', recordedAt: '2025-02-10T09:00:00.000Z' }],
    };
    expect(availableActions(paid)).toMatchObject({ recordPayment: false, dispute: false, writeOff: false, edit: true });
  });

  it('only offers undoing a write-off, not editing', () => {
    expect(availableActions({ ...base, state: 'written_off' })).toMatchObject({ undoWriteOff: true, writeOff: false, recordPayment: false, edit: false });
  });
});

describe('currencyChoices', () => {
  it('puts the business currency first and keeps an unusual current one', () => {
    const choices = currencyChoices('EUR', 'HUF');
    expect(choices[0]).toBe('EUR');
    expect(choices).toContain('HUF');
    expect(new Set(choices).size).toBe(choices.length);
  });
});
