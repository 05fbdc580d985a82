import { afterEach, describe, expect, it } from 'vitest';
import { openTestDb, testContext } from './test-db';
import { createCustomer, deleteCustomer, getCustomer, mergeCustomers, setCustomerStatus, updateCustomer } from './customers-repo';
import { createInvoice, invoicesOfCustomer } from './invoices-repo';
import { addRating, ratingsOfCustomer } from './ratings-repo';
import { statusHistory } from './book-meta';
import { clearRowProblems, subscribeRowProblems, type RowProblem } from './read-validation';
import type { BookDb } from './book-db';
import type { CustomerRow } from './rows';

const input = (over: Record<string, unknown> = {}) => ({
  displayName: 'Zoë Harper',
  company: 'Harper & Sons',
  phones: ['07700 900123'],
  emails: [' Zoe.Harper@Example.com '],
  taxId: 'gb 123 4567 89',
  address: { line1: '1 Quay St', line2: '', city: 'Bristol', postcode: 'BS1 4DJ', region: '', country: 'GB' },
  tags: ['builder'],
  notes: '',
  ...over,
});

let db: BookDb;
afterEach(() => db?.close());

describe('customers', () => {
  it('normalises identifiers on create and derives search tokens', async () => {
    ({ db } = openTestDb());
    const result = await createCustomer(db, input(), testContext());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.phones).toEqual(['+447700900123']);
    expect(result.value.emails).toEqual(['zoe.harper@example.com']);
    const row = await db.customers.get(result.value.id);
    expect(row?.tokens).toContain('zoe');
    expect(row?.tokens).toContain('07700900123');
    expect(row?.nameKey).toBe('zoe harper');
  });

  it('returns field issues for bad input and stores nothing', async () => {
    ({ db } = openTestDb());
    const result = await createCustomer(db, input({ displayName: '  ', phones: ['not a phone'] }), testContext());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['displayName']));
    expect(await db.customers.count()).toBe(0);
  });

  it('keeps the status and its history together, with who and why', async () => {
    ({ db } = openTestDb());
    const ctx = testContext({ actor: 'Maria Owner' });
    const created = await createCustomer(db, input(), ctx);
    if (!created.ok) throw new Error('setup');
    const missingReason = await setCustomerStatus(db, created.value.id, { value: 'blacklisted', reason: ' ' }, ctx);
    expect(missingReason.ok).toBe(false);
    const set = await setCustomerStatus(db, created.value.id, { value: 'blacklisted', reason: 'Two invoices unpaid' }, ctx);
    expect(set.ok && set.value.status).toMatchObject({ value: 'blacklisted', reason: 'Two invoices unpaid', setBy: 'Maria Owner' });
    const history = await statusHistory(db, created.value.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ from: 'ok', to: 'blacklisted', setBy: 'Maria Owner' });
  });

  it('updates without touching status or creation stamp', async () => {
    ({ db } = openTestDb());
    const ctx = testContext();
    const created = await createCustomer(db, input(), ctx);
    if (!created.ok) throw new Error('setup');
    const updated = await updateCustomer(db, created.value.id, input({ displayName: 'Zoë Harper-Lee' }), ctx);
    expect(updated.ok && updated.value.displayName).toBe('Zoë Harper-Lee');
    expect(updated.ok && updated.value.createdAt).toBe(created.value.createdAt);
    expect((await db.customers.get(created.value.id))?.tokens).toContain('lee');
  });

  it('merges a duplicate: identifiers combined, invoices and ratings moved, duplicate gone', async () => {
    ({ db } = openTestDb());
    const ctx = testContext();
    const a = await createCustomer(db, input(), ctx);
    const b = await createCustomer(db, input({ displayName: 'Zoe Harper', phones: ['+44 7700 900456'], emails: [] }), ctx);
    if (!a.ok || !b.ok) throw new Error('setup');
    await setCustomerStatus(db, b.value.id, { value: 'watch', reason: 'Bounced cheque' }, ctx);
    const inv = await createInvoice(
      db,
      { number: 'INV-1', customerId: b.value.id, issueDate: '2026-01-01', dueDate: '2026-01-31', currency: 'GBP', totalMinor: 1000, state: 'issued', notes: '' },
      ctx,
    );
    expect(inv.ok).toBe(true);
    const rating = await addRating(
      db,
      { customerId: b.value.id, date: '2026-02-01', scores: { timelyPayment: 2, reliability: 3, respect: 4, effortToServe: 3, overall: 3 }, incidents: [], positives: [], invoiceId: null, note: '' },
      { id: crypto.randomUUID(), name: 'Sam' },
      ctx,
    );
    expect(rating.ok).toBe(true);

    const merged = await mergeCustomers(db, a.value.id, b.value.id, ctx);
    expect(merged.phones).toEqual(['+447700900123', '+447700900456']);
    expect(merged.status.value).toBe('watch');
    expect(await getCustomer(db, b.value.id)).toBeUndefined();
    expect(await invoicesOfCustomer(db, a.value.id)).toHaveLength(1);
    expect(await ratingsOfCustomer(db, a.value.id)).toHaveLength(1);
    // The duplicate's own history moved over, plus the kept customer's change to watch.
    const history = await statusHistory(db, a.value.id);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ from: 'ok', to: 'watch' });
  });

  it('deletes a customer with their invoices and ratings in one go', async () => {
    ({ db } = openTestDb());
    const ctx = testContext();
    const a = await createCustomer(db, input(), ctx);
    if (!a.ok) throw new Error('setup');
    await createInvoice(
      db,
      { number: 'INV-9', customerId: a.value.id, issueDate: '2026-01-01', dueDate: '2026-01-31', currency: 'GBP', totalMinor: 500, state: 'issued', notes: '' },
      ctx,
    );
    await deleteCustomer(db, a.value.id);
    expect(await db.customers.count()).toBe(0);
    expect(await db.invoices.count()).toBe(0);
  });

  it('reports a row that fails validation by table and id instead of returning it', async () => {
    ({ db } = openTestDb());
    clearRowProblems();
    const seen: RowProblem[][] = [];
    const stop = subscribeRowProblems((p) => seen.push([...p]));
    const id = crypto.randomUUID();
    // A row as a broken older build or a hand edit might leave it: phones not in E.164.
    const broken = { ...input(), id, phones: ['12'], status: { value: 'ok', reason: '', setBy: '', setAt: '2026-01-01T00:00:00.000Z' }, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', tokens: [], nameKey: 'x' };
    await db.customers.put(broken as unknown as CustomerRow);
    expect(await getCustomer(db, id)).toBeUndefined();
    stop();
    const last = seen[seen.length - 1] ?? [];
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ table: 'customers', id });
    expect(last[0]?.issues.join(' ')).toMatch(/phones\.0/);
  });
});
