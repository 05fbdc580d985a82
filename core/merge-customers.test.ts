import { describe, expect, it } from 'vitest';
import { Customer } from './customer';
import type { CustomerStatus } from './customer';
import { mergeCustomerFields } from './merge-customers';

const blankAddress = { line1: '', line2: '', city: '', postcode: '', region: '', country: '' } as const;
const ok: CustomerStatus = { value: 'ok', reason: '', setBy: '', setAt: '2024-01-01T00:00:00Z' };

function customer(n: number, over: Partial<Customer> = {}): Customer {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    displayName: `Customer ${n}`,
    company: '',
    phones: [],
    emails: [],
    taxId: '',
    address: { ...blankAddress },
    tags: [],
    notes: '',
    status: ok,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    ...over,
  };
}

const NOW = '2025-06-01T09:30:00Z';

describe('mergeCustomerFields', () => {
  it("keeps keep's identity, unites identifiers (keep's first) and fills empty fields from drop", () => {
    const keep = customer(1, {
      displayName: 'Zoe Bronte',
      phones: ['+447700900123'],
      emails: ['zoe@example.com'],
      tags: ['VIP', 'trade'],
      createdAt: '2024-05-01T10:00:00Z',
    });
    const drop = customer(2, {
      displayName: 'Zoë Brontë',
      company: 'Riverside Plumbing',
      phones: ['+442079460958', '+447700900123'],
      emails: ['ZOE@example.com', 'zb@example.org'],
      tags: ['vip', 'plumbing'],
      taxId: 'GB123456789',
      address: { line1: '1 High St', line2: '', city: 'York', postcode: 'YO1 7HH', region: '', country: 'GB' },
      createdAt: '2023-02-01T10:00:00Z',
    });
    const m = mergeCustomerFields(keep, drop, NOW);
    expect(m).toEqual({
      ...keep,
      company: 'Riverside Plumbing',
      phones: ['+447700900123', '+442079460958'],
      emails: ['zoe@example.com', 'zb@example.org'],
      tags: ['VIP', 'trade', 'plumbing'],
      taxId: 'GB123456789',
      address: drop.address,
      createdAt: '2023-02-01T10:00:00Z',
      updatedAt: NOW,
    });
    expect(Customer.safeParse(m).success).toBe(true);
  });

  it("keeps keep's filled fields and takes the address whole", () => {
    const keep = customer(1, { company: 'A Ltd', taxId: 'X1', address: { ...blankAddress, line1: '2 Mill Lane', country: 'GB' } });
    const drop = customer(2, { company: 'B Ltd', taxId: 'Y2', address: { ...blankAddress, line1: '9 Elm St', city: 'Leeds', country: 'GB' } });
    const m = mergeCustomerFields(keep, drop, NOW);
    expect([m.company, m.taxId, m.address]).toEqual(['A Ltd', 'X1', keep.address]);
  });

  it("treats an address with only a country as empty, keeping keep's country if drop has none", () => {
    const keep = customer(1, { address: { ...blankAddress, country: 'IE' } });
    const drop = customer(2, { address: { ...blankAddress, city: 'Cork' } });
    expect(mergeCustomerFields(keep, drop, NOW).address).toEqual({ ...blankAddress, city: 'Cork', country: 'IE' });
  });

  it('joins notes with a separator line only when both have some', () => {
    const withNotes = (n: number, notes: string) => customer(n, { notes });
    expect(mergeCustomerFields(withNotes(1, 'Keep note'), withNotes(2, 'Drop note'), NOW).notes).toBe(
      'Keep note\n--- Merged from Customer 2 ---\nDrop note',
    );
    expect(mergeCustomerFields(withNotes(1, ''), withNotes(2, 'Drop note'), NOW).notes).toBe('Drop note');
    expect(mergeCustomerFields(withNotes(1, 'Keep note'), withNotes(2, ''), NOW).notes).toBe('Keep note');
    expect(mergeCustomerFields(withNotes(1, 'Same'), withNotes(2, 'Same'), NOW).notes).toBe('Same');
  });

  it('takes the more severe status, with its reason, who and when', () => {
    const watch: CustomerStatus = { value: 'watch', reason: 'Late twice', setBy: 'Tom', setAt: '2025-02-01T00:00:00Z' };
    const black: CustomerStatus = { value: 'blacklisted', reason: 'Abusive', setBy: 'Margaret', setAt: '2024-06-01T00:00:00Z' };
    expect(mergeCustomerFields(customer(1, { status: watch }), customer(2, { status: black }), NOW).status).toEqual(black);
    expect(mergeCustomerFields(customer(1, { status: black }), customer(2, { status: watch }), NOW).status).toEqual(black);
    expect(mergeCustomerFields(customer(1), customer(2, { status: watch }), NOW).status).toEqual(watch);
    const otherWatch = { ...watch, reason: 'Other' };
    expect(mergeCustomerFields(customer(1, { status: watch }), customer(2, { status: otherWatch }), NOW).status).toEqual(watch);
  });

  it('compares creation times as instants, not as text', () => {
    const keep = customer(1, { createdAt: '2024-01-01T00:00:00Z' });
    const drop = customer(2, { createdAt: '2024-01-01T00:00:00.500Z' });
    expect(mergeCustomerFields(keep, drop, NOW).createdAt).toBe('2024-01-01T00:00:00Z');
  });

  it('stays within the schema limits and writes what does not fit into the notes', () => {
    const phones = (from: number) => Array.from({ length: 8 }, (_, i) => `+4477009001${String(from + i).padStart(2, '0')}`);
    const keep = customer(1, { phones: phones(0), notes: 'x'.repeat(4990) });
    const drop = customer(2, { phones: phones(10), notes: 'y'.repeat(100) });
    const m = mergeCustomerFields(keep, drop, NOW);
    expect(m.phones).toHaveLength(10);
    expect(m.notes).toHaveLength(5000);
    expect(m.notes.endsWith('…')).toBe(true);
    expect(Customer.safeParse(m).success).toBe(true);

    const small = mergeCustomerFields(customer(1, { phones: phones(0) }), customer(2, { phones: phones(10) }), NOW);
    expect(small.notes).toBe('--- Not kept above (limit reached) ---\nPhones: +447700900112, +447700900113, +447700900114, +447700900115, +447700900116, +447700900117');
  });

  it('does not share arrays or objects with its inputs', () => {
    const keep = customer(1, { phones: ['+447700900123'] });
    const m = mergeCustomerFields(keep, customer(2), NOW);
    m.phones.push('+442079460958');
    m.address.city = 'Changed';
    expect(keep.phones).toEqual(['+447700900123']);
    expect(keep.address.city).toBe('');
  });
});
