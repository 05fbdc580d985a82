import type { IsoDate } from '@core/primitives';
import type { BookDb } from '../../db/book-db';
import { listInvoiceIds, type InvoiceFilter } from '../../db/invoices-repo';
import { useIdList } from '../../db/use-id-list';

/** The ids for the invoice list, kept up to date with the book (see useIdList for how). */
export function useInvoiceIds(db: BookDb, filter: InvoiceFilter, today: IsoDate): string[] | undefined {
  return useIdList(db.invoices, ['invoice-ids', filter, today], () => listInvoiceIds(db, filter, today));
}
