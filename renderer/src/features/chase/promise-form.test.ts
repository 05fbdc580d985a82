import { describe, expect, it } from 'vitest';
import { emptyPromiseForm, readPromiseForm } from './promise-form';

const ctx = { today: '2025-06-10', currency: 'GBP', locale: 'en-GB' };

describe('readPromiseForm', () => {
  it('suggests a week from today, for the invoice when there is one', () => {
    expect(emptyPromiseForm('2025-06-10', true)).toEqual({ promisedDate: '2025-06-17', amount: '', note: '', covers: 'invoice' });
    expect(emptyPromiseForm('2025-06-10', false).covers).toBe('account');
  });

  it('reads a promise with an amount in the business locale', () => {
    expect(readPromiseForm({ promisedDate: '2025-06-13', amount: '£1,250.50', note: ' Friday, by transfer ', covers: 'invoice' }, ctx)).toEqual({
      ok: true,
      value: { promisedDate: '2025-06-13', amountMinor: 125_050, note: 'Friday, by transfer', covers: 'invoice' },
    });
  });

  it('takes an empty amount as everything owed, and today as a promised day', () => {
    const result = readPromiseForm({ promisedDate: '2025-06-10', amount: '  ', note: '', covers: 'account' }, ctx);
    expect(result).toEqual({ ok: true, value: { promisedDate: '2025-06-10', amountMinor: null, note: '', covers: 'account' } });
  });

  it('reports each problem at its field', () => {
    const result = readPromiseForm({ promisedDate: '2025-06-09', amount: '0', note: 'x'.repeat(501), covers: 'invoice' }, ctx);
    expect(result).toEqual({
      ok: false,
      errors: {
        promisedDate: 'A promise is for today or a later day',
        amount: 'Leave it empty for everything owed, or enter more than 0',
        note: 'Keep the note under 500 characters (501 now)',
      },
    });
    const blank = readPromiseForm({ promisedDate: '', amount: 'ten', note: '', covers: 'invoice' }, ctx);
    expect(blank.ok ? null : Object.keys(blank.errors)).toEqual(['promisedDate', 'amount']);
  });
});
