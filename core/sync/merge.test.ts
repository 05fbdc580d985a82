import { describe, expect, it } from 'vitest';
import { applyChange, diffRecords, sameJson, toRecord } from './merge';
import type { Change } from './protocol';

const payment = (id: string, amountMinor = 100) => ({ id, date: '2026-01-02', amountMinor, method: 'cash', recordedBy: '', recordedAt: '2026-01-02T10:00:00.000Z' });

describe('diffRecords', () => {
  it('sends every travelling field of a new record and none of the derived ones', () => {
    const change = diffRecords('customers', 'c1', undefined, { id: 'c1', displayName: 'Ann', tokens: ['ann'], nameKey: 'ann' });
    expect(change).toEqual({ table: 'customers', id: 'c1', op: 'put', set: { id: 'c1', displayName: 'Ann' }, append: {} });
  });

  it('sends only the fields that changed', () => {
    const before = { id: 'c1', displayName: 'Ann', notes: 'a', address: { city: 'X', line1: '' } };
    const after = { id: 'c1', displayName: 'Ann', notes: 'b', address: { line1: '', city: 'X' } };
    expect(diffRecords('customers', 'c1', before, after)).toEqual({ table: 'customers', id: 'c1', op: 'put', set: { notes: 'b' }, append: {} });
  });

  it('returns null when nothing that travels changed', () => {
    expect(diffRecords('customers', 'c1', { id: 'c1', tokens: ['a'] }, { id: 'c1', tokens: ['b'] })).toBeNull();
  });

  it('sends new payments as appended items, not as a replaced list', () => {
    const before = { id: 'i1', payments: [payment('p1')] };
    const after = { id: 'i1', payments: [payment('p1'), payment('p2')] };
    expect(diffRecords('invoices', 'i1', before, after)).toEqual({ table: 'invoices', id: 'i1', op: 'put', set: {}, append: { payments: [payment('p2')] } });
  });

  it('turns a removal into a delete', () => {
    expect(diffRecords('ratings', 'r1', { id: 'r1' }, undefined)).toEqual({ table: 'ratings', id: 'r1', op: 'delete' });
    expect(diffRecords('ratings', 'r1', undefined, undefined)).toBeNull();
  });
});

describe('applyChange', () => {
  const put = (set: Record<string, unknown>, append: Record<string, unknown[]> = {}): Change => ({ table: 'invoices', id: 'i1', op: 'put', set, append });

  it('merges field by field: different fields from two PCs are both kept', () => {
    const a = applyChange('invoices', undefined, put({ id: 'i1', notes: '', number: 'A' }));
    if (a === 'ignored') throw new Error('unexpected');
    const b = applyChange('invoices', a, put({ notes: 'from PC 1' }));
    if (b === 'ignored') throw new Error('unexpected');
    const c = applyChange('invoices', b, put({ number: 'B' }));
    expect(c).toEqual({ deleted: false, data: { id: 'i1', notes: 'from PC 1', number: 'B', payments: [], creditNotes: [] } });
  });

  it('keeps the union of payments recorded on two PCs, each once', () => {
    const held = { deleted: false as const, data: { id: 'i1', payments: [payment('p1')], creditNotes: [] } };
    const one = applyChange('invoices', held, put({}, { payments: [payment('p2')] }));
    if (one === 'ignored') throw new Error('unexpected');
    const two = applyChange('invoices', one, put({}, { payments: [payment('p3'), payment('p2')] }));
    expect(two !== 'ignored' && (two.data?.['payments'] as { id: string }[]).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('lets a delete win over a later edit', () => {
    const deleted = applyChange('invoices', { deleted: false, data: { id: 'i1' } }, { table: 'invoices', id: 'i1', op: 'delete' });
    expect(deleted).toEqual({ deleted: true, data: null });
    expect(applyChange('invoices', { deleted: true, data: null }, put({ notes: 'late edit' }))).toBe('ignored');
  });
});

describe('toRecord and sameJson', () => {
  it('strips derived fields only', () => {
    expect(toRecord('invoices', { id: 'i1', numberKey: 'A', openDueDate: '2026-01-01', number: 'a' })).toEqual({ id: 'i1', number: 'a' });
  });

  it('compares JSON values regardless of key order and undefined keys', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, { a: 0 })).toBe(false);
  });
});
