import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Invoice } from '@core/invoice';
import { openBalanceMinor } from '@core/invoice-status';
import { useBook } from '../../app/book-context';
import { getCustomers } from '../../db/customers-repo';
import { useTRPC } from '../../platform/trpc';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { WorkItemCard } from './WorkItemCard';
import { buildWorkList, NEWLY_OVERDUE_DAYS, newlyOverdueInvoices, promisedInvoiceIds, remindedAfterDueIds, type NewlyOverdue } from './work-list';

/** The watch keeps every reminder; this screen asks for the most pressing this many. */
export const REMINDERS_PER_DAY = 200;
/**
 * Recent reminders read to know which newly overdue invoices were already chased: the watch's
 * maximum. A book sending more than this many reminders in a week may list a few twice.
 */
const REMINDER_LOG_LIMIT = 1_000;
const PAGE = 10;

/**
 * Today's work: the watch's reminders and broken promises, and the invoices the book says fell
 * overdue this week, in one list by priority. The book's part shows even when the watch
 * cannot be reached.
 */
export function TodayWork({ open }: { open: readonly Invoice[] | undefined }) {
  const { db, today, me } = useBook();
  const trpc = useTRPC();
  const watch = useQuery(trpc.watch.today.queryOptions({ limit: REMINDERS_PER_DAY }));
  const promises = useQuery(trpc.watch.promises.list.queryOptions());
  const log = useQuery(trpc.watch.reminders.log.queryOptions({ limit: REMINDER_LOG_LIMIT }));
  const [shown, setShown] = useState(PAGE);

  const overdue = useMemo(() => {
    const promised = promisedInvoiceIds(promises.data ?? [], today);
    const reminded = remindedAfterDueIds(log.data ?? []);
    return newlyOverdueInvoices(open ?? [], today).filter((inv) => !promised.has(inv.id) && !reminded.has(inv.id));
  }, [open, promises.data, log.data, today]);
  const customerIds = [...new Set(overdue.map((inv) => inv.customerId))].sort().join(',');
  const names = useLiveQuery(
    async () => new Map((await getCustomers(db, customerIds === '' ? [] : customerIds.split(','))).map((c) => [c.id, c.displayName])),
    [db, customerIds],
  );

  const items = useMemo(() => {
    const newlyOverdue: NewlyOverdue[] = overdue.map((inv) => ({
      invoiceId: inv.id,
      customerId: inv.customerId,
      customerName: names?.get(inv.customerId) ?? '…',
      invoiceNumber: inv.number,
      dueDate: inv.dueDate,
      openMinor: openBalanceMinor(inv),
      currency: inv.currency,
    }));
    return buildWorkList({
      today,
      reminders: watch.data?.dueReminders ?? [],
      brokenPromises: watch.data?.brokenPromises ?? [],
      newlyOverdue,
      dueDates: new Map((open ?? []).map((inv) => [inv.id, inv.dueDate])),
    });
  }, [overdue, names, watch.data, open, today]);

  const dueCount = watch.data?.counts.dueReminders ?? 0;
  const listedReminders = watch.data?.dueReminders.length ?? 0;

  return (
    <section className="chase-panel" aria-labelledby="today-title">
      <h2 id="today-title">Today’s work</h2>
      <p className="muted">
        Reminders due today, broken promises, and invoices that fell overdue in the last {NEWLY_OVERDUE_DAYS} days and have not been
        chased or promised yet; most pressing first (amount × days late).
      </p>
      {me ? null : (
        <p className="error-notice">Nobody is chosen at this PC: choose who you are (top right) to mark reminders sent, so the book records who sent them.</p>
      )}
      {watch.error ? (
        <>
          <ErrorNotice error={watch.error} />
          <p className="muted">The watch could not be asked for reminders; below are the book’s newly overdue invoices only.</p>
        </>
      ) : null}
      {watch.isPending ? <p className="loading">Asking the watch for today’s reminders…</p> : null}
      {dueCount > listedReminders ? (
        <p className="muted">
          {dueCount} reminders are due; the {listedReminders} most pressing are listed.
        </p>
      ) : null}
      {open !== undefined && !watch.isPending && items.length === 0 ? <p>Nothing to chase today.</p> : null}
      <ol className="work-list" aria-label="Today’s work">
        {items.slice(0, shown).map((item) => (
          <WorkItemCard key={item.key} item={item} />
        ))}
      </ol>
      {items.length > shown ? (
        <button type="button" className="show-more" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, items.length - shown)} more of {items.length - shown}
        </button>
      ) : null}
    </section>
  );
}
