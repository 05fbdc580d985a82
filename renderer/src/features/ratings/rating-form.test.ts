import { describe, expect, it } from 'vitest';
import { issueAt } from '@core/field-issues';
import { newRatingForm, ratingInputFromForm, toggleTag, type RatingFormState } from './rating-form';

const CUSTOMER = '3f2b8c1e-9d4a-4e5f-8a7b-1c2d3e4f5a6b';
const INVOICE = '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';

function scored(overrides: Partial<RatingFormState> = {}): RatingFormState {
  return {
    ...newRatingForm('2025-06-30', null),
    scores: { timelyPayment: 2, reliability: 4, respect: 5, effortToServe: 3, overall: 3 },
    ...overrides,
  };
}

describe('newRatingForm', () => {
  it('starts unscored, dated today, linked to the given invoice', () => {
    const form = newRatingForm('2025-06-30', INVOICE);
    expect(Object.values(form.scores).every((s) => s === null)).toBe(true);
    expect(form).toMatchObject({ date: '2025-06-30', invoiceId: INVOICE, incidents: [], positives: [], note: '' });
  });
});

describe('ratingInputFromForm', () => {
  it('builds the input the book takes', () => {
    const result = ratingInputFromForm(scored({ incidents: ['late_payment'], positives: ['loyal'], note: ' slow payer ' }), CUSTOMER, '2025-06-30');
    expect(result).toEqual({
      ok: true,
      value: {
        customerId: CUSTOMER,
        date: '2025-06-30',
        scores: { timelyPayment: 2, reliability: 4, respect: 5, effortToServe: 3, overall: 3 },
        incidents: ['late_payment'],
        positives: ['loyal'],
        invoiceId: null,
        note: 'slow payer',
      },
    });
  });

  it('links the chosen invoice', () => {
    const result = ratingInputFromForm(scored({ invoiceId: INVOICE }), CUSTOMER, '2025-06-30');
    expect(result.ok && result.value.invoiceId).toBe(INVOICE);
  });

  it('points at every criterion left unscored', () => {
    const form = scored();
    const result = ratingInputFromForm({ ...form, scores: { ...form.scores, respect: null, overall: null } }, CUSTOMER, '2025-06-30');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(issueAt(result.issues, 'scores', 'respect')).toBe('Choose a score from 1 to 5 for respect');
    expect(issueAt(result.issues, 'scores', 'overall')).toBe('Choose a score from 1 to 5 for overall');
    expect(issueAt(result.issues, 'scores', 'reliability')).toBeUndefined();
  });

  it('refuses a missing or future date', () => {
    const future = ratingInputFromForm(scored({ date: '2025-07-01' }), CUSTOMER, '2025-06-30');
    expect(!future.ok && issueAt(future.issues, 'date')).toBe('A rating cannot be dated in the future');
    const missing = ratingInputFromForm(scored({ date: '' }), CUSTOMER, '2025-06-30');
    expect(!missing.ok && issueAt(missing.issues, 'date')).toBe('Enter the date of the rating');
  });
});

describe('toggleTag', () => {
  it('adds once and removes', () => {
    expect(toggleTag(['loyal'], 'pleasant', true)).toEqual(['loyal', 'pleasant']);
    expect(toggleTag(['loyal', 'pleasant'], 'loyal', true)).toEqual(['pleasant', 'loyal']);
    expect(toggleTag(['loyal', 'pleasant'], 'loyal', false)).toEqual(['pleasant']);
  });
});
