import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Invoice } from '../invoice';
import type { IsoDate } from '../primitives';
import { openBalanceAsOf, paidMinorAsOf } from './balance';
import { dayNumber, fromDayNumber } from './day-number';
import { daysAfterDueAtClearing } from './days-past-due';
import { customerPaymentProfile, EXPECTED_HISTORY_SIZE, type CustomerPaymentProfile } from './payment-profile';
import { arbitraryDay, arbitraryInvoiceSpec } from './test-arbitraries';
import { CUSTOMER_A, CUSTOMER_B, invoice, type InvoiceSpec } from './test-invoices';

const TODAY: IsoDate = '2024-04-30';

/** An invoice on 30 days' terms issued `issue`, paid in full on `paidOn` (or left open). */
function onTerms(issue: IsoDate, total: number, paidOn?: IsoDate, extra: InvoiceSpec = {}): Invoice {
  const due = fromDayNumber(dayNumber(issue) + 30);
  return invoice({ issue, due, total, ...(paidOn === undefined ? {} : { paid: [[paidOn, total]] }), ...extra });
}

type Expect = Partial<Omit<CustomerPaymentProfile, 'expected'>> & {
  expected?: readonly { dueDate: IsoDate; expectedDate: IsoDate; basis: string }[];
};

describe('customerPaymentProfile', () => {
  it.each<[string, () => Invoice[], Expect]>([
    [
      'no invoices: no history, no grade',
      () => [],
      { weightedDaysLate: null, weightCurrency: null, averageDaysToPay: null, medianDaysLate: null, grade: null, phrase: null, paidCount: 0, expected: [] },
    ],
    [
      'one invoice not yet due: still no history',
      () => [onTerms('2024-04-20', 5_000)],
      {
        weightedDaysLate: null,
        grade: null,
        phrase: null,
        overdueOpenCount: 0,
        expected: [{ dueDate: '2024-05-20', expectedDate: '2024-05-20', basis: 'due_date' }],
      },
    ],
    [
      'pays on the due date',
      () => [onTerms('2024-01-01', 10_000, '2024-01-31'), onTerms('2024-02-01', 20_000, '2024-03-02')],
      { weightedDaysLate: 0, grade: 'A', phrase: 'usually pays on time', averageDaysToPay: 30, medianDaysLate: 0, paidCount: 2 },
    ],
    [
      // 10,000 × 10 + 30,000 × 20 + 15,000 (still open) × 30, over 55,000 = 20.909…
      'weighted by amount, open overdue counted as of today, not-yet-due left out',
      () => [
        onTerms('2024-01-01', 10_000, '2024-02-10'), // due 01-31, 10 late, 40 days to pay
        onTerms('2024-02-01', 30_000, '2024-03-22'), // due 03-02, 20 late, 50 days to pay (leap February)
        onTerms('2024-03-01', 20_000, undefined, { paid: [['2024-04-01', 5_000]] }), // due 03-31, 30 overdue, 15,000 open
        onTerms('2024-04-15', 8_000), // due 05-15: not counted
      ],
      {
        weightedDaysLate: 1_150_000 / 55_000,
        weightCurrency: 'EUR',
        grade: 'C',
        phrase: 'usually pays around 21 days after due',
        averageDaysToPay: 45,
        medianDaysLate: 15,
        paidCount: 2,
        overdueOpenCount: 1,
        maxDaysOverdueNow: 30,
        expected: [
          { dueDate: '2024-03-31', expectedDate: '2024-05-07', basis: 'overdue_fallback' }, // 03-31 + 15 is behind us
          { dueDate: '2024-05-15', expectedDate: '2024-05-30', basis: 'history' },
        ],
      },
    ],
    [
      // (10,000 × −5 + 10,000 × −3) / 20,000
      'pays early',
      () => [onTerms('2024-01-01', 10_000, '2024-01-26'), onTerms('2024-02-01', 10_000, '2024-02-28')],
      { weightedDaysLate: -4, grade: 'A', phrase: 'usually pays 4 days early', averageDaysToPay: 26, medianDaysLate: -4 },
    ],
    [
      'B: 10 days late',
      () => [onTerms('2024-01-01', 10_000, '2024-02-10')],
      { weightedDaysLate: 10, grade: 'B', phrase: 'usually pays around 10 days after due' },
    ],
    [
      'D: 60 days late',
      () => [onTerms('2024-01-01', 10_000, '2024-03-31')],
      { weightedDaysLate: 60, grade: 'D', phrase: 'usually pays around 60 days after due' },
    ],
    [
      // 1,000,000 on time and 100 open for 91 days: a fine habit, but something is in 90+ now
      'D: one invoice more than 90 days overdue, whatever the habit',
      () => [onTerms('2024-01-01', 1_000_000, '2024-01-31'), onTerms('2023-12-31', 100)],
      { grade: 'D', phrase: 'usually pays on time', maxDaysOverdueNow: 91, overdueOpenCount: 1 },
    ],
    [
      'exactly 90 days overdue is not yet the D rule',
      () => [onTerms('2024-01-01', 1_000_000, '2024-01-31'), onTerms('2024-01-01', 100)],
      { grade: 'A', maxDaysOverdueNow: 90 },
    ],
    [
      'a disputed open invoice is left out of lateness, but still expected',
      () => [onTerms('2023-12-01', 50_000, undefined, { state: 'disputed' })],
      {
        weightedDaysLate: null,
        grade: null,
        disputedOpenCount: 1,
        maxDaysOverdueNow: 0,
        expected: [{ dueDate: '2023-12-31', expectedDate: '2024-05-07', basis: 'overdue_fallback' }],
      },
    ],
    [
      'a disputed invoice that was then paid counts as paid',
      () => [onTerms('2024-01-01', 10_000, '2024-02-20', { state: 'disputed' })],
      { weightedDaysLate: 20, paidCount: 1, disputedOpenCount: 0 },
    ],
    [
      'written off: counted apart, not in lateness',
      () => [onTerms('2023-06-01', 10_000, undefined, { state: 'written_off' }), onTerms('2024-01-01', 10_000, '2024-01-31')],
      { writtenOffCount: 1, weightedDaysLate: 0, paidCount: 1, grade: 'A' },
    ],
    [
      'drafts and invoices issued after today are ignored',
      () => [onTerms('2023-06-01', 10_000, undefined, { state: 'draft' }), onTerms('2024-05-01', 10_000)],
      { weightedDaysLate: null, grade: null, paidCount: 0, expected: [] },
    ],
    [
      'cancelled by a credit note: nothing was paid, so it says nothing',
      () => [onTerms('2024-01-01', 10_000, undefined, { credits: [['2024-03-15', 10_000]] })],
      { weightedDaysLate: null, paidCount: 0, grade: null },
    ],
    [
      // 6,000 paid; the credit note of 4,000 cleared it 5 days late: weight 6,000, 5 days
      'partly credited: weighted by what was paid, late by when it cleared',
      () => [
        onTerms('2024-01-01', 10_000, undefined, { paid: [['2024-01-20', 6_000]], credits: [['2024-02-05', 4_000]] }),
        onTerms('2024-01-01', 6_000, '2024-01-31'),
      ],
      { weightedDaysLate: 2.5, paidCount: 2, averageDaysToPay: 32.5 },
    ],
    [
      'a payment dated after today is not history yet',
      () => [onTerms('2024-03-01', 10_000, '2024-05-03')],
      { paidCount: 0, overdueOpenCount: 1, weightedDaysLate: 30, expected: [{ dueDate: '2024-03-31', expectedDate: '2024-05-07', basis: 'overdue_fallback' }] },
    ],
    [
      // EUR: 10 and 20 days late, 100 each → 15. GBP (1,000,000 at 100 days) cannot weigh against euros.
      'several currencies: weighted in the main one only; unweighted figures use all',
      () => [
        onTerms('2024-01-01', 100, '2024-02-10'),
        onTerms('2024-01-01', 100, '2024-02-20'),
        onTerms('2023-10-01', 1_000_000, '2024-02-08', { currency: 'GBP' }),
      ],
      { weightedDaysLate: 15, weightCurrency: 'EUR', otherCurrencyCount: 1, medianDaysLate: 20, averageDaysToPay: (40 + 50 + 130) / 3 },
    ],
    [
      'a tie between currencies goes to the first code',
      () => [onTerms('2024-01-01', 100, '2024-02-10', { currency: 'USD' }), onTerms('2024-01-01', 100, '2024-02-20', { currency: 'CHF' })],
      { weightedDaysLate: 20, weightCurrency: 'CHF', otherCurrencyCount: 1 },
    ],
    [
      'the median uses the last 12 paid invoices only',
      () => [
        // Two old invoices paid 100 days late, then twelve paid 2 days late, then one open.
        onTerms('2022-01-01', 1_000, '2022-05-11'),
        onTerms('2022-02-01', 1_000, '2022-06-12'),
        ...Array.from({ length: 12 }, (_, i) => {
          const issue = fromDayNumber(dayNumber('2023-01-01') + 20 * i);
          return onTerms(issue, 1_000, fromDayNumber(dayNumber(issue) + 32));
        }),
        onTerms('2024-04-10', 1_000),
      ],
      {
        paidCount: 14,
        medianDaysLate: 2,
        expected: [{ dueDate: '2024-05-10', expectedDate: '2024-05-12', basis: 'history' }],
      },
    ],
  ])('%s', (_, book, expected) => {
    const profile = customerPaymentProfile(book(), TODAY);
    const { expected: expectedDates, ...fields } = expected;
    expect(profile).toMatchObject(fields);
    if (expectedDates !== undefined) {
      expect(profile.expected.map(({ dueDate, expectedDate, basis }) => ({ dueDate, expectedDate, basis }))).toEqual(expectedDates);
    }
  });

  it('lists each open invoice with its balance, currency and whether it is disputed', () => {
    const open = onTerms('2024-04-01', 7_000, undefined, { paid: [['2024-04-10', 2_000]], state: 'disputed', currency: 'GBP' });
    expect(customerPaymentProfile([open], TODAY).expected).toEqual([
      { invoiceId: open.id, currency: 'GBP', dueDate: '2024-05-01', openMinor: 5_000, disputed: true, expectedDate: '2024-05-01', basis: 'due_date' },
    ]);
  });

  it('throws when given more than one customer', () => {
    const a = onTerms('2024-01-01', 100, undefined, { customer: CUSTOMER_A });
    const b = onTerms('2024-01-01', 100, undefined, { customer: CUSTOMER_B });
    expect(() => customerPaymentProfile([a, b], TODAY)).toThrow(/single customer/);
  });

  it('keeps the history size at 12', () => {
    expect(EXPECTED_HISTORY_SIZE).toBe(12);
  });
});

describe('properties', () => {
  const oneCustomerBook = fc.array(arbitraryInvoiceSpec, { maxLength: 25 });

  /** The days late each counted invoice contributes, worked out independently of the profile. */
  function contributions(book: readonly Invoice[], today: IsoDate): number[] {
    const days: number[] = [];
    for (const inv of book) {
      if (inv.state === 'draft' || inv.state === 'written_off' || today < inv.issueDate) continue;
      if (openBalanceAsOf(inv, today) > 0) {
        if (inv.state === 'issued' && today > inv.dueDate) days.push(dayNumber(today) - dayNumber(inv.dueDate));
      } else if (paidMinorAsOf(inv, today) > 0 && inv.totalMinor > 0) {
        days.push(daysAfterDueAtClearing(inv, today)!);
      }
    }
    return days;
  }

  it('the weighted average lies between the smallest and the largest days late, and is null with no history', () => {
    fc.assert(
      fc.property(oneCustomerBook, arbitraryDay, (specs, today) => {
        const book = specs.map((s) => invoice(s));
        const profile = customerPaymentProfile(book, today);
        const days = contributions(book, today);
        if (days.length === 0) {
          expect(profile.weightedDaysLate).toBeNull();
          expect(profile.grade).toBeNull();
          expect(profile.phrase).toBeNull();
          return;
        }
        const w = profile.weightedDaysLate!;
        expect(w).toBeGreaterThanOrEqual(Math.min(...days) - 1e-9);
        expect(w).toBeLessThanOrEqual(Math.max(...days) + 1e-9);
        expect(profile.grade).not.toBeNull();
        expect(profile.paidCount + profile.overdueOpenCount).toBe(days.length);
      }),
      { numRuns: 300 },
    );
  });

  it('expects every open invoice, never before today', () => {
    fc.assert(
      fc.property(oneCustomerBook, arbitraryDay, (specs, today) => {
        const book = specs.map((s) => invoice(s));
        const profile = customerPaymentProfile(book, today);
        expect(profile.expected.map((e) => e.invoiceId)).toEqual(book.filter((inv) => openBalanceAsOf(inv, today) > 0).map((inv) => inv.id));
        for (const e of profile.expected) expect(e.expectedDate >= today).toBe(true);
      }),
    );
  });

  it('does not depend on the order of the invoices', () => {
    fc.assert(
      fc.property(oneCustomerBook, arbitraryDay, (specs, today) => {
        const book = specs.map((s) => invoice(s));
        const { expected, ...forward } = customerPaymentProfile(book, today);
        const { expected: backwardExpected, ...backward } = customerPaymentProfile([...book].reverse(), today);
        expect(backward).toEqual(forward);
        expect([...backwardExpected].reverse()).toEqual(expected);
      }),
    );
  });
});
