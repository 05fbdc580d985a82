import { describe, expect, it } from 'vitest';
import { CUSTOMER_A, invoice } from '@core/lateness/test-invoices';
import { byGradeThenOwed, compareGrades, gradeCustomer, gradeWindow, trendStart, type GradedCustomer } from './grade-trend';

const today = '2025-06-30';
const customer = { id: CUSTOMER_A, displayName: 'Ada Fitzgerald' };

describe('compareGrades', () => {
  it.each([
    ['A', 'C', 'better'],
    ['D', 'B', 'worse'],
    ['B', 'B', 'same'],
    ['C', null, 'new'],
    [null, 'A', 'none'],
    [null, null, 'none'],
  ] as const)('%s now, %s then: %s', (now, then, trend) => {
    expect(compareGrades(now, then)).toBe(trend);
  });
});

describe('gradeWindow', () => {
  it('reads the last 12 months and anything older still owed on the day', () => {
    const recent = invoice({ issue: '2025-01-10', due: '2025-02-10', paid: [['2025-02-10', 10_000]] });
    const oldPaid = invoice({ issue: '2024-03-01', due: '2024-04-01', paid: [['2024-04-01', 10_000]] });
    const oldOwed = invoice({ issue: '2024-03-01', due: '2024-04-01' });
    const future = invoice({ issue: '2025-07-01', due: '2025-07-31' });
    expect(gradeWindow([recent, oldPaid, oldOwed, future], today).map((i) => i.id)).toEqual([recent.id, oldOwed.id]);
  });
});

describe('gradeCustomer', () => {
  it('sees a customer who now pays on time as better than six months ago', () => {
    expect(trendStart(today)).toBe('2024-12-30');
    const invoices = [
      // Paid 40 days late in 2024: a C then.
      invoice({ customer: CUSTOMER_A, issue: '2024-09-01', due: '2024-10-01', total: 10_000, paid: [['2024-11-10', 10_000]] }),
      // Since then, three paid on the day, for much more: an A now (weighted by amount).
      ...['2025-02-01', '2025-03-01', '2025-04-01'].map((due) =>
        invoice({ customer: CUSTOMER_A, issue: '2025-01-01', due, total: 100_000, paid: [[due, 100_000]] }),
      ),
      // Something open, not yet due: owed, not late.
      invoice({ customer: CUSTOMER_A, issue: '2025-06-20', due: '2025-07-20', total: 4_200, currency: 'GBP' }),
    ];
    const row = gradeCustomer(customer, invoices, today, 'GBP');
    expect(row).toMatchObject({ grade: 'A', gradeThen: 'C', trend: 'better', owedMinor: 4_200, overdueCount: 0, phrase: 'usually pays around 1 day after due' });
  });

  it('has no grade without history, and owes only in the business currency', () => {
    const row = gradeCustomer(customer, [invoice({ customer: CUSTOMER_A, issue: '2025-06-20', due: '2025-07-20', currency: 'EUR' })], today, 'GBP');
    expect(row).toMatchObject({ grade: null, phrase: null, trend: 'none', owedMinor: 0 });
  });
});

describe('byGradeThenOwed', () => {
  it('puts the worst payers first, then who owes the most, then no history', () => {
    const row = (name: string, grade: GradedCustomer['grade'], owedMinor: number): GradedCustomer => ({
      customerId: name, name, grade, phrase: null, gradeThen: null, trend: 'none', owedMinor, overdueCount: 0,
    });
    const sorted = [row('a', 'A', 5), row('n', null, 100), row('d1', 'D', 1), row('d2', 'D', 9), row('b', 'B', 0)].sort(byGradeThenOwed);
    expect(sorted.map((r) => r.name)).toEqual(['d2', 'd1', 'b', 'a', 'n']);
  });
});
