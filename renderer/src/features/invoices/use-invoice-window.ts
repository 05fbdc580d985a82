import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Invoice } from '@core/invoice';
import type { BookDb } from '../../db/book-db';
import { getCustomers } from '../../db/customers-repo';
import { getInvoices } from '../../db/invoices-repo';
import { pageWindow } from './invoice-list';

export interface InvoiceListItem {
  invoice: Invoice;
  customerName: string;
}

/**
 * The invoices (with their customers' names) for the rows on screen, read by id from the
 * list's id array. Only the pages around the visible rows are read, so a list of 300,000
 * invoices costs one page of reads per scroll step. The read is live: a payment recorded in
 * another window updates its row, and since useLiveQuery keeps its last result while a new
 * window loads, rows already on screen stay put instead of blanking.
 */
export function useInvoiceWindow(db: BookDb, ids: readonly string[], first: number, last: number): ReadonlyMap<string, InvoiceListItem> {
  const { from, to } = pageWindow(first, last, ids.length);
  const windowIds = useMemo(() => ids.slice(from, to), [ids, from, to]);
  const loaded = useLiveQuery(
    async () => {
      const invoices = await getInvoices(db, windowIds);
      const customers = await getCustomers(db, [...new Set(invoices.map((i) => i.customerId))]);
      const names = new Map(customers.map((c) => [c.id, c.displayName]));
      return new Map(invoices.map((invoice) => [invoice.id, { invoice, customerName: names.get(invoice.customerId) ?? '' }]));
    },
    [db, windowIds],
  );
  return loaded ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, InvoiceListItem> = new Map();
