import { describe, expect, it } from 'vitest';
import type { Invoice } from '@core/invoice';
import { agingCsv, invoicesCsv, problemsCsv } from './export-csv';

const TODAY = '2026-03-01';

function invoice(over: Partial<Invoice>): Invoice {
  return {
    id: crypto.randomUUID(),
    number: 'INV-1',
    customerId: 'c1',
    issueDate: '2026-01-01',
    dueDate: '2026-01-31',
    currency: 'GBP',
    totalMinor: 10_000,
    state: 'issued',
    payments: [],
    creditNotes: [],
    notes: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

const pay = (amountMinor: number) => ({ id: crypto.randomUUID(), date: '2026-02-01', amountMinor, method: 'cash' as const, recordedBy: '', recordedAt: '2026-02-01T00:00:00.000Z' });
const names = new Map([
  ['c1', 'Ada Lovelace'],
  ['c2', '=HYPERLINK("http://x")'],
]);

describe('invoicesCsv', () => {
  it('writes each invoice with its paid amount, open balance, status and days late', () => {
    const csv = invoicesCsv(
      [
        invoice({ payments: [pay(3_000)] }),
        invoice({ number: 'INV-2', customerId: 'c2', currency: 'JPY', totalMinor: 1_235, dueDate: '2026-03-31' }),
        invoice({ number: 'INV-3', state: 'draft' }),
      ],
      names,
      TODAY,
    );
    expect(csv.split('\r\n')).toEqual([
      'Invoice number,Customer,Issue date,Due date,Currency,Total,Paid,Open balance,Status,Days late',
      'INV-1,Ada Lovelace,2026-01-01,2026-01-31,GBP,100.00,30.00,70.00,Overdue,29',
      `INV-2,"'=HYPERLINK(""http://x"")",2026-01-01,2026-03-31,JPY,1235,0,1235,Open,0`,
      'INV-3,Ada Lovelace,2026-01-01,2026-01-31,GBP,100.00,0.00,0.00,Draft,0',
    ]);
  });
});

describe('agingCsv', () => {
  it('writes one line per customer and currency, by name, then the totals per currency', () => {
    const csv = agingCsv(
      [
        invoice({ customerId: 'c1', dueDate: '2026-03-05' }),
        invoice({ customerId: 'c1', dueDate: '2026-01-15', payments: [pay(2_500)] }),
        invoice({ customerId: 'c1', dueDate: '2025-10-01', currency: 'EUR' }),
        invoice({ customerId: 'c2', dueDate: '2025-12-31', totalMinor: 999 }),
        invoice({ customerId: 'c2', dueDate: '2025-12-31', state: 'written_off' }),
      ],
      names,
      TODAY,
    );
    expect(csv.split('\r\n')).toEqual([
      'Customer,Currency,Current,1-30 days,31-60 days,61-90 days,Over 90 days,Total',
      // 31 December to 1 March is 60 days: still 31-60.
      `"'=HYPERLINK(""http://x"")",GBP,0.00,0.00,9.99,0.00,0.00,9.99`,
      'Ada Lovelace,EUR,0.00,0.00,0.00,0.00,100.00,100.00',
      'Ada Lovelace,GBP,100.00,0.00,75.00,0.00,0.00,175.00',
      'All customers,EUR,0.00,0.00,0.00,0.00,100.00,100.00',
      'All customers,GBP,100.00,0.00,84.99,0.00,0.00,184.99',
    ]);
  });
});

describe('problemsCsv', () => {
  it('lists row, column and problem', () => {
    expect(problemsCsv([{ row: 4, column: 'Amount', message: '"-5" is negative' }]).split('\r\n')).toEqual(['Row,Column,Problem', '4,Amount,"""-5"" is negative"']);
  });
});
