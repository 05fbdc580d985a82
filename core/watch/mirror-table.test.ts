import { describe, expect, it } from 'vitest';
import { dayNumber } from '../lateness/day-number';
import { MirrorTable, NO_STEP, NOT_STAMPED } from './mirror-table';
import { cid, iid, mirrorCustomer, mirrorInvoice } from './test-rows';

const fresh = { firstSeenDay: NOT_STAMPED, highest: NO_STEP };

describe('MirrorTable', () => {
  it('keeps invoices in typed columns with precomputed day numbers, and gives the row back', () => {
    const t = new MirrorTable();
    const row = mirrorInvoice(1, 1, { dueDate: '2025-03-01', openMinor: 700, disputed: true });
    const { slot, isNew } = t.upsertInvoice(row, { firstSeenDay: 5, highest: 7 });
    expect(isNew).toBe(true);
    expect(t.dueDay[slot]).toBe(dayNumber('2025-03-01'));
    expect(t.openMinor[slot]).toBe(700);
    expect(t.disputed[slot]).toBe(1);
    expect([t.firstSeenDay[slot], t.highest[slot]]).toEqual([5, 7]);
    expect(t.invoiceRow(slot)).toEqual(row);
  });

  it('keeps the chase columns when an invoice is updated (a part payment)', () => {
    const t = new MirrorTable();
    const { slot } = t.upsertInvoice(mirrorInvoice(1, 1), { firstSeenDay: 5, highest: 7 });
    const again = t.upsertInvoice(mirrorInvoice(1, 1, { openMinor: 1 }), fresh);
    expect(again).toEqual({ slot, isNew: false });
    expect([t.firstSeenDay[slot], t.highest[slot], t.openMinor[slot]]).toEqual([5, 7, 1]);
  });

  it('frees a removed slot (open 0, skipped by the loop) and reuses it', () => {
    const t = new MirrorTable();
    const a = t.upsertInvoice(mirrorInvoice(1, 1), fresh).slot;
    t.upsertInvoice(mirrorInvoice(2, 1), fresh);
    expect(t.removeInvoice(iid(1))).toEqual({ slot: a, id: iid(1), customerId: cid(1) });
    expect(t.openMinor[a]).toBe(0);
    expect(t.invoiceCount).toBe(1);
    expect(t.upsertInvoice(mirrorInvoice(3, 2), fresh).slot).toBe(a);
    expect(t.invoiceEnd).toBe(2);
    expect(t.removeInvoice(iid(99))).toBeUndefined();
  });

  it('indexes invoices by customer, follows an invoice moved to another customer, and knows who owes', () => {
    const t = new MirrorTable();
    t.upsertCustomer(mirrorCustomer(1));
    const { slot } = t.upsertInvoice(mirrorInvoice(1, 1), fresh);
    expect(t.isOwing(cid(1))).toBe(true);
    t.upsertInvoice(mirrorInvoice(1, 2), fresh); // customers merged
    expect(t.isOwing(cid(1))).toBe(false);
    expect([...t.invoicesOf(t.customerSlot(cid(2))!)]).toEqual([slot]);
  });

  it('takes an invoice before its customer (snapshot chunks come in any order)', () => {
    const t = new MirrorTable();
    t.upsertInvoice(mirrorInvoice(1, 9), fresh);
    expect(t.customerRow(cid(9))).toBeUndefined();
    expect(t.upsertCustomer(mirrorCustomer(9))).toBeUndefined();
    expect(t.customerRow(cid(9))?.name).toBe('Customer 9');
    expect(t.customerIdList()).toEqual([cid(9)]);
  });

  it('grows past its first capacity', () => {
    const t = new MirrorTable();
    for (let n = 1; n <= 1_000; n++) t.upsertInvoice(mirrorInvoice(n, n % 7, { openMinor: n }), fresh);
    expect(t.invoiceCount).toBe(1_000);
    expect(t.openMinor[t.invoiceSlot(iid(777))!]).toBe(777);
  });
});
