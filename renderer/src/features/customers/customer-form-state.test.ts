import { describe, expect, it } from 'vitest';
import { emptyCustomerForm, formToInput } from './customer-form-state';

describe('formToInput', () => {
  it('drops empty phone and e-mail rows but remembers where the others were', () => {
    const form = { ...emptyCustomerForm('GB', 'Ada'), phones: ['', '07700 900123', ' '], emails: ['ada@example.com', ''] };
    const { input, phoneRows, emailRows } = formToInput(form);
    expect(input.phones).toEqual(['07700 900123']);
    expect(phoneRows).toEqual([1]);
    expect(input.emails).toEqual(['ada@example.com']);
    expect(emailRows).toEqual([0]);
  });

  it('splits tags on commas and upper-cases the country', () => {
    const { input } = formToInput({ ...emptyCustomerForm('gb', 'Ada'), tags: 'builder, , trade ' });
    expect(input.tags).toEqual(['builder', 'trade']);
    expect(input.address.country).toBe('GB');
  });
});
