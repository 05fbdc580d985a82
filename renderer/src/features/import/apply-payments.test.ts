import { afterEach, describe, expect, it } from 'vitest';
import type { BookDb } from '../../db/book-db';
import { openTestDb } from '../../db/test-db';
import { applyInvoicePlan } from './apply-invoices';
import { applyPaymentPlan } from './apply-payments';
import { invoiceByNumber, invoicePlan, paymentPlan, seedBook, snapshot } from './test-book';

let db: BookDb;
afterEach(() => db?.close());

const HEADER = 'Invoice Number,Payment Date,Amount,Method,Reference';

async function setup() {
  ({ db } = openTestDb());
  const seeded = await seedBook(db);
  await applyInvoicePlan(
    db,
    invoicePlan(`Invoice No,Customer,Date,Amount,Status,Currency
INV-1,Bob,2026-02-01,50.00,,
INV-D,Bob,2026-02-01,50.00,Draft,
INV-Y,Yen Co,2026-02-01,50,,JPY`),
    { mode: 'all-or-nothing', ctx: seeded.ctx },
  );
  return seeded;
}

describe('applyPaymentPlan', () => {
  it('adds payments, and the same file again adds nothing', async () => {
    const { ctx } = await setup();
    const text = `${HEADER}
INV-1,2026-02-10,20.00,Card,R1
inv-1,2026-02-11,10.00,Cash,R2
INV-OLD,2026-01-10,30.00,Cash,
INV-OLD,2026-02-01,70.00,Bank transfer,`;
    const first = await applyPaymentPlan(db, paymentPlan(text), { mode: 'all-or-nothing', ctx });
    // INV-OLD's £30 on 10 January is already in the book.
    expect(first).toMatchObject({ written: true, rows: 4, created: 3, unchanged: 1, skippedRows: 0, errors: [] });
    expect((await invoiceByNumber(db, 'INV-1'))?.payments.map((p) => [p.date, p.amountMinor, p.method])).toEqual([
      ['2026-02-10', 2_000, 'card'],
      ['2026-02-11', 1_000, 'cash'],
    ]);
    const old = await db.invoices.where('numberKey').equals('INV-OLD').first();
    expect(old?.payments).toHaveLength(2);
    // Paid in full: the row leaves the open index.
    expect(old?.openDueDate).toBeUndefined();

    const before = await snapshot(db);
    const second = await applyPaymentPlan(db, paymentPlan(text), { mode: 'all-or-nothing', ctx });
    expect(second).toMatchObject({ written: false, created: 0, unchanged: 4, errors: [] });
    expect(await snapshot(db)).toEqual(before);
  });

  it('matches equal payments one for one', async () => {
    const { ctx } = await setup();
    const twice = `${HEADER}
INV-1,2026-02-10,5.00,,
INV-1,2026-02-10,5.00,,`;
    expect(await applyPaymentPlan(db, paymentPlan(twice), { mode: 'all-or-nothing', ctx })).toMatchObject({ created: 2, unchanged: 0 });
    expect(await applyPaymentPlan(db, paymentPlan(`${twice}\nINV-1,2026-02-10,5.00,,`), { mode: 'all-or-nothing', ctx })).toMatchObject({ created: 1, unchanged: 2 });
  });

  it('refuses payments for unknown invoices, drafts, and beyond what is owed', async () => {
    const { ctx } = await setup();
    const text = `${HEADER}
INV-9,2026-02-10,5.00,,
INV-D,2026-02-10,5.00,,
INV-1,2026-02-10,30.00,,
INV-1,2026-02-11,30.00,,
INV-Y,2026-02-11,1.50,,
INV-Y,2026-02-11,1,,`;
    const before = await snapshot(db);
    const all = await applyPaymentPlan(db, paymentPlan(text), { mode: 'all-or-nothing', ctx });
    const expectedErrors = [
      { row: 2, column: 'Invoice Number', message: 'There is no invoice INV-9 in the book; import the invoices first' },
      { row: 3, column: 'Invoice Number', message: 'Invoice INV-D is a draft; issue it before recording payments' },
      { row: 5, column: 'Amount', message: 'The payment of £30.00 is more than the £20.00 still owed on invoice INV-1' },
      { row: 6, column: 'Amount', message: 'JPY amounts have no decimals' },
    ];
    expect(all).toMatchObject({ written: false, created: 0 });
    expect(all.errors).toEqual(expectedErrors);
    expect(await snapshot(db)).toEqual(before);

    const skip = await applyPaymentPlan(db, paymentPlan(text), { mode: 'skip-bad-rows', ctx, chunkSize: 1 });
    expect(skip).toMatchObject({ written: true, created: 2, unchanged: 0, skippedRows: 4 });
    expect(skip.errors).toEqual(expectedErrors);
    expect((await invoiceByNumber(db, 'INV-Y'))?.payments.map((p) => p.amountMinor)).toEqual([1]);
  });
});
