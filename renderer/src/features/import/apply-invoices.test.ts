import { afterEach, describe, expect, it } from 'vitest';
import type { BookDb } from '../../db/book-db';
import { openTestDb } from '../../db/test-db';
import { applyInvoicePlan } from './apply-invoices';
import type { ImportMode } from './import-result';
import { invoiceByNumber, invoicePlan, seedBook, snapshot } from './test-book';

let db: BookDb;
afterEach(() => db?.close());

const HEADER = 'Invoice No,Customer,Email,Date,Due Date,Amount,Paid,Description';
const GOOD = `${HEADER}
INV-1,Ada Lovelace,ada@example.com,2026-02-01,2026-03-01,120.00,,Nails
INV-2,Bob Marsh,,2026-02-02,,80.00,20.00,
INV-2,Bob Marsh,,2026-02-02,,5.50,20.00,
INV-3,Cy Young,cy@example.com,2026-02-03,,10,,`;

async function setup() {
  ({ db } = openTestDb());
  return seedBook(db);
}

describe('applyInvoicePlan', () => {
  it('creates invoices and customers, matching an existing customer by e-mail', async () => {
    const { ctx, adaId } = await setup();
    const progress: number[] = [];
    const result = await applyInvoicePlan(db, invoicePlan(GOOD), { mode: 'all-or-nothing', ctx }, (p) => progress.push(p.done));
    expect(result).toMatchObject({ written: true, rows: 4, created: 3, updated: 0, unchanged: 0, skippedRows: 0, customersCreated: 2, errors: [], stopped: null });
    expect(progress.at(-1)).toBe(4);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const inv1 = await invoiceByNumber(db, 'INV-1');
    expect(inv1).toMatchObject({ customerId: adaId, totalMinor: 12_000, dueDate: '2026-03-01', state: 'issued', notes: 'Nails', payments: [] });
    const inv2 = await invoiceByNumber(db, 'INV-2');
    expect(inv2).toMatchObject({ totalMinor: 8_550, dueDate: '2026-03-04' });
    expect(inv2?.payments).toMatchObject([{ amountMinor: 2_000, date: '2026-03-01', method: 'other', recordedBy: 'Sam Counter' }]);
    const bob = await db.customers.get(inv2?.customerId ?? '');
    expect(bob).toMatchObject({ displayName: 'Bob Marsh', emails: [], phones: [], nameKey: 'bob marsh', tokens: ['bob', 'marsh'] });
    expect(await db.customers.count()).toBe(3);
    // The row's index keys are the book's own: the open/overdue lists see the new invoices.
    expect((await db.invoices.where('openDueDate').equals('2026-03-01').count())).toBe(1);
  });

  it('imports the same file a second time as all unchanged, writing nothing', async () => {
    const { ctx } = await setup();
    await applyInvoicePlan(db, invoicePlan(GOOD), { mode: 'all-or-nothing', ctx });
    const before = await snapshot(db);
    const again = await applyInvoicePlan(db, invoicePlan(GOOD), { mode: 'skip-bad-rows', ctx });
    expect(again).toMatchObject({ written: false, created: 0, updated: 0, unchanged: 3, skippedRows: 0, customersCreated: 0, errors: [] });
    expect(await snapshot(db)).toEqual(before);
  });

  it('updates an existing invoice that differs, keeping its payments and the notes someone typed', async () => {
    const { ctx, adaId, oldId } = await setup();
    const result = await applyInvoicePlan(
      db,
      invoicePlan(`${HEADER}
inv-old,Ada Lovelace,ada@example.com,2026-01-01,2026-02-15,150.00,,From the file`),
      { mode: 'all-or-nothing', ctx },
    );
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const old = await db.invoices.get(oldId);
    expect(old).toMatchObject({ number: 'INV-OLD', customerId: adaId, totalMinor: 15_000, dueDate: '2026-02-15', notes: 'Typed by hand', openDueDate: '2026-02-15' });
    expect(old?.payments).toHaveLength(1);
  });

  it('adds the difference when the file says more has been paid than the book has recorded', async () => {
    const { ctx, oldId } = await setup();
    const text = `${HEADER}
INV-OLD,Ada Lovelace,ada@example.com,2026-01-01,2026-01-31,100.00,50.00,`;
    expect(await applyInvoicePlan(db, invoicePlan(text), { mode: 'all-or-nothing', ctx })).toMatchObject({ updated: 1 });
    expect((await db.invoices.get(oldId))?.payments.map((p) => [p.date, p.amountMinor])).toEqual([
      ['2026-01-10', 3_000],
      ['2026-01-31', 2_000],
    ]);
    expect(await applyInvoicePlan(db, invoicePlan(text), { mode: 'all-or-nothing', ctx })).toMatchObject({ updated: 0, unchanged: 1 });
  });

  it('all-or-nothing: a row with a problem leaves the book untouched', async () => {
    const { ctx } = await setup();
    const before = await snapshot(db);
    const result = await applyInvoicePlan(db, invoicePlan(`${GOOD}\nINV-4,Dee,,2026-02-30,,10,,`), { mode: 'all-or-nothing', ctx });
    expect(result).toMatchObject({ written: false, created: 0, skippedRows: 5 });
    expect(result.errors).toEqual([{ row: 6, column: 'Date', message: '"2026-02-30" is not a real date: February 2026 has no day 30' }]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('all-or-nothing: a problem only the book reveals also leaves it untouched', async () => {
    const { ctx } = await setup();
    const before = await snapshot(db);
    // INV-OLD has £30 paid: its total cannot drop to £20.
    const result = await applyInvoicePlan(db, invoicePlan(`${GOOD}\nINV-OLD,Ada Lovelace,ada@example.com,2026-01-01,,20.00,,`), { mode: 'all-or-nothing', ctx });
    expect(result.written).toBe(false);
    expect(result.errors).toEqual([{ row: 6, column: 'Amount', message: 'The total £20.00 is less than the £30.00 already paid or credited on invoice INV-OLD in the book' }]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('skip-bad-rows: writes the good rows and reports the bad ones by line', async () => {
    const { ctx } = await setup();
    const text = `${GOOD}
INV-4,Dee,,2026-02-30,,10,,
INV-OLD,Ada Lovelace,ada@example.com,2026-01-01,,20.00,,
INV-5,Eve,,2026-02-05,,-3,,`;
    const result = await applyInvoicePlan(db, invoicePlan(text), { mode: 'skip-bad-rows', ctx, chunkSize: 2 });
    expect(result).toMatchObject({ written: true, rows: 7, created: 3, updated: 0, unchanged: 0, skippedRows: 3, customersCreated: 2 });
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [6, 'Date'],
      [7, 'Amount'],
      [8, 'Amount'],
    ]);
    expect(await invoiceByNumber(db, 'INV-4')).toBeUndefined();
    expect(await invoiceByNumber(db, 'INV-3')).toBeDefined();
    expect((await invoiceByNumber(db, 'INV-OLD'))?.totalMinor).toBe(10_000);
  });

  it.each<ImportMode>(['all-or-nothing', 'skip-bad-rows'])('%s: refuses to guess between two customers with the same name', async (mode) => {
    const { ctx } = await setup();
    await applyInvoicePlan(db, invoicePlan(`${HEADER}\nA-1,Ada Lovelace,other@example.com,2026-02-01,,1,,`), { mode, ctx });
    expect(await db.customers.count()).toBe(2);
    const result = await applyInvoicePlan(db, invoicePlan(`${HEADER}\nA-2,Ada Lovelace,,2026-02-01,,1,,`), { mode, ctx });
    expect(result.errors).toEqual([{ row: 2, column: 'Customer', message: '2 customers in the book are called "Ada Lovelace"; add an e-mail column to say which one' }]);
    expect(await invoiceByNumber(db, 'A-2')).toBeUndefined();
  });

  it('matches a customer by name when the file has no e-mail, and makes one customer per name in a file', async () => {
    const { ctx, adaId } = await setup();
    const result = await applyInvoicePlan(
      db,
      invoicePlan(`${HEADER}
B-1,ADA  LOVELACE,,2026-02-01,,1,,
B-2,Zoë Brontë,zoe@example.com,2026-02-01,,1,,
B-3,zoe bronte,,2026-02-01,,1,,`),
      { mode: 'all-or-nothing', ctx },
    );
    expect(result).toMatchObject({ created: 3, customersCreated: 1 });
    expect((await invoiceByNumber(db, 'B-1'))?.customerId).toBe(adaId);
    expect((await invoiceByNumber(db, 'B-2'))?.customerId).toBe((await invoiceByNumber(db, 'B-3'))?.customerId);
  });

  it('keeps a stored invoice with its customer when the file names a customer the book does not know', async () => {
    const { ctx, adaId } = await setup();
    await db.customers.update(adaId, { displayName: 'Ada King', nameKey: 'ada king', emails: [], tokens: ['ada', 'king'] });
    const result = await applyInvoicePlan(db, invoicePlan(`${HEADER}\nINV-OLD,Ada Lovelace,,2026-01-01,2026-01-31,100.00,,`), { mode: 'all-or-nothing', ctx });
    expect(result).toMatchObject({ unchanged: 1, customersCreated: 0 });
    expect(await db.customers.count()).toBe(1);
  });
});

it('leaves a stored invoice that fails its schema alone, and says so', async () => {
  const { ctx, oldId } = await setup();
  const broken = await db.invoices.get(oldId);
  await db.invoices.put({ ...broken!, totalMinor: -1 });
  const result = await applyInvoicePlan(db, invoicePlan(`${HEADER}\nINV-OLD,Ada Lovelace,ada@example.com,2026-01-01,,100.00,,`), { mode: 'skip-bad-rows', ctx });
  expect(result.errors).toEqual([{ row: 2, column: 'Invoice No', message: 'Invoice INV-OLD in the book could not be read, so it is left as it is' }]);
  expect((await db.invoices.get(oldId))?.totalMinor).toBe(-1);
});

describe('applyInvoicePlan while the book changes', () => {
  /** INV-OLD with a new total, and enough new invoices that deciding them yields to the event loop. */
  function bigFile(): string {
    const lines = [HEADER, 'INV-OLD,Ada Lovelace,ada@example.com,2026-01-01,2026-01-31,120.00,,'];
    for (let i = 0; i < 4500; i++) lines.push(`N-${i},Bob Marsh,,2026-02-01,,1,,`);
    return lines.join('\n');
  }

  /** Someone edits INV-OLD after the import has read the book and before it writes. */
  function editMeanwhile(oldId: string) {
    let edited = false;
    return () => {
      if (edited) return;
      edited = true;
      setTimeout(() => void db.invoices.update(oldId, { notes: 'Edited meanwhile', updatedAt: '2026-03-02T00:00:00.000Z' }), 0);
    };
  }

  it('all-or-nothing: writes nothing when an invoice it updates was edited meanwhile', async () => {
    const { ctx, oldId } = await setup();
    const result = await applyInvoicePlan(db, invoicePlan(bigFile()), { mode: 'all-or-nothing', ctx }, editMeanwhile(oldId));
    expect(result).toMatchObject({ written: false, created: 0, updated: 0 });
    expect(result.stopped).toMatch(/Invoice INV-OLD changed in the book while the file was being checked, so nothing was imported/);
    expect(await db.invoices.count()).toBe(1);
    expect(await db.invoices.get(oldId)).toMatchObject({ notes: 'Edited meanwhile', totalMinor: 10_000 });
  });

  it('skip-bad-rows: leaves the edited invoice alone and reports it', async () => {
    const { ctx, oldId } = await setup();
    const result = await applyInvoicePlan(db, invoicePlan(bigFile()), { mode: 'skip-bad-rows', ctx }, editMeanwhile(oldId));
    expect(result).toMatchObject({ written: true, created: 4500, updated: 0, skippedRows: 1 });
    expect(result.errors).toEqual([{ row: 2, column: 'Invoice No', message: 'Invoice INV-OLD was changed in the book while importing; import the file again to update it' }]);
    expect(await db.invoices.get(oldId)).toMatchObject({ notes: 'Edited meanwhile', totalMinor: 10_000 });
  });
});
