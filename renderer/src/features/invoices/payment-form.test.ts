import { describe, expect, it } from 'vitest';
import { issueAt } from '@core/field-issues';
import type { Invoice } from '@core/invoice';
import { paymentFormFor, paymentInputFromForm } from './payment-form';

const invoice: Invoice = {
  id: '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
  number: 'INV-7',
  customerId: '3f2b8c1e-9d4a-4e5f-8a7b-1c2d3e4f5a6b',
  issueDate: '2025-02-01',
  dueDate: '2025-03-01',
  currency: 'GBP',
  totalMinor: 100000,
  state: 'issued',
  payments: [
    { id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', date: '2025-02-10', amountMinor: 25000, method: 'cash', recordedBy: 'Ana', recordedAt: '2025-02-10T09:00:00.000Z' },
  ],
  creditNotes: [{ id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', date: '2025-02-12', amountMinor: 4950, reason: 'Scratch' }],
  notes: '',
  createdAt: '2025-02-01T10:00:00.000Z',
  updatedAt: '2025-02-12T10:00:00.000Z',
};

describe('paymentFormFor', () => {
  it('starts with the open balance, today, by bank transfer', () => {
    expect(paymentFormFor(invoice, '2025-03-05', 'en-GB')).toEqual({ amount: '700.50', date: '2025-03-05', method: 'bank_transfer' });
  });

  it('prefills a value that submits as exactly the open balance', () => {
    const result = paymentInputFromForm(paymentFormFor(invoice, '2025-03-05', 'fr-FR'), 'GBP', 'fr-FR', '2025-03-05');
    expect(result).toEqual({ ok: true, value: { amountMinor: 70050, date: '2025-03-05', method: 'bank_transfer' } });
  });
});

describe('paymentInputFromForm', () => {
  it('reads an amount with grouping and symbol', () => {
    const result = paymentInputFromForm({ amount: '£1,000.00', date: '2025-03-01', method: 'card' }, 'GBP', 'en-GB', '2025-03-05');
    expect(result.ok && result.value.amountMinor).toBe(100000);
  });

  it('refuses zero, nonsense and future dates at their fields', () => {
    const zero = paymentInputFromForm({ amount: '0', date: '2025-03-06', method: 'cash' }, 'GBP', 'en-GB', '2025-03-05');
    expect(!zero.ok && issueAt(zero.issues, 'amountMinor')).toBe('Enter an amount above zero');
    expect(!zero.ok && issueAt(zero.issues, 'date')).toBe('A payment cannot be dated in the future');

    const words = paymentInputFromForm({ amount: 'ten', date: '', method: 'cash' }, 'GBP', 'en-GB', '2025-03-05');
    expect(!words.ok && issueAt(words.issues, 'amountMinor')).toMatch(/not an amount/);
    expect(!words.ok && issueAt(words.issues, 'date')).toBe('Enter the date the money arrived');
  });
});
