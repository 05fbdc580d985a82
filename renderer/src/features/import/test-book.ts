import { guessMapping, planInvoiceImport, planPaymentImport, type CsvRecords, type InvoicePlan, type PaymentPlan } from '@core/csv-import';
import type { BookDb } from '../../db/book-db';
import { createCustomer } from '../../db/customers-repo';
import { createInvoice } from '../../db/invoices-repo';
import { fromInvoiceRow } from '../../db/invoices-repo';
import { testContext } from '../../db/test-db';
import type { WriteContext } from '../../db/write-context';

/** Helpers for the apply tests: a small book, and plans made from CSV-like text. */

export const TODAY = '2026-03-01';

/** Test text has no quoting: lines on '\n', cells on ','. */
export function records(text: string): CsvRecords {
  return text.trim().split('\n').map((l) => l.split(','));
}

export function invoicePlan(text: string): InvoicePlan {
  const recs = records(text);
  return planInvoiceImport(recs, guessMapping(recs[0] ?? [], 'invoices'), {
    dateFormat: 'yyyy-MM-dd',
    decimalStyle: 'dot',
    currency: 'GBP',
    amountIs: 'line',
    today: TODAY,
  });
}

export function paymentPlan(text: string): PaymentPlan {
  const recs = records(text);
  return planPaymentImport(recs, guessMapping(recs[0] ?? [], 'payments'), { dateFormat: 'yyyy-MM-dd', decimalStyle: 'dot', currency: 'GBP' });
}

/** A book with one customer (Ada, ada@example.com) and her invoice INV-OLD for £100, £30 paid. */
export async function seedBook(db: BookDb): Promise<{ ctx: WriteContext; adaId: string; oldId: string }> {
  const ctx = testContext();
  const ada = await createCustomer(
    db,
    { displayName: 'Ada Lovelace', company: '', phones: [], emails: ['ada@example.com'], taxId: '', address: { line1: '', line2: '', city: '', postcode: '', region: '', country: 'GB' }, tags: [], notes: '' },
    ctx,
  );
  if (!ada.ok) throw new Error('seed customer');
  const old = await createInvoice(
    db,
    { number: 'INV-OLD', customerId: ada.value.id, issueDate: '2026-01-01', dueDate: '2026-01-31', currency: 'GBP', totalMinor: 10_000, state: 'issued', notes: 'Typed by hand' },
    ctx,
  );
  if (!old.ok) throw new Error('seed invoice');
  await db.invoices.update(old.value.id, {
    payments: [{ id: crypto.randomUUID(), date: '2026-01-10', amountMinor: 3_000, method: 'cash', recordedBy: 'Sam', recordedAt: '2026-01-10T10:00:00.000Z' }],
  });
  return { ctx, adaId: ada.value.id, oldId: old.value.id };
}

/** Everything in the book, for "nothing changed" comparisons. */
export async function snapshot(db: BookDb) {
  const [customers, invoices] = await Promise.all([db.customers.orderBy('id').toArray(), db.invoices.orderBy('id').toArray()]);
  return { customers, invoices };
}

export async function invoiceByNumber(db: BookDb, number: string) {
  const row = await db.invoices.where('numberKey').equals(number.toUpperCase()).first();
  return row && fromInvoiceRow(row);
}
