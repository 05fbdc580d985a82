import { describe, expect, it } from 'vitest';
import { cid, iid } from './test-rows';
import { isLivePromise, promiseOutcome, type PaymentPromise } from './promises';

function promise(patch: Partial<PaymentPromise> = {}): PaymentPromise {
  return {
    id: '00000000-0000-4000-8000-00000000aaaa',
    customerId: cid(1),
    invoiceId: iid(1),
    invoiceIds: [iid(1)],
    promisedDate: '2025-02-10',
    amountMinor: null,
    note: '',
    recordedAt: '2025-02-01T10:00:00.000Z',
    openMinorAtPromise: 10_000,
    status: 'open',
    resolvedOn: null,
    ...patch,
  };
}

describe('promises to pay', () => {
  it('is live up to and including its day', () => {
    expect(isLivePromise(promise(), '2025-02-10')).toBe(true);
    expect(isLivePromise(promise(), '2025-02-11')).toBe(false);
    expect(isLivePromise(promise({ status: 'kept' }), '2025-02-05')).toBe(false);
  });

  it.each([
    // amount promised, still owed, today, outcome
    [null, 10_000, '2025-02-10', 'open'],
    [null, 10_000, '2025-02-11', 'broken'],
    [null, 0, '2025-02-05', 'kept'], // paid early
    [null, 1, '2025-02-11', 'broken'], // a penny short of everything
    [4_000, 6_000, '2025-02-11', 'kept'], // paid what was promised, rest still owed
    [4_000, 6_001, '2025-02-11', 'broken'],
    [4_000, 6_001, '2025-02-09', 'open'],
    [20_000, 0, '2025-02-11', 'kept'], // promised more than owed, paid it all
  ] as const)('promised %s, %i still owed, on %s: %s', (amount, owed, today, outcome) => {
    expect(promiseOutcome(promise({ amountMinor: amount }), owed, today)).toBe(outcome);
  });

  it('leaves a resolved promise as it was', () => {
    expect(promiseOutcome(promise({ status: 'replaced' }), 10_000, '2025-03-01')).toBe('replaced');
    expect(promiseOutcome(promise({ status: 'kept' }), 10_000, '2025-03-01')).toBe('kept');
  });
});
