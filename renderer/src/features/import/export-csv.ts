import Papa from 'papaparse';
import type { RowError } from '@core/csv-import';
import type { Invoice } from '@core/invoice';
import { daysLate, INVOICE_STATUS_LABELS, invoiceStatus, openBalanceMinor, paidMinor } from '@core/invoice-status';
import { AGING_BUCKETS, agingByCustomer, agingReport, type AgingBucket, type AgingTotals } from '@core/lateness';
import { minorDigits, minorToDecimalString } from '@core/money';
import type { IsoDate } from '@core/primitives';
import type { BookDb } from '../../db/book-db';
import { fromCustomerRow } from '../../db/customers-repo';
import { fromInvoiceRow } from '../../db/invoices-repo';
import { parseRows } from '../../db/read-validation';
import { CustomerRow, InvoiceRow } from '../../db/rows';

/**
 * CSV exports for spreadsheets and accountants. Amounts are plain decimals with a '.' and no
 * symbol ("1234.50"), dates are ISO (2025-12-31), the currency has its own column: the file
 * is meant to be read by another program, which then formats it for its reader. Cells that a
 * spreadsheet would run as a formula ("=…", "+…", "@…") are quoted with a leading apostrophe:
 * customer names come from people and from imports, and a CSV must not be a way to run one.
 */

const UNPARSE = { escapeFormulae: true, newline: '\r\n' } as const;

function decimal(minor: number, currency: string): string {
  return minorToDecimalString(minor, minorDigits(currency));
}

export const INVOICE_COLUMNS = ['Invoice number', 'Customer', 'Issue date', 'Due date', 'Currency', 'Total', 'Paid', 'Open balance', 'Status', 'Days late'];

/** One line per invoice, in the order given. */
export function invoicesCsv(invoices: readonly Invoice[], customerNames: ReadonlyMap<string, string>, today: IsoDate): string {
  const data = invoices.map((inv) => [
    inv.number,
    customerNames.get(inv.customerId) ?? '',
    inv.issueDate,
    inv.dueDate,
    inv.currency,
    decimal(inv.totalMinor, inv.currency),
    decimal(paidMinor(inv), inv.currency),
    decimal(openBalanceMinor(inv), inv.currency),
    INVOICE_STATUS_LABELS[invoiceStatus(inv, today)],
    String(daysLate(inv, today)),
  ]);
  return Papa.unparse({ fields: INVOICE_COLUMNS, data }, UNPARSE);
}

const BUCKET_HEADINGS: Readonly<Record<AgingBucket, string>> = {
  current: 'Current',
  '1-30': '1-30 days',
  '31-60': '31-60 days',
  '61-90': '61-90 days',
  '90+': 'Over 90 days',
};
export const AGING_COLUMNS = ['Customer', 'Currency', ...AGING_BUCKETS.map((b) => BUCKET_HEADINGS[b]), 'Total'];

/**
 * The aging report on `today` (core/lateness agingByCustomer): one line per customer and
 * currency with something owed, by name, then one "All customers" line per currency.
 * Amounts are never added across currencies.
 */
export function agingCsv(invoices: readonly Invoice[], customerNames: ReadonlyMap<string, string>, today: IsoDate): string {
  const line = (name: string, currency: string, t: AgingTotals) => [
    name,
    currency,
    ...AGING_BUCKETS.map((b) => decimal(t.buckets[b].amountMinor, currency)),
    decimal(t.total.amountMinor, currency),
  ];
  const data: string[][] = [];
  for (const [customerId, report] of agingByCustomer(invoices, today)) {
    const name = customerNames.get(customerId) ?? '';
    for (const aging of report.values()) data.push(line(name, aging.currency, aging));
  }
  data.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? '') || (a[1] ?? '').localeCompare(b[1] ?? ''));
  for (const aging of agingReport(invoices, today).values()) data.push(line('All customers', aging.currency, aging));
  return Papa.unparse({ fields: AGING_COLUMNS, data }, UNPARSE);
}

/** The problems of an import, to fix in the source file and import again. */
export function problemsCsv(errors: readonly RowError[]): string {
  return Papa.unparse({ fields: ['Row', 'Column', 'Problem'], data: errors.map((e) => [String(e.row), e.column, e.message]) }, UNPARSE);
}

/**
 * Every invoice of the book, by issue date, and every customer's name. Rows are checked as
 * they are read (read-validation.ts); a broken one is reported there and left out here.
 */
export async function loadBookForExport(db: BookDb): Promise<{ invoices: Invoice[]; customerNames: Map<string, string> }> {
  const [invoiceRows, customerRows] = await db.transaction('r', db.invoices, db.customers, () =>
    Promise.all([db.invoices.orderBy('issueDate').toArray(), db.customers.toArray()]),
  );
  const invoices = parseRows('invoices', InvoiceRow, invoiceRows).map(fromInvoiceRow);
  const customerNames = new Map(parseRows('customers', CustomerRow, customerRows).map((row) => [row.id, fromCustomerRow(row).displayName]));
  return { invoices, customerNames };
}
