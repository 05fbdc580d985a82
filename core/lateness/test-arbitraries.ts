import fc from 'fast-check';
import type { Invoice } from '../invoice';
import { dayNumber, fromDayNumber } from './day-number';
import { CUSTOMER_A, CUSTOMER_B, type InvoiceSpec } from './test-invoices';

/** fast-check arbitraries for core/lateness property tests: invoices in and around 2024. */

const START = dayNumber('2023-10-01');

const day = (min: number, max: number) => fc.integer({ min, max }).map(fromDayNumber);
const settlement = (maxAmount: number) => fc.tuple(day(START, START + 300), fc.integer({ min: 1, max: maxAmount }));

/**
 * A random schema-valid invoice: issued within 200 days of 2023-10-01 on 0–60 days' terms, with
 * up to 4 payments and 2 credit notes dated anywhere in the 300 days from 2023-10-01 (so some
 * fall before the issue date, some long after the due date), in any state.
 */
export const arbitraryInvoiceSpec: fc.Arbitrary<InvoiceSpec> = fc
  .record({
    issue: fc.integer({ min: START, max: START + 200 }),
    terms: fc.integer({ min: 0, max: 60 }),
    total: fc.integer({ min: 0, max: 20_000 }),
    state: fc.constantFrom<Invoice['state']>('issued', 'issued', 'issued', 'disputed', 'draft', 'written_off'),
    paid: fc.array(settlement(8_000), { maxLength: 4 }),
    credits: fc.array(settlement(3_000), { maxLength: 2 }),
  })
  .map(({ issue, terms, total, state, paid, credits }) => ({
    issue: fromDayNumber(issue),
    due: fromDayNumber(issue + terms),
    total,
    state,
    paid,
    credits,
  }));

/** A day from a month before the earliest issue date to well after the latest due date. */
export const arbitraryDay = day(dayNumber('2023-09-01'), dayNumber('2024-09-30'));

/** Up to `maxLength` invoices of two customers, each in one of `currencies`. */
export function arbitraryBook(maxLength = 30, currencies: readonly string[] = ['EUR']): fc.Arbitrary<InvoiceSpec[]> {
  return fc.array(
    fc
      .tuple(arbitraryInvoiceSpec, fc.constantFrom(CUSTOMER_A, CUSTOMER_B), fc.constantFrom(...currencies))
      .map(([spec, customer, currency]) => ({ ...spec, customer, currency })),
    { maxLength },
  );
}
