import { Invoice, type InvoiceState, type Payment } from '@core/invoice';
import { InvoiceInput, PaymentInput } from '@core/invoice-input';
import { issuesOf, type Checked } from '@core/field-issues';
import { openBalanceMinor } from '@core/invoice-status';
import { formatMoney } from '@core/money';
import { newId, type IsoDate } from '@core/primitives';
import type { BookDb } from './book-db';
import { numberKeyOf, openDueDateOf } from './invoice-keys';
import { importRecords, type ImportReport } from './import-records';
import type { ImportOptions } from './customers-repo';
import { InvoiceRow } from './rows';
import { parseRow, parseRows } from './read-validation';
import { guardedWrite, WriteError } from './write-error';
import type { WriteContext } from './write-context';

export function toInvoiceRow(inv: Invoice): InvoiceRow {
  const row: InvoiceRow = { ...inv, numberKey: numberKeyOf(inv.number) };
  const open = openDueDateOf(inv);
  if (open !== undefined) row.openDueDate = open;
  return row;
}

export function fromInvoiceRow(row: InvoiceRow): Invoice {
  const { numberKey: _n, openDueDate: _o, ...invoice } = row;
  return invoice;
}

export async function getInvoice(db: BookDb, id: string): Promise<Invoice | undefined> {
  const row = parseRow('invoices', InvoiceRow, await db.invoices.get(id));
  return row && fromInvoiceRow(row);
}

export async function invoicesOfCustomer(db: BookDb, customerId: string): Promise<Invoice[]> {
  const rows = await db.invoices.where('customerId').equals(customerId).toArray();
  return parseRows('invoices', InvoiceRow, rows).map(fromInvoiceRow).sort((a, b) => b.issueDate.localeCompare(a.issueDate));
}

/**
 * The invoices of several customers at once, for the counter's cards. One equality range per
 * customer, in parallel: cheaper here than anyOf's cursor walk (measured by `npm run bench`).
 */
export async function invoicesOfCustomers(db: BookDb, customerIds: readonly string[]): Promise<Invoice[]> {
  const perCustomer = await Promise.all(customerIds.map((id) => db.invoices.where('customerId').equals(id).toArray()));
  return parseRows('invoices', InvoiceRow, perCustomer.flat()).map(fromInvoiceRow);
}

export type InvoiceFilter = 'all' | 'open' | 'overdue' | 'paid';

/**
 * Invoice ids for the list, newest first (open and overdue: oldest due first, since that is
 * the order they are chased in). Every filter reads index keys only, never whole invoices:
 * open and overdue the sparse openDueDate index, paid is "all but open, drafts and write-offs".
 * Overdue leaves disputed invoices out, as they are not chased (they show as Disputed).
 */
export async function listInvoiceIds(db: BookDb, filter: InvoiceFilter, today: IsoDate): Promise<string[]> {
  const keys = (p: Promise<unknown[]>) => p as Promise<string[]>;
  switch (filter) {
    case 'open':
      return keys(db.invoices.orderBy('openDueDate').primaryKeys());
    case 'overdue': {
      const [overdue, disputed] = await Promise.all([
        keys(db.invoices.where('openDueDate').below(today).primaryKeys()),
        keys(db.invoices.where('state').equals('disputed').primaryKeys()),
      ]);
      const skip = new Set(disputed);
      return skip.size === 0 ? overdue : overdue.filter((id) => !skip.has(id));
    }
    case 'paid': {
      const [all, open, unpaid] = await Promise.all([
        keys(db.invoices.orderBy('issueDate').reverse().primaryKeys()),
        keys(db.invoices.where('openDueDate').above('').primaryKeys()),
        keys(db.invoices.where('state').anyOf('draft', 'written_off').primaryKeys()),
      ]);
      const skip = new Set([...open, ...unpaid]);
      return all.filter((id) => !skip.has(id));
    }
    case 'all':
      return keys(db.invoices.orderBy('issueDate').reverse().primaryKeys());
  }
}

export async function getInvoices(db: BookDb, ids: readonly string[]): Promise<Invoice[]> {
  const rows = await db.invoices.bulkGet([...ids]);
  return parseRows('invoices', InvoiceRow, rows.filter((r) => r !== undefined)).map(fromInvoiceRow);
}

async function numberTaken(db: BookDb, number: string, exceptId?: string): Promise<boolean> {
  const same = await db.invoices.where('numberKey').equals(numberKeyOf(number)).primaryKeys();
  return same.some((id) => id !== exceptId);
}

const numberTakenIssue = (number: string) => ({
  ok: false as const,
  issues: [{ path: ['number'], message: `Invoice number ${number} is already used by another invoice` }],
});

export async function createInvoice(db: BookDb, input: unknown, ctx: WriteContext): Promise<Checked<Invoice>> {
  const parsed = InvoiceInput.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const now = ctx.now();
  const invoice: Invoice = { id: newId(), ...parsed.data, payments: [], creditNotes: [], createdAt: now, updatedAt: now };
  return guardedWrite('the invoice', () =>
    db.transaction('rw', db.invoices, db.customers, async (): Promise<Checked<Invoice>> => {
      if (!(await db.customers.get(invoice.customerId))) {
        return { ok: false, issues: [{ path: ['customerId'], message: 'Choose an existing customer' }] };
      }
      if (await numberTaken(db, invoice.number)) return numberTakenIssue(invoice.number);
      await db.invoices.add(toInvoiceRow(invoice));
      return { ok: true, value: invoice };
    }),
  );
}

export async function updateInvoice(db: BookDb, id: string, input: unknown, ctx: WriteContext): Promise<Checked<Invoice>> {
  const parsed = InvoiceInput.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  return guardedWrite('the invoice', () =>
    db.transaction('rw', db.invoices, db.customers, async (): Promise<Checked<Invoice>> => {
      const current = await getInvoice(db, id);
      if (!current) throw new WriteError('This invoice no longer exists; nothing was saved.', 'not_found');
      if (!(await db.customers.get(parsed.data.customerId))) {
        return { ok: false, issues: [{ path: ['customerId'], message: 'Choose an existing customer' }] };
      }
      if (await numberTaken(db, parsed.data.number, id)) return numberTakenIssue(parsed.data.number);
      const next: Invoice = { ...current, ...parsed.data, updatedAt: ctx.now() };
      if (current.payments.length > 0) {
        // Money already received pins the invoice down: its currency, its issued state and a
        // total at least what was paid.
        const paid = current.payments.reduce((s, p) => s + p.amountMinor, 0);
        if (next.totalMinor < paid) {
          return { ok: false, issues: [{ path: ['totalMinor'], message: 'The total cannot be less than what has already been paid' }] };
        }
        if (next.currency !== current.currency) {
          return { ok: false, issues: [{ path: ['currency'], message: 'Payments were recorded in ' + current.currency + '; the currency can no longer change' }] };
        }
        if (next.state === 'draft') {
          return { ok: false, issues: [{ path: ['state'], message: 'An invoice with payments cannot go back to draft' }] };
        }
      }
      await db.invoices.put(toInvoiceRow(next));
      return { ok: true, value: next };
    }),
  );
}

/** Appends a payment. Paying more than is owed is refused rather than silently stored. */
export async function recordPayment(db: BookDb, invoiceId: string, input: unknown, ctx: WriteContext): Promise<Checked<Invoice>> {
  const parsed = PaymentInput.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  return guardedWrite('the payment', () =>
    db.transaction('rw', db.invoices, async (): Promise<Checked<Invoice>> => {
      const current = await getInvoice(db, invoiceId);
      if (!current) throw new WriteError('This invoice no longer exists; nothing was saved.', 'not_found');
      if (current.state === 'draft') {
        return { ok: false, issues: [{ path: ['amountMinor'], message: 'Issue the invoice before recording a payment' }] };
      }
      const owed = openBalanceMinor({ ...current, state: 'issued' });
      if (parsed.data.amountMinor > owed) {
        return {
          ok: false,
          issues: [{ path: ['amountMinor'], message: `That is more than the ${formatMoney(owed, current.currency, ctx.locale)} still owed` }],
        };
      }
      const now = ctx.now();
      const payment: Payment = { id: newId(), ...parsed.data, recordedBy: ctx.actor, recordedAt: now };
      const next: Invoice = { ...current, payments: [...current.payments, payment], updatedAt: now };
      await db.invoices.put(toInvoiceRow(next));
      return { ok: true, value: next };
    }),
  );
}

export async function setInvoiceState(db: BookDb, invoiceId: string, state: InvoiceState, ctx: WriteContext): Promise<Invoice> {
  return guardedWrite('the invoice', () =>
    db.transaction('rw', db.invoices, async () => {
      const current = await getInvoice(db, invoiceId);
      if (!current) throw new WriteError('This invoice no longer exists; nothing was saved.', 'not_found');
      const next: Invoice = { ...current, state, updatedAt: ctx.now() };
      await db.invoices.put(toInvoiceRow(next));
      return next;
    }),
  );
}

export async function deleteInvoice(db: BookDb, invoiceId: string): Promise<void> {
  await guardedWrite('the deletion', () =>
    db.transaction('rw', db.invoices, db.ratings, async () => {
      const invoice = await db.invoices.get(invoiceId);
      if (!invoice) return;
      // A rating may point at the invoice; it keeps its scores but loses the link.
      await db.ratings
        .where('customerId')
        .equals(invoice.customerId)
        .filter((r) => r.invoiceId === invoiceId)
        .modify({ invoiceId: null });
      await db.invoices.delete(invoiceId);
    }),
  );
}

/** Invoice numbers starting with a prefix, for the counter ("INV-2025-00" finds its customer). */
export async function invoicesByNumberPrefix(db: BookDb, prefix: string, limit: number): Promise<Invoice[]> {
  const rows = await db.invoices.where('numberKey').startsWith(numberKeyOf(prefix)).limit(limit).toArray();
  return parseRows('invoices', InvoiceRow, rows).map(fromInvoiceRow);
}

/** The next free number in the book's "INV-YYYY-NNNNN" series, as a suggestion for the form. */
export async function suggestInvoiceNumber(db: BookDb, year: number): Promise<string> {
  const prefix = `INV-${year}-`;
  const last = await db.invoices.where('numberKey').startsWith(prefix).last();
  const n = last ? Number.parseInt(last.numberKey.slice(prefix.length), 10) : 0;
  return `${prefix}${String((Number.isFinite(n) ? n : 0) + 1).padStart(5, '0')}`;
}

/** Imports whole invoice records through the book's import path (see import-records.ts). */
export function importInvoices(db: BookDb, records: readonly unknown[], opts?: ImportOptions): Promise<ImportReport> {
  return importRecords('the imported invoices', db.invoices, Invoice, toInvoiceRow, records, { chunkSize: 5000, ...opts });
}
