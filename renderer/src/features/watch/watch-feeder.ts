import { MAX_MIRROR_CUSTOMERS_PER_CALL, MAX_MIRROR_ROWS_PER_CALL, type MirrorCustomer, type MirrorInvoice } from '@core/watch/mirror';
import type { BusinessProfile } from '@core/business';
import { newId } from '@core/primitives';
import Dexie from 'dexie';
import type { BookDb } from '../../db/book-db';
import { onBookChange } from '../../db/change-feed';
import { getCustomers } from '../../db/customers-repo';
import { getInvoices } from '../../db/invoices-repo';
import type { MainClient } from '../../platform/trpc-client';
import { chunk, packApply, toMirrorCustomer, toMirrorInvoice } from './mirror-rows';

/**
 * Keeps the watch (in main) fed with the book: a full snapshot at start, then the rows each
 * committed change touched. If a push fails (main restarting, the host gone for a moment) the
 * next attempt is a full snapshot, so the watch never keeps a stale row for long.
 */
export function startWatchFeeder(
  db: BookDb,
  client: MainClient,
  profile: BusinessProfile,
  onError: (error: unknown) => void,
): () => void {
  let stopped = false;
  let needsFull = true;
  let running: Promise<void> = Promise.resolve();
  const dirtyInvoices = new Set<string>();
  const dirtyCustomers = new Set<string>();
  let timer: number | undefined;

  const pushFull = async () => {
    await client.watch.configure.mutate({ timeZone: profile.timeZone, currency: profile.currency, locale: profile.locale, businessName: profile.name });
    const { customers, invoices } = await snapshot(db);
    const generation = newId();
    const customerChunks = chunk(customers, MAX_MIRROR_CUSTOMERS_PER_CALL);
    const invoiceChunks = chunk(invoices, MAX_MIRROR_ROWS_PER_CALL);
    const parts = Math.max(customerChunks.length + invoiceChunks.length, 1);
    for (let part = 0; part < parts && !stopped; part++) {
      // Customers go out in the first parts, so every invoice's customer has arrived by the end.
      await client.watch.mirror.replace.mutate({
        generation,
        part,
        final: part === parts - 1,
        customers: customerChunks[part] ?? [],
        invoices: customerChunks.length > part ? [] : (invoiceChunks[part - customerChunks.length] ?? []),
      });
    }
  };

  const pushDelta = async (invoiceIds: string[], customerIds: string[]) => {
    const invoices = await getInvoices(db, invoiceIds);
    const upInvoices: MirrorInvoice[] = [];
    const gone = new Set(invoiceIds);
    for (const inv of invoices) {
      const row = toMirrorInvoice(inv);
      if (row) {
        upInvoices.push(row);
        gone.delete(inv.id);
      }
    }
    // An invoice's customer must be in the mirror with it; a customer stays while flagged or owing.
    const wanted = new Set([...customerIds, ...upInvoices.map((i) => i.customerId)]);
    const customers = await getCustomers(db, [...wanted]);
    const owing = new Set(await openCustomerIds(db, [...wanted]));
    const upCustomers: MirrorCustomer[] = [];
    const goneCustomers = new Set(customerIds);
    for (const c of customers) {
      if (c.status.value !== 'ok' || owing.has(c.id)) {
        upCustomers.push(toMirrorCustomer(c));
        goneCustomers.delete(c.id);
      }
    }
    const delta = { customers: upCustomers, invoices: upInvoices, removedInvoiceIds: [...gone], removedCustomerIds: [...goneCustomers] };
    for (const call of packApply(delta, MAX_MIRROR_ROWS_PER_CALL, MAX_MIRROR_CUSTOMERS_PER_CALL)) {
      await client.watch.mirror.delta.mutate(call);
    }
  };

  const flush = () => {
    timer = undefined;
    running = running.then(async () => {
      if (stopped) return;
      const invoiceIds = [...dirtyInvoices];
      const customerIds = [...dirtyCustomers];
      dirtyInvoices.clear();
      dirtyCustomers.clear();
      try {
        if (needsFull) {
          needsFull = false;
          await pushFull();
        } else if (invoiceIds.length + customerIds.length > 0) {
          await pushDelta(invoiceIds, customerIds);
        }
      } catch (error) {
        needsFull = true;
        onError(error);
        if (!stopped) timer = window.setTimeout(flush, 5_000);
      }
    });
  };

  const schedule = () => {
    if (timer === undefined && !stopped) timer = window.setTimeout(flush, 150);
  };

  const unsubscribe = onBookChange(db, (changes) => {
    for (const [table, keys] of changes.tables) {
      const target = table === 'invoices' ? dirtyInvoices : table === 'customers' ? dirtyCustomers : null;
      if (!target) continue;
      if (keys === 'all') needsFull = true;
      else for (const k of keys) target.add(k);
    }
    schedule();
  });
  schedule();

  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== undefined) window.clearTimeout(timer);
  };
}

/** Everything the watch needs from the book: open invoices, and flagged or owing customers. */
async function snapshot(db: BookDb): Promise<{ customers: MirrorCustomer[]; invoices: MirrorInvoice[] }> {
  return db.transaction('r', db.customers, db.invoices, async () => {
    const openIds = (await db.invoices.orderBy('openDueDate').primaryKeys()) as string[];
    const invoices = (await getInvoices(db, openIds)).map(toMirrorInvoice).filter((i) => i !== null);
    const flaggedWith = (status: string) =>
      db.customers.where('[status.value+nameKey]').between([status, Dexie.minKey], [status, Dexie.maxKey]).primaryKeys() as Promise<string[]>;
    const flagged = [...(await flaggedWith('watch')), ...(await flaggedWith('blacklisted'))];
    const customerIds = new Set([...flagged, ...invoices.map((i) => i.customerId)]);
    const customers = (await getCustomers(db, [...customerIds])).map(toMirrorCustomer);
    return { customers, invoices };
  });
}

/** Which of these customers still owe money. */
async function openCustomerIds(db: BookDb, customerIds: string[]): Promise<string[]> {
  if (customerIds.length === 0) return [];
  const rows = await db.invoices.where('customerId').anyOf(customerIds).filter((r) => r.openDueDate !== undefined).toArray();
  return [...new Set(rows.map((r) => r.customerId))];
}
