import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Customer } from './customer';
import { normaliseCustomerInput } from './customer-input';

const blankAddress = { line1: '', line2: '', city: '', postcode: '', region: '', country: '' };

function form(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    displayName: 'Zoë Brontë',
    company: '',
    phones: [],
    emails: [],
    taxId: '',
    address: blankAddress,
    tags: [],
    notes: '',
    ...over,
  };
}

describe('normaliseCustomerInput', () => {
  it('normalises every identifier and de-duplicates', () => {
    const r = normaliseCustomerInput(
      form({
        displayName: '  Zoë   Brontë ',
        company: ' Riverside  Plumbing Ltd ',
        phones: ['07700 900123', '+44 7700 900123', '(020) 7946 0958'],
        emails: [' Zoe@Example.com', 'zoe@example.com ', 'zb@example.org'],
        taxId: 'gb 123 4567 89',
        tags: [' VIP ', 'vip', 'trade', 'Trade '],
        notes: '  Ring the side bell.  ',
        address: { ...blankAddress, city: ' York ', country: 'GB' },
      }),
      'GB',
    );
    expect(r).toEqual({
      ok: true,
      value: {
        displayName: 'Zoë Brontë',
        company: 'Riverside Plumbing Ltd',
        phones: ['+447700900123', '+442079460958'],
        emails: ['zoe@example.com', 'zb@example.org'],
        taxId: 'GB123456789',
        address: { ...blankAddress, city: 'York', country: 'GB' },
        tags: ['VIP', 'trade'],
        notes: 'Ring the side bell.',
      },
    });
  });

  it('gives values the stored Customer schema accepts', () => {
    const r = normaliseCustomerInput(form({ phones: ['07700 900123'], emails: ['A@B.CO'] }), 'GB');
    if (!r.ok) throw new Error('expected ok');
    const stored = {
      ...r.value,
      id: '00000000-0000-4000-8000-000000000001',
      status: { value: 'ok', reason: '', setBy: '', setAt: '2025-01-01T00:00:00Z' },
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    };
    expect(Customer.safeParse(stored).success).toBe(true);
  });

  it('points at each unreadable phone and e-mail, in words a clerk understands', () => {
    const r = normaliseCustomerInput(form({ phones: ['07700 900123', '0770090', 'call me'], emails: ['jo.example.com'] }), 'GB');
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: ['phones', 1], message: 'Not a complete number for United Kingdom; check for a missing or extra digit' },
        { path: ['phones', 2], message: 'A phone number can only have digits, spaces and + ( ) - .' },
        { path: ['emails', 0], message: 'An e-mail address needs an @, like name@example.com' },
      ],
    });
  });

  it('explains schema problems per field', () => {
    const r = normaliseCustomerInput(form({ displayName: '   ', notes: 'x'.repeat(5001), tags: ['ok', '  '], extra: 1 }), 'GB');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual(
      expect.arrayContaining([
        { path: ['displayName'], message: "Enter the customer's name" },
        { path: ['notes'], message: 'Notes can be at most 5000 characters' },
        { path: ['tags', 1], message: 'This entry is empty' },
        { path: [], message: 'Unknown field: extra' },
      ]),
    );
  });

  it('reports unreadable phones alongside other problems, in one round', () => {
    const r = normaliseCustomerInput(form({ displayName: '', phones: ['0770090', '07700 900123'], emails: ['nope'] }), 'GB');
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: ['displayName'], message: "Enter the customer's name" },
        { path: ['phones', 0], message: 'Not a complete number for United Kingdom; check for a missing or extra digit' },
        { path: ['emails', 0], message: 'An e-mail address needs an @, like name@example.com' },
      ],
    });
  });

  it('says what is missing', () => {
    const r = normaliseCustomerInput({ displayName: 'Al' }, 'GB');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual({ path: ['phones'], message: 'Phone numbers is missing' });
    expect(r.issues).toContainEqual({ path: ['address'], message: 'Address is missing' });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ displayName: fc.string(), phones: fc.array(fc.string()), emails: fc.array(fc.string()) })), (input) => {
        const r = normaliseCustomerInput(input, 'GB');
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
      }),
    );
    expect(normaliseCustomerInput(null, 'GB').ok).toBe(false);
    expect(normaliseCustomerInput(undefined, '').ok).toBe(false);
  });
});
