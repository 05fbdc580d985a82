import { describe, expect, it } from 'vitest';
import type { Held } from '@core/sync/merge';
import { mergeBatch, recordKey } from './merge-batch';
import { create, customer, edit, invoice, payment, remove } from './test-records';

const heldOf = (...records: [string, string, Held][]) => new Map(records.map(([t, id, h]) => [recordKey(t, id), h]));

describe('mergeBatch', () => {
  it('merges a record changed twice in one batch once, in its final state', () => {
    const ann = customer();
    const result = mergeBatch([create('customers', ann), edit('customers', ann.id, { notes: 'second' })], new Map());
    expect(result).toEqual({ ok: true, changed: [{ table: 'customers', id: ann.id, before: undefined, after: { deleted: false, data: { ...ann, notes: 'second' } } }] });
  });

  it('leaves out what does not change: an edit of a tombstone, a second delete, a put of what is held', () => {
    const ann = customer();
    const held = heldOf(['customers', 'gone', { deleted: true, data: null }], ['customers', ann.id, { deleted: false, data: ann }]);
    const result = mergeBatch([edit('customers', 'gone', { notes: 'late' }), remove('customers', 'gone'), edit('customers', ann.id, { notes: ann.notes })], held);
    expect(result).toEqual({ ok: true, changed: [] });
  });

  it('names the table, id and field of an invalid record', () => {
    const ann = customer({ phones: ['07700 900123'] });
    const result = mergeBatch([create('customers', ann)], new Map());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(new RegExp(`customers ${ann.id}, field phones\\.0: Not a valid international phone number`));
  });

  it('names an unknown field, a wrong id, an unknown list and a meta key that does not sync', () => {
    const ann = customer();
    const problem = (changes: Parameters<typeof mergeBatch>[0]) => {
      const r = mergeBatch(changes, new Map());
      return r.ok ? null : r.problem;
    };
    expect(problem([edit('customers', ann.id, { ...ann, nickname: 'A' })])).toMatch(/field nickname/);
    expect(problem([edit('customers', 'other-id', ann)])).toMatch(/customers other-id, field id: .* does not match/);
    const inv = invoice(ann.id);
    expect(problem([edit('invoices', inv.id, inv, { refunds: [payment(1)] })])).toMatch(new RegExp(`invoices ${inv.id}, field refunds`));
    expect(problem([edit('meta', 'lastBackup', { key: 'lastBackup', value: 1 })])).toMatch(/meta lastBackup: this key of meta does not sync/);
  });
});
