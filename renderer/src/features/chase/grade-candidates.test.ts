import { describe, expect, it } from 'vitest';
import { CUSTOMER_A, CUSTOMER_B, invoice, testId } from '@core/lateness/test-invoices';
import { pickCandidates, rankOwing } from './grade-candidates';

describe('rankOwing', () => {
  it('ranks customers by what they owe in the business currency', () => {
    const c = testId(0xc0001);
    const ranking = rankOwing(
      [
        invoice({ customer: CUSTOMER_A, total: 100, currency: 'GBP' }),
        invoice({ customer: CUSTOMER_B, total: 300, currency: 'GBP' }),
        invoice({ customer: CUSTOMER_A, total: 250, currency: 'GBP' }),
        invoice({ customer: c, total: 9_999, currency: 'EUR' }),
        invoice({ customer: c, total: 100, currency: 'GBP', paid: [['2024-01-02', 100]] }),
      ],
      'GBP',
    );
    expect(ranking).toEqual([
      { customerId: CUSTOMER_A, owedMinor: 350 },
      { customerId: CUSTOMER_B, owedMinor: 300 },
      { customerId: c, owedMinor: 0 },
    ]);
  });
});

describe('pickCandidates', () => {
  it('fills up to the cap with recent customers, owing ones first, no one twice', () => {
    expect(pickCandidates(['a', 'b'], ['b', 'c', 'd', 'e'], 4)).toEqual(['a', 'b', 'c', 'd']);
    expect(pickCandidates(['a', 'b', 'c'], ['d'], 2)).toEqual(['a', 'b']);
  });
});
