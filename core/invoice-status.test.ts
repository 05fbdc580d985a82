import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Invoice, InvoiceState } from './invoice';
import {
  creditedMinor,
  daysLate,
  INVOICE_STATUS_LABELS,
  invoiceStatus,
  openBalanceMinor,
  paidMinor,
} from './invoice-status';
import type { InvoiceStatus } from './invoice-status';

type Fields = Pick<Invoice, 'totalMinor' | 'payments' | 'creditNotes' | 'state' | 'dueDate'>;

const ID = '00000000-0000-4000-8000-000000000000';

function payment(amountMinor: number, date = '2025-03-10'): Invoice['payments'][number] {
  return { id: ID, date, amountMinor, method: 'card', recordedBy: '', recordedAt: `${date}T10:00:00Z` };
}

function credit(amountMinor: number): Invoice['creditNotes'][number] {
  return { id: ID, date: '2025-03-12', amountMinor, reason: '' };
}

function inv(over: Partial<Fields> = {}): Fields {
  return { totalMinor: 10000, payments: [], creditNotes: [], state: 'issued', dueDate: '2025-03-31', ...over };
}

describe('amounts', () => {
  it('adds payments and credit notes', () => {
    const i = inv({ payments: [payment(2500), payment(1000)], creditNotes: [credit(500)] });
    expect(paidMinor(i)).toBe(3500);
    expect(creditedMinor(i)).toBe(500);
    expect(openBalanceMinor(i)).toBe(6000);
    expect(paidMinor(inv())).toBe(0);
  });

  it('never goes below zero when overpaid', () => {
    expect(openBalanceMinor(inv({ payments: [payment(12000)] }))).toBe(0);
    expect(openBalanceMinor(inv({ payments: [payment(9000)], creditNotes: [credit(5000)] }))).toBe(0);
  });

  it('owes nothing on a draft or a written-off invoice', () => {
    expect(openBalanceMinor(inv({ state: 'draft' }))).toBe(0);
    expect(openBalanceMinor(inv({ state: 'written_off', payments: [payment(100)] }))).toBe(0);
    expect(openBalanceMinor(inv({ state: 'disputed' }))).toBe(10000);
  });
});

describe('invoiceStatus', () => {
  const before = '2025-03-15';
  const onDue = '2025-03-31';
  const after = '2025-04-10';

  it.each<[string, Partial<Fields>, string, InvoiceStatus]>([
    ['a draft, even past due', { state: 'draft' }, after, 'draft'],
    ['written off, even if unpaid and late', { state: 'written_off' }, after, 'written_off'],
    ['written off, even if paid', { state: 'written_off', payments: [payment(10000)] }, before, 'written_off'],
    ['paid in full', { payments: [payment(10000)] }, after, 'paid'],
    ['paid by payment and credit note', { payments: [payment(8000)], creditNotes: [credit(2000)] }, after, 'paid'],
    ['a disputed invoice later paid', { state: 'disputed', payments: [payment(10000)] }, after, 'paid'],
    ['a zero invoice', { totalMinor: 0 }, after, 'paid'],
    ['disputed and past due', { state: 'disputed' }, after, 'disputed'],
    ['disputed before due', { state: 'disputed' }, before, 'disputed'],
    ['past due', {}, after, 'overdue'],
    ['past due, partly paid', { payments: [payment(4000)] }, after, 'overdue'],
    ['due today', {}, onDue, 'open'],
    ['partly paid, due today', { payments: [payment(4000)] }, onDue, 'partly_paid'],
    ['credited only, not due', { creditNotes: [credit(4000)] }, before, 'open'],
    ['not yet due', {}, before, 'open'],
  ])('%s', (_name, over, today, expected) => {
    expect(invoiceStatus(inv(over), today)).toBe(expected);
  });

  it('always gives a labelled status', () => {
    const states: InvoiceState[] = ['draft', 'issued', 'disputed', 'written_off'];
    fc.assert(
      fc.property(
        fc.constantFrom(...states),
        fc.integer({ min: 0, max: 100000 }),
        fc.array(fc.integer({ min: 1, max: 50000 }), { maxLength: 4 }),
        fc.integer({ min: -60, max: 60 }),
        (state, totalMinor, pays, offset) => {
          const today = offset < 0 ? '2025-03-01' : offset === 0 ? '2025-03-31' : '2025-05-01';
          const i = inv({ state, totalMinor, payments: pays.map((p) => payment(p)) });
          const s = invoiceStatus(i, today);
          expect(INVOICE_STATUS_LABELS[s]).toBeTruthy();
          if (s === 'overdue' || s === 'open' || s === 'partly_paid' || s === 'disputed') expect(openBalanceMinor(i)).toBeGreaterThan(0);
          if (s === 'paid') expect(openBalanceMinor(i)).toBe(0);
        },
      ),
    );
  });
});

describe('daysLate', () => {
  it('counts days past due for an overdue invoice', () => {
    expect(daysLate(inv(), '2025-04-01')).toBe(1);
    expect(daysLate(inv(), '2025-04-30')).toBe(30);
    expect(daysLate(inv({ payments: [payment(500)] }), '2025-06-29')).toBe(90);
  });

  it('is 0 for anything not overdue with money owing', () => {
    expect(daysLate(inv(), '2025-03-31')).toBe(0);
    expect(daysLate(inv(), '2025-03-01')).toBe(0);
    expect(daysLate(inv({ payments: [payment(10000)] }), '2025-06-01')).toBe(0);
    expect(daysLate(inv({ state: 'disputed' }), '2025-06-01')).toBe(0);
    expect(daysLate(inv({ state: 'written_off' }), '2025-06-01')).toBe(0);
    expect(daysLate(inv({ state: 'draft' }), '2025-06-01')).toBe(0);
  });

  it('counts calendar days across the spring clock change', () => {
    expect(daysLate(inv({ dueDate: '2025-03-29' }), '2025-03-31')).toBe(2);
  });
});
