import { describe, expect, it } from 'vitest';
import { GRADE_CUTOFFS, paymentGrade, paymentPhrase, type PaymentGrade } from './payment-grade';

describe('paymentGrade', () => {
  it.each<[number | null, number, PaymentGrade | null]>([
    // weighted days late, days the most overdue invoice is overdue now → grade
    [null, 0, null], // no history
    [-10, 0, 'A'], // early payer
    [0, 0, 'A'],
    [GRADE_CUTOFFS.A, 0, 'A'], // 3: cut-offs are inclusive
    [3.01, 0, 'B'],
    [GRADE_CUTOFFS.B, 0, 'B'], // 15
    [15.5, 0, 'C'],
    [GRADE_CUTOFFS.C, 0, 'C'], // 45
    [45.1, 0, 'D'],
    [200, 0, 'D'],
    [0, 90, 'A'], // 90 days overdue is still the 61-90 bucket
    [0, 91, 'D'], // 91 is 90+: D whatever the habit
    [20, 365, 'D'],
    [null, 91, 'D'],
  ])('weighted %s, most overdue %i → %s', (weighted, maxOverdue, grade) => {
    expect(paymentGrade(weighted, maxOverdue)).toBe(grade);
  });
});

describe('paymentPhrase', () => {
  it.each<[number | null, string | null]>([
    [null, null],
    [0, 'usually pays on time'],
    [0.49, 'usually pays on time'],
    [-0.49, 'usually pays on time'],
    [0.5, 'usually pays around 1 day after due'],
    [-0.5, 'usually pays 1 day early'], // halves round away from zero, both ways
    [1, 'usually pays around 1 day after due'],
    [2.5, 'usually pays around 3 days after due'],
    [-2.5, 'usually pays 3 days early'],
    [12.3, 'usually pays around 12 days after due'],
    [20.909, 'usually pays around 21 days after due'],
    [-7, 'usually pays 7 days early'],
    [120, 'usually pays around 120 days after due'],
  ])('%s → %j', (weighted, phrase) => {
    expect(paymentPhrase(weighted)).toBe(phrase);
  });
});
