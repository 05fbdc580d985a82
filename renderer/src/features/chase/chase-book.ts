import { useLiveQuery } from 'dexie-react-hooks';
import type { Invoice } from '@core/invoice';
import { addDays } from '@core/dates';
import type { IsoDate } from '@core/primitives';
import { useBook } from '../../app/book-context';
import type { BookDb } from '../../db/book-db';
import { getCustomers } from '../../db/customers-repo';
import { fromInvoiceRow } from '../../db/invoices-repo';
import { parseRows } from '../../db/read-validation';
import { InvoiceRow } from '../../db/rows';
import { dsoPeriodStart } from './aging-summary';
import { GRADE_WINDOW_DAYS, byGradeThenOwed, gradeCustomer, type GradedCustomer } from './grade-trend';
import { pickCandidates } from './grade-candidates';

/**
 * What the Chase screen reads from the book, through indexes only:
 * - `open`: every invoice with money owed (the sparse `openDueDate` index);
 * - `issuedInPeriod`: invoices issued in the DSO period (the `issueDate` index).
 * Both are live: a payment recorded anywhere updates the screen.
 */
export interface ChaseBook {
  open: Invoice[];
  issuedInPeriod: Invoice[];
}

const invoicesOf = (rows: readonly unknown[]) => parseRows('invoices', InvoiceRow, rows).map(fromInvoiceRow);

export async function loadChaseBook(db: BookDb, today: IsoDate): Promise<ChaseBook> {
  const [open, recent] = await Promise.all([
    db.invoices.where('openDueDate').above('').toArray(),
    db.invoices.where('issueDate').between(dsoPeriodStart(today), today, true, true).toArray(),
  ]);
  return { open: invoicesOf(open), issuedInPeriod: invoicesOf(recent) };
}

export function useChaseBook(): ChaseBook | undefined {
  const { db, today } = useBook();
  return useLiveQuery(() => loadChaseBook(db, today), [db, today]);
}

/**
 * Up to `cap` customers not in `already`, from the invoices issued in the last 12 months, most
 * recent first. Reads invoice rows one by one from the `issueDate` index and stops as soon as
 * it has enough, so a large book costs no more than the few rows it needs.
 */
async function recentlyInvoicedCustomers(db: BookDb, today: IsoDate, already: ReadonlySet<string>, cap: number): Promise<string[]> {
  const found = new Set<string>();
  if (cap <= 0) return [];
  await db.invoices
    .where('issueDate')
    .between(addDays(today, -(GRADE_WINDOW_DAYS - 1)), today, true, true)
    .reverse()
    .until(() => found.size >= cap)
    .each((row) => {
      if (!already.has(row.customerId)) found.add(row.customerId);
    });
  return [...found];
}

export interface GradedCustomers {
  rows: GradedCustomer[];
}

/** Reads the candidates' invoices in chunks of this many customers. */
const CUSTOMERS_PER_READ = 100;

export async function loadGradedCustomers(db: BookDb, owingIds: readonly string[], today: IsoDate, currency: string, cap: number): Promise<GradedCustomers> {
  const owing = owingIds.slice(0, cap);
  const recent = await recentlyInvoicedCustomers(db, today, new Set(owing), cap - owing.length);
  const ids = pickCandidates(owing, recent, cap);
  const invoicesByCustomer = new Map<string, Invoice[]>();
  for (let i = 0; i < ids.length; i += CUSTOMERS_PER_READ) {
    const rows = await db.invoices.where('customerId').anyOf(ids.slice(i, i + CUSTOMERS_PER_READ)).toArray();
    for (const inv of invoicesOf(rows)) {
      const list = invoicesByCustomer.get(inv.customerId);
      if (list) list.push(inv);
      else invoicesByCustomer.set(inv.customerId, [inv]);
    }
  }
  const customers = await getCustomers(db, ids);
  const rows = customers.map((c) => gradeCustomer(c, invoicesByCustomer.get(c.id) ?? [], today, currency));
  return { rows: rows.sort(byGradeThenOwed) };
}
