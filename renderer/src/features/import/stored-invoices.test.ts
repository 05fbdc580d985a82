import { afterEach, describe, expect, it } from 'vitest';
import type { BookDb } from '../../db/book-db';
import { openTestDb } from '../../db/test-db';
import { applyInvoicePlan } from './apply-invoices';
import { storedInvoicesByNumberKey } from './stored-invoices';
import { invoicePlan, seedBook } from './test-book';

let db: BookDb;
afterEach(() => db?.close());

describe('storedInvoicesByNumberKey', () => {
  it('finds the wanted numbers whether the range between them is sparse or crowded', async () => {
    ({ db } = openTestDb());
    const { ctx } = await seedBook(db);
    const lines = ['Invoice No,Customer,Date,Amount'];
    for (let i = 0; i < 1500; i++) lines.push(`N-${String(i).padStart(4, '0')},Ada,2026-01-01,1`);
    await applyInvoicePlan(db, invoicePlan(lines.join('\n')), { mode: 'all-or-nothing', ctx });

    const numbers = (rows: { number: string }[]) => rows.map((r) => r.number).sort();
    // One read of the range N-0001…N-0003.
    expect(numbers(await storedInvoicesByNumberKey(db, ['N-0003', 'N-0001', 'N-9999']))).toEqual(['N-0001', 'N-0003']);
    // Two numbers far apart with 1,500 rows between them: anyOf instead.
    expect(numbers(await storedInvoicesByNumberKey(db, ['INV-OLD', 'N-1499']))).toEqual(['INV-OLD', 'N-1499']);
    expect(await storedInvoicesByNumberKey(db, [])).toEqual([]);
    expect(await storedInvoicesByNumberKey(db, ['A', 'B'])).toEqual([]);
  });
});
