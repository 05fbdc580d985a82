import { describe, expect, it } from 'vitest';
import { identifierChanges, identifiersOf, normaliseLookup } from './customer-identifiers';
import { customer } from './test-records';

describe('customer identifiers', () => {
  it('reads what is typed into the stored forms', () => {
    expect(normaliseLookup(' +44 7700-900123 ')).toBe('+447700900123');
    expect(normaliseLookup('Ann@Example.TEST')).toBe('ann@example.test');
    expect(normaliseLookup(' gb123456789 ')).toBe('GB123456789');
  });

  it("takes a customer's phones, e-mails and tax id", () => {
    const ann = customer({ emails: ['Ann@Example.test'], taxId: 'gb1' });
    expect([...identifiersOf(ann)]).toEqual(['+447700900123', 'ann@example.test', 'GB1']);
    expect(identifiersOf(null).size).toBe(0);
  });

  it('removes only what went and adds only what came', () => {
    const before = customer({ phones: ['+447700900123', '+447700900124'] });
    const after = { ...before, phones: ['+447700900124', '+447700900125'] };
    expect(identifierChanges([{ id: 'c1', before, after }])).toEqual({
      remove: [{ identifier: '+447700900123', customer_id: 'c1' }],
      add: [{ identifier: '+447700900125', customer_id: 'c1' }],
      addFresh: [],
    });
    expect(identifierChanges([{ id: 'c1', before, after: null }]).remove).toHaveLength(3);
  });

  it('puts every identifier of a customer not held before among the fresh rows', () => {
    const after = customer({ phones: ['+447700900123'] });
    expect(identifierChanges([{ id: 'c2', fresh: true, before: null, after }])).toEqual({
      remove: [],
      add: [],
      addFresh: [...identifiersOf(after)].map((identifier) => ({ identifier, customer_id: 'c2' })),
    });
  });
});
