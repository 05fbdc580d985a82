import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBalanceMinor } from '../invoice-status';
import type { IsoDate } from '../primitives';
import { clearedOn, openBalanceAsOf, paidMinorAsOf, settledMinorAsOf } from './balance';
import { dayNumber, fromDayNumber } from './day-number';
import { arbitraryDay, arbitraryInvoiceSpec } from './test-arbitraries';
import { invoice, type InvoiceSpec } from './test-invoices';

// Issued 2024-01-01, due 2024-01-31, total 100.00 unless said otherwise.
const base: InvoiceSpec = { total: 10_000, issue: '2024-01-01', due: '2024-01-31' };

describe('openBalanceAsOf', () => {
  it.each<[string, InvoiceSpec, IsoDate, number]>([
    ['nothing paid', {}, '2024-01-15', 10_000],
    ['before the issue date nothing is owed', {}, '2023-12-31', 0],
    ['on the issue date the whole total is owed', {}, '2024-01-01', 10_000],
    ['a payment counts from the end of its own day', { paid: [['2024-01-10', 4_000]] }, '2024-01-10', 6_000],
    ['but not the day before', { paid: [['2024-01-10', 4_000]] }, '2024-01-09', 10_000],
    ['a payment dated later is not in the balance yet', { paid: [['2024-03-01', 10_000]] }, '2024-02-29', 10_000],
    ['two partial payments', { paid: [['2024-01-10', 3_000], ['2024-02-10', 2_500]] }, '2024-02-10', 4_500],
    ['payments recorded out of date order', { paid: [['2024-02-10', 2_500], ['2024-01-10', 3_000]] }, '2024-01-31', 7_000],
    ['a credit note lowers it too', { credits: [['2024-01-20', 1_500]] }, '2024-01-20', 8_500],
    ['credit note and payment together', { paid: [['2024-01-25', 5_000]], credits: [['2024-01-20', 1_500]] }, '2024-02-01', 3_500],
    ['fully paid', { paid: [['2024-01-31', 10_000]] }, '2024-01-31', 0],
    ['overpaid is 0, not negative', { paid: [['2024-01-31', 12_000]] }, '2024-02-01', 0],
    ['paid by a deposit before the issue date', { paid: [['2023-12-20', 10_000]] }, '2024-01-01', 0],
    ['zero total', { total: 0 }, '2024-01-15', 0],
    ['disputed is still owed', { state: 'disputed', paid: [['2024-01-10', 1_000]] }, '2024-02-15', 9_000],
    ['draft: never owed', { state: 'draft' }, '2024-02-15', 0],
    ['written off: 0, on every day', { state: 'written_off' }, '2024-01-15', 0],
    ['a leap day payment', { paid: [['2024-02-29', 10_000]] }, '2024-02-29', 0],
    ['a leap day, the day before the payment', { paid: [['2024-03-01', 10_000]] }, '2024-02-29', 10_000],
  ])('%s', (_, spec, day, expected) => {
    expect(openBalanceAsOf(invoice({ ...base, ...spec }), day)).toBe(expected);
  });

  it('sums payments and credit notes separately', () => {
    const inv = invoice({ ...base, paid: [['2024-01-05', 1_000], ['2024-02-05', 2_000]], credits: [['2024-01-06', 300]] });
    expect(paidMinorAsOf(inv, '2024-01-31')).toBe(1_000);
    expect(settledMinorAsOf(inv, '2024-01-31')).toBe(1_300);
    expect(settledMinorAsOf(inv, '2024-02-05')).toBe(3_300);
  });
});

describe('clearedOn', () => {
  it.each<[string, InvoiceSpec, IsoDate, IsoDate | null]>([
    ['still owed', { paid: [['2024-01-10', 4_000]] }, '2024-03-01', null],
    ['one payment', { paid: [['2024-02-14', 10_000]] }, '2024-03-01', '2024-02-14'],
    ['not yet, as of the day before the payment', { paid: [['2024-02-14', 10_000]] }, '2024-02-13', null],
    ['the payment that brought it to zero, not the last one', { paid: [['2024-01-10', 6_000], ['2024-02-01', 4_000], ['2024-02-20', 500]] }, '2024-03-01', '2024-02-01'],
    ['payments recorded out of order', { paid: [['2024-02-01', 4_000], ['2024-01-10', 6_000]] }, '2024-03-01', '2024-02-01'],
    ['a credit note can clear it', { paid: [['2024-01-10', 6_000]], credits: [['2024-02-05', 4_000]] }, '2024-03-01', '2024-02-05'],
    ['two settlements the same day', { paid: [['2024-02-03', 6_000]], credits: [['2024-02-03', 4_000]] }, '2024-03-01', '2024-02-03'],
    ['one big overpayment clears it on its day', { paid: [['2024-01-20', 20_000], ['2024-01-25', 100]] }, '2024-03-01', '2024-01-20'],
    ['settled in advance: cleared on the issue date', { paid: [['2023-12-20', 10_000]] }, '2024-03-01', '2024-01-01'],
    ['zero total: cleared on the issue date', { total: 0 }, '2024-03-01', '2024-01-01'],
    ['before the issue date: nothing to clear yet', { paid: [['2023-12-20', 10_000]] }, '2023-12-31', null],
    ['on a leap day', { paid: [['2024-02-29', 10_000]] }, '2024-03-01', '2024-02-29'],
    ['disputed, then paid', { state: 'disputed', paid: [['2024-03-05', 10_000]] }, '2024-04-01', '2024-03-05'],
    ['draft', { state: 'draft', paid: [['2024-01-10', 10_000]] }, '2024-03-01', null],
    ['written off', { state: 'written_off', paid: [['2024-01-10', 4_000]] }, '2024-03-01', null],
  ])('%s', (_, spec, asOf, expected) => {
    expect(clearedOn(invoice({ ...base, ...spec }), asOf)).toBe(expected);
  });
});

describe('properties', () => {
  it('matches openBalanceMinor once every settlement is dated on or before the day', () => {
    fc.assert(
      fc.property(arbitraryInvoiceSpec, (spec) => {
        const inv = invoice(spec);
        const latest = [...inv.payments, ...inv.creditNotes].reduce((d, s) => (s.date > d ? s.date : d), inv.issueDate);
        expect(openBalanceAsOf(inv, latest)).toBe(openBalanceMinor(invoice(spec)));
      }),
    );
  });

  it('never rises from one day to the next after the issue date, and stays between 0 and the total', () => {
    fc.assert(
      fc.property(arbitraryInvoiceSpec, arbitraryDay, (spec, day) => {
        const inv = invoice(spec);
        fc.pre(day >= inv.issueDate);
        const next = fromDayNumber(dayNumber(day) + 1);
        const today = openBalanceAsOf(inv, day);
        expect(openBalanceAsOf(inv, next)).toBeLessThanOrEqual(today);
        expect(today).toBeGreaterThanOrEqual(0);
        expect(today).toBeLessThanOrEqual(inv.totalMinor);
      }),
    );
  });

  it('clearedOn is the first day from which the balance is 0', () => {
    fc.assert(
      fc.property(arbitraryInvoiceSpec, arbitraryDay, (spec, asOf) => {
        const inv = invoice(spec);
        const cleared = clearedOn(inv, asOf);
        if (cleared === null) {
          expect(openBalanceAsOf(inv, asOf) > 0 || inv.state === 'draft' || inv.state === 'written_off' || asOf < inv.issueDate).toBe(true);
          return;
        }
        expect(cleared <= asOf).toBe(true);
        expect(cleared >= inv.issueDate).toBe(true);
        expect(openBalanceAsOf(inv, cleared)).toBe(0);
        if (cleared > inv.issueDate) expect(openBalanceAsOf(inv, fromDayNumber(dayNumber(cleared) - 1))).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
