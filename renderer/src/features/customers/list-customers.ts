import Dexie from 'dexie';
import type { CustomerStatusValue } from '@core/customer';
import type { BookDb } from '../../db/book-db';

export type CustomerSort = 'name' | 'name-desc' | 'newest' | 'updated';
export type CustomerStatusFilter = CustomerStatusValue | 'all';

/**
 * Customer ids in list order, read from an index only (no rows), so 100,000 customers cost a
 * key scan; the virtualised list then loads just the rows on screen.
 */
export async function listCustomerIds(db: BookDb, status: CustomerStatusFilter, sort: CustomerSort): Promise<string[]> {
  if (status !== 'all') {
    const ids = (await db.customers
      .where('[status.value+nameKey]')
      .between([status, Dexie.minKey], [status, Dexie.maxKey])
      .primaryKeys()) as string[];
    if (sort === 'name') return ids;
    if (sort === 'name-desc') return ids.reverse();
    // A status filter leaves few rows (watch and blacklist lists are short): sort them in memory.
    const rows = await db.customers.bulkGet(ids);
    const field = sort === 'newest' ? 'createdAt' : 'updatedAt';
    return rows
      .filter((r) => r !== undefined)
      .sort((a, b) => b[field].localeCompare(a[field]))
      .map((r) => r.id);
  }
  switch (sort) {
    case 'name':
      return (await db.customers.orderBy('nameKey').primaryKeys()) as string[];
    case 'name-desc':
      return (await db.customers.orderBy('nameKey').reverse().primaryKeys()) as string[];
    case 'newest':
      return (await db.customers.orderBy('createdAt').reverse().primaryKeys()) as string[];
    case 'updated':
      return (await db.customers.orderBy('updatedAt').reverse().primaryKeys()) as string[];
  }
}
