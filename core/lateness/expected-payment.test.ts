import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../primitives';
import { openBalanceAsOf } from './balance';
import { expectedPaymentDate, OVERDUE_EXPECTATION_DAYS, type ExpectedDate } from './expected-payment';
import { arbitraryDay, arbitraryInvoiceSpec } from './test-arbitraries';
import { invoice, type InvoiceSpec } from './test-invoices';

// Issued 2024-01-01, due 2024-01-31 unless said otherwise.
const base: InvoiceSpec = { total: 10_000, issue: '2024-01-01', due: '2024-01-31' };

describe('expectedPaymentDate', () => {
  it.each<[string, InvoiceSpec, IsoDate, number | null, ExpectedDate | null]>([
    // spec, today, customer's median days late → expected
    ['no history: the due date', {}, '2024-01-15', null, { date: '2024-01-31', basis: 'due_date' }],
    ['no history, due today: today', {}, '2024-01-31', null, { date: '2024-01-31', basis: 'due_date' }],
    ['pays 10 days late: due + 10', {}, '2024-01-15', 10, { date: '2024-02-10', basis: 'history' }],
    ['due + 29 lands on the leap day', {}, '2024-01-15', 29, { date: '2024-02-29', basis: 'history' }],
    ['due + 30 steps over it', {}, '2024-01-15', 30, { date: '2024-03-01', basis: 'history' }],
    ['pays 5 days early: due − 5', {}, '2024-01-15', -5, { date: '2024-01-26', basis: 'history' }],
    ['an early payer past their usual day, not yet due: today', {}, '2024-01-28', -5, { date: '2024-01-28', basis: 'history' }],
    ['half a day rounds later', {}, '2024-01-15', 2.5, { date: '2024-02-03', basis: 'history' }],
    ['half a day early rounds later too', {}, '2024-01-15', -2.5, { date: '2024-01-29', basis: 'history' }],
    ['partly paid: same rule', { paid: [['2024-01-10', 9_000]] }, '2024-01-15', 4, { date: '2024-02-04', basis: 'history' }],
    ['disputed: same rule', { state: 'disputed' }, '2024-01-15', 4, { date: '2024-02-04', basis: 'history' }],
    ['overdue, no history: a week from today', {}, '2024-02-10', null, { date: '2024-02-17', basis: 'overdue_fallback' }],
    ['overdue, the usual day still ahead', {}, '2024-02-10', 20, { date: '2024-02-20', basis: 'history' }],
    ['overdue, the usual day is today', {}, '2024-02-20', 20, { date: '2024-02-20', basis: 'history' }],
    ['overdue, the usual day passed: a week from today, over the leap day', {}, '2024-02-25', 20, { date: '2024-03-03', basis: 'overdue_fallback' }],
    ['overdue early payer', {}, '2024-02-01', -5, { date: '2024-02-08', basis: 'overdue_fallback' }],
    ['paid: nothing to expect', { paid: [['2024-01-20', 10_000]] }, '2024-02-10', 10, null],
    ['paid by a credit note', { credits: [['2024-01-20', 10_000]] }, '2024-02-10', 10, null],
    ['draft', { state: 'draft' }, '2024-02-10', 10, null],
    ['written off', { state: 'written_off' }, '2024-02-10', 10, null],
    ['not issued yet', { issue: '2024-01-20' }, '2024-01-15', 10, null],
  ])('%s', (_, spec, today, median, expected) => {
    expect(expectedPaymentDate(invoice({ ...base, ...spec }), today, median)).toEqual(expected);
  });

  it('the overdue fallback is one week', () => {
    expect(OVERDUE_EXPECTATION_DAYS).toBe(7);
  });

  it('property: an open invoice is expected on or after today, after today once overdue past habit; others get null', () => {
    fc.assert(
      fc.property(arbitraryInvoiceSpec, arbitraryDay, fc.option(fc.integer({ min: -30, max: 120 })), (spec, today, median) => {
        const inv = invoice(spec);
        const e = expectedPaymentDate(inv, today, median);
        if (openBalanceAsOf(inv, today) <= 0) {
          expect(e).toBeNull();
          return;
        }
        expect(e).not.toBeNull();
        expect(e!.date >= today).toBe(true);
        if (e!.basis === 'overdue_fallback') expect(today > inv.dueDate && e!.date > today).toBe(true);
      }),
    );
  });
});
