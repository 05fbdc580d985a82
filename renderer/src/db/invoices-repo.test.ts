import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BookDb } from './book-db';
import { openTestDb, testContext } from './test-db';
import { createCustomer } from './customers-repo';
import { createInvoice, getInvoice, listInvoiceIds, recordPayment, setInvoiceState, suggestInvoiceNumber, updateInvoice } from './invoices-repo';
import { WriteError } from './write-error';

let db: BookDb;
afterEach(() => db?.close());

async function withCustomer() {
  ({ db } = openTestDb());
  const ctx = testContext();
  const c = await createCustomer(
    db,
    { displayName: 'Ada Lovelace', company: '', phones: [], emails: [], taxId: '', address: { line1: '', line2: '', city: '', postcode: '', region: '', country: 'GB' }, tags: [], notes: '' },
    ctx,
  );
  if (!c.ok) throw new Error('setup');
  const invoice = (number: string, dueDate: string, totalMinor = 10_000) =>
    createInvoice(db, { number, customerId: c.value.id, issueDate: '2026-01-01', dueDate, currency: 'GBP', totalMinor, state: 'issued', notes: '' }, ctx);
  return { ctx, customerId: c.value.id, invoice };
}

describe('invoices', () => {
  it('refuses a second invoice with the same number, whatever its case', async () => {
    const { invoice } = await withCustomer();
    expect((await invoice('INV-1', '2026-02-01')).ok).toBe(true);
    const again = await invoice('inv-1', '2026-02-01');
    expect(again.ok).toBe(false);
    expect(!again.ok && again.issues[0]?.path).toEqual(['number']);
    expect(await db.invoices.count()).toBe(1);
  });

  it('rejects a due date before the issue date at the due date field', async () => {
    const { invoice } = await withCustomer();
    const bad = await invoice('INV-2', '2025-12-01');
    expect(!bad.ok && bad.issues[0]?.path).toEqual(['dueDate']);
  });

  it('records payments, refuses overpayment, and keeps open/overdue lists in step', async () => {
    const { invoice, ctx } = await withCustomer();
    const a = await invoice('INV-A', '2026-01-15');
    const b = await invoice('INV-B', '2026-04-01');
    if (!a.ok || !b.ok) throw new Error('setup');
    expect(await listInvoiceIds(db, 'overdue', '2026-02-01')).toEqual([a.value.id]);
    expect(await listInvoiceIds(db, 'open', '2026-02-01')).toEqual([a.value.id, b.value.id]);

    const tooMuch = await recordPayment(db, a.value.id, { date: '2026-02-01', amountMinor: 10_001, method: 'cash' }, ctx);
    expect(!tooMuch.ok && tooMuch.issues[0]?.message).toMatch(/more than the £100\.00 still owed/);

    const part = await recordPayment(db, a.value.id, { date: '2026-02-01', amountMinor: 4_000, method: 'card' }, ctx);
    expect(part.ok && part.value.payments[0]).toMatchObject({ amountMinor: 4_000, recordedBy: 'Sam Counter' });
    expect(await listInvoiceIds(db, 'overdue', '2026-02-01')).toEqual([a.value.id]);

    await recordPayment(db, a.value.id, { date: '2026-02-02', amountMinor: 6_000, method: 'card' }, ctx);
    expect(await listInvoiceIds(db, 'overdue', '2026-02-03')).toEqual([]);
    expect(await listInvoiceIds(db, 'paid', '2026-02-03')).toEqual([a.value.id]);

    await setInvoiceState(db, b.value.id, 'disputed', ctx);
    expect(await listInvoiceIds(db, 'overdue', '2026-05-01')).toEqual([]);
    expect(await listInvoiceIds(db, 'open', '2026-05-01')).toEqual([b.value.id]);
    await setInvoiceState(db, b.value.id, 'written_off', ctx);
    expect(await listInvoiceIds(db, 'paid', '2026-02-03')).toEqual([a.value.id]);
    expect(await listInvoiceIds(db, 'open', '2026-02-03')).toEqual([]);
  });

  it('will not lower a total below what was already paid', async () => {
    const { invoice, ctx, customerId } = await withCustomer();
    const a = await invoice('INV-T', '2026-02-01');
    if (!a.ok) throw new Error('setup');
    await recordPayment(db, a.value.id, { date: '2026-01-10', amountMinor: 5_000, method: 'cash' }, ctx);
    const lowered = await updateInvoice(
      db,
      a.value.id,
      { number: 'INV-T', customerId, issueDate: '2026-01-01', dueDate: '2026-02-01', currency: 'GBP', totalMinor: 4_000, state: 'issued', notes: '' },
      ctx,
    );
    expect(!lowered.ok && lowered.issues[0]?.path).toEqual(['totalMinor']);
    const otherCurrency = await updateInvoice(
      db,
      a.value.id,
      { number: 'INV-T', customerId, issueDate: '2026-01-01', dueDate: '2026-02-01', currency: 'EUR', totalMinor: 10_000, state: 'issued', notes: '' },
      ctx,
    );
    expect(!otherCurrency.ok && otherCurrency.issues[0]?.path).toEqual(['currency']);
    expect((await getInvoice(db, a.value.id))?.totalMinor).toBe(10_000);
  });

  it('suggests the next number in the series', async () => {
    const { invoice } = await withCustomer();
    expect(await suggestInvoiceNumber(db, 2026)).toBe('INV-2026-00001');
    await invoice('INV-2026-00041', '2026-02-01');
    expect(await suggestInvoiceNumber(db, 2026)).toBe('INV-2026-00042');
  });

  it('leaves nothing behind when a write fails half-way', async () => {
    const { invoice, ctx } = await withCustomer();
    const a = await invoice('INV-X', '2026-02-01');
    if (!a.ok) throw new Error('setup');
    // Fail inside the payment's transaction, after the read: the put must not survive.
    const put = vi.spyOn(db.invoices, 'put').mockImplementation(() => Dexie.Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' })));
    await expect(recordPayment(db, a.value.id, { date: '2026-01-10', amountMinor: 100, method: 'cash' }, ctx)).rejects.toThrow(WriteError);
    await expect(recordPayment(db, a.value.id, { date: '2026-01-10', amountMinor: 100, method: 'cash' }, ctx)).rejects.toThrow(/no storage left/);
    put.mockRestore();
    expect((await getInvoice(db, a.value.id))?.payments).toEqual([]);
  });
});
