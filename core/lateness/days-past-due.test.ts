import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysLate, invoiceStatus } from '../invoice-status';
import type { IsoDate } from '../primitives';
import { dayNumber, fromDayNumber } from './day-number';
import { daysAfterDueAtClearing, daysPastDue, isOverdue } from './days-past-due';
import { arbitraryDay, arbitraryInvoiceSpec } from './test-arbitraries';
import { invoice, type InvoiceSpec } from './test-invoices';

// Issued 2024-01-01, due 2024-01-31, total 100.00 unless said otherwise.
const base: InvoiceSpec = { total: 10_000, issue: '2024-01-01', due: '2024-01-31' };

describe('daysPastDue and isOverdue', () => {
  it.each<[string, InvoiceSpec, IsoDate, number, boolean]>([
    // spec, day → days past due, overdue
    ['not yet due', {}, '2024-01-15', 0, false],
    ['due today: 0 days late, not overdue', {}, '2024-01-31', 0, false],
    ['the day after the due date', {}, '2024-02-01', 1, true],
    ['across the 2024 leap day', {}, '2024-03-01', 30, true],
    ['the same dates a year earlier: no leap day', { issue: '2023-01-01', due: '2023-01-31' }, '2023-03-01', 29, true],
    ['due on the leap day, the next day', { issue: '2024-02-01', due: '2024-02-29' }, '2024-03-01', 1, true],
    ['due on the leap day, a year on', { issue: '2024-02-01', due: '2024-02-29' }, '2025-02-28', 365, true],
    ['over a year end', { issue: '2023-11-15', due: '2023-12-15' }, '2024-01-14', 30, true],
    ['over a year end, into 31-60', { issue: '2023-11-15', due: '2023-12-15' }, '2024-01-15', 31, true],
    ['due the day it is issued (cash terms)', { due: '2024-01-01' }, '2024-01-02', 1, true],
    ['London spring forward (31 Mar 2024) is a whole day', { issue: '2024-03-01', due: '2024-03-30' }, '2024-04-01', 2, true],
    ['London fall back (27 Oct 2024) is a whole day', { issue: '2024-10-01', due: '2024-10-26' }, '2024-10-28', 2, true],
    ['New York spring forward (10 Mar 2024) is a whole day', { issue: '2024-03-01', due: '2024-03-09' }, '2024-03-11', 2, true],
    ['New York fall back (3 Nov 2024) is a whole day', { issue: '2024-10-01', due: '2024-11-02' }, '2024-11-04', 2, true],
    ['a partial payment before the due date does not stop the clock', { paid: [['2024-01-10', 4_000]] }, '2024-02-15', 15, true],
    ['nor does one after it', { paid: [['2024-02-10', 4_000]] }, '2024-02-20', 20, true],
    ['nor a partial credit note', { credits: [['2024-01-20', 2_000]] }, '2024-02-05', 5, true],
    ['paid in full before the due date', { paid: [['2024-01-20', 10_000]] }, '2024-03-01', 0, false],
    ['paid in full on the due date', { paid: [['2024-01-31', 10_000]] }, '2024-03-01', 0, false],
    ['paid late: frozen at the payment that cleared it', { paid: [['2024-03-04', 10_000]] }, '2024-04-01', 33, false],
    ['paid late, seen the day before that payment', { paid: [['2024-03-04', 10_000]] }, '2024-03-03', 32, true],
    ['paid late in two parts: the second one cleared it', { paid: [['2024-02-10', 5_000], ['2024-02-25', 5_000]] }, '2024-03-30', 25, false],
    ['paid late, then a credit note for the rest cleared it', { paid: [['2024-01-10', 6_000]], credits: [['2024-02-05', 4_000]] }, '2024-03-01', 5, false],
    ['paid early by a credit note and a payment', { paid: [['2024-01-20', 6_000]], credits: [['2024-01-25', 4_000]] }, '2024-03-01', 0, false],
    ['a payment dated after the day does not count yet', { paid: [['2024-02-20', 10_000]] }, '2024-02-10', 10, true],
    ['disputed invoices still age', { state: 'disputed' }, '2024-02-15', 15, true],
    ['zero total', { total: 0 }, '2024-03-01', 0, false],
    ['draft', { state: 'draft' }, '2024-03-01', 0, false],
    ['written off', { state: 'written_off' }, '2024-03-01', 0, false],
    ['before the issue date', { issue: '2024-01-10', due: '2024-01-10' }, '2024-01-09', 0, false],
  ])('%s', (_, spec, day, days, overdue) => {
    const inv = invoice({ ...base, ...spec });
    expect(daysPastDue(inv, day)).toBe(days);
    expect(isOverdue(inv, day)).toBe(overdue);
  });
});

describe('daysAfterDueAtClearing', () => {
  it.each<[string, InvoiceSpec, IsoDate, number | null]>([
    ['paid 11 days early', { paid: [['2024-01-20', 10_000]] }, '2024-03-01', -11],
    ['paid on the due date', { paid: [['2024-01-31', 10_000]] }, '2024-03-01', 0],
    ['paid 33 days late, over the leap day', { paid: [['2024-03-04', 10_000]] }, '2024-04-01', 33],
    ['not paid yet as of the day', { paid: [['2024-03-04', 10_000]] }, '2024-03-03', null],
    ['settled in advance: cleared on the issue date, 30 days early', { paid: [['2023-12-01', 10_000]] }, '2024-03-01', -30],
    ['still owed', { paid: [['2024-01-20', 9_999]] }, '2024-03-01', null],
    ['draft', { state: 'draft', paid: [['2024-01-20', 10_000]] }, '2024-03-01', null],
    ['written off', { state: 'written_off' }, '2024-03-01', null],
  ])('%s', (_, spec, asOf, expected) => {
    expect(daysAfterDueAtClearing(invoice({ ...base, ...spec }), asOf)).toBe(expected);
  });
});

describe('properties', () => {
  it('agrees with invoiceStatus/daysLate (core/invoice-status.ts) on issued invoices once all settlements are dated', () => {
    // invoice-status reads the ledger as it stands, lateness as of a day: they must agree
    // whenever nothing in the ledger is dated after that day. (Disputed invoices differ by
    // design: invoice-status puts them on hold, aging still counts their days.)
    fc.assert(
      fc.property(arbitraryInvoiceSpec, arbitraryDay, (spec, day) => {
        const inv = invoice({ ...spec, state: 'issued' });
        fc.pre(day >= inv.issueDate && [...inv.payments, ...inv.creditNotes].every((s) => s.date <= day));
        expect(isOverdue(inv, day)).toBe(invoiceStatus(inv, day) === 'overdue');
        if (isOverdue(inv, day)) expect(daysPastDue(inv, day)).toBe(daysLate(inv, day));
      }),
      { numRuns: 500 },
    );
  });

  it('is never negative, and an overdue invoice is at least 1 day past due', () => {
    fc.assert(
      fc.property(arbitraryInvoiceSpec, arbitraryDay, (spec, day) => {
        const inv = invoice(spec);
        const days = daysPastDue(inv, day);
        expect(days).toBeGreaterThanOrEqual(0);
        if (isOverdue(inv, day)) expect(days).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('once cleared, it no longer changes from day to day', () => {
    fc.assert(
      fc.property(arbitraryInvoiceSpec, arbitraryDay, fc.integer({ min: 1, max: 400 }), (spec, day, later) => {
        const inv = invoice(spec);
        fc.pre(daysAfterDueAtClearing(inv, day) !== null);
        const laterDay = fromDayNumber(dayNumber(day) + later);
        expect(daysPastDue(inv, laterDay)).toBe(daysPastDue(inv, day));
      }),
    );
  });
});
