import { describe, expect, it } from 'vitest';
import { issueAt } from '@core/field-issues';
import type { Invoice } from '@core/invoice';
import { invoiceFormFrom, invoiceInputFromForm, newInvoiceForm, type InvoiceFormState } from './invoice-form';

const CUSTOMER = '3f2b8c1e-9d4a-4e5f-8a7b-1c2d3e4f5a6b';

function filled(overrides: Partial<InvoiceFormState> = {}): InvoiceFormState {
  return { ...newInvoiceForm({ customerId: CUSTOMER, currency: 'GBP', today: '2025-03-10', number: 'INV-2025-00001' }), total: '1,234.50', ...overrides };
}

describe('newInvoiceForm', () => {
  it('starts today, due in thirty days, issued, in the business currency', () => {
    const form = newInvoiceForm({ customerId: null, currency: 'EUR', today: '2025-01-15' });
    expect(form).toMatchObject({ customerId: '', issueDate: '2025-01-15', dueDate: '2025-02-14', currency: 'EUR', state: 'issued', total: '' });
  });
});

describe('invoiceInputFromForm', () => {
  it('parses the total typed in the business locale into minor units', () => {
    const result = invoiceInputFromForm(filled(), 'en-GB');
    expect(result).toEqual({
      ok: true,
      value: {
        number: 'INV-2025-00001',
        customerId: CUSTOMER,
        issueDate: '2025-03-10',
        dueDate: '2025-04-09',
        currency: 'GBP',
        totalMinor: 123450,
        state: 'issued',
        notes: '',
      },
    });
  });

  it('reads a decimal comma in a locale that writes one', () => {
    const result = invoiceInputFromForm(filled({ currency: 'EUR', total: '1.234,50' }), 'de-DE');
    expect(result.ok && result.value.totalMinor).toBe(123450);
  });

  it('reports every problem at its field at once, in plain words', () => {
    const result = invoiceInputFromForm(filled({ customerId: '', number: '  ', total: 'twelve', dueDate: '' }), 'en-GB');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(issueAt(result.issues, 'customerId')).toBe('Choose the customer this invoice is for');
    expect(issueAt(result.issues, 'number')).toBe('Enter an invoice number');
    expect(issueAt(result.issues, 'dueDate')).toBe('Enter the date payment is due');
    expect(issueAt(result.issues, 'totalMinor')).toMatch(/not an amount/);
    // One message per field, ours rather than the schema's.
    expect(result.issues.filter((i) => i.path[0] === 'number')).toHaveLength(1);
  });

  it('refuses a due date before the issue date', () => {
    const result = invoiceInputFromForm(filled({ dueDate: '2025-03-01' }), 'en-GB');
    expect(!result.ok && issueAt(result.issues, 'dueDate')).toBe('The due date cannot be before the issue date');
  });

  it('refuses more decimals than the currency has', () => {
    const result = invoiceInputFromForm(filled({ currency: 'JPY', total: '100.5' }), 'en-GB');
    expect(!result.ok && issueAt(result.issues, 'totalMinor')).toBe('JPY amounts have no decimals');
  });
});

describe('invoiceFormFrom', () => {
  const invoice: Invoice = {
    id: '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
    number: 'INV-7',
    customerId: CUSTOMER,
    issueDate: '2025-02-01',
    dueDate: '2025-03-01',
    currency: 'EUR',
    totalMinor: 99990,
    state: 'disputed',
    payments: [],
    creditNotes: [],
    notes: 'Door frame',
    createdAt: '2025-02-01T10:00:00.000Z',
    updatedAt: '2025-02-01T10:00:00.000Z',
  };

  it('round-trips an invoice through the form unchanged', () => {
    const form = invoiceFormFrom(invoice, 'de-DE');
    expect(form.total).toBe('999,90');
    const result = invoiceInputFromForm(form, 'de-DE');
    expect(result.ok && result.value).toEqual({
      number: 'INV-7',
      customerId: CUSTOMER,
      issueDate: '2025-02-01',
      dueDate: '2025-03-01',
      currency: 'EUR',
      totalMinor: 99990,
      state: 'disputed',
      notes: 'Door frame',
    });
  });
});
