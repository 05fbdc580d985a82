import { useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { IsoDate } from '@core/primitives';
import type { BookDb } from '../../db/book-db';
import { listInvoiceIds, type InvoiceFilter } from '../../db/invoices-repo';

const IDS_KEY = ['invoices', 'list-ids'] as const;

// Counts every re-run of the change signal below; only ever compared, never shown.
let changeCount = 0;

/**
 * The ids for the invoice list, kept up to date with the book.
 *
 * Why not one useLiveQuery around listInvoiceIds: a live query records every primary key it
 * reads so it knows which writes concern it, and with 300,000 invoices that bookkeeping cost
 * three times the read itself (measured: ~6 s against ~2 s). Instead a live `count()` — which
 * Dexie watches as one whole-table range, for free — re-runs on any write to the invoices
 * table, and each re-run tells React Query to read the ids again. The list on screen stays
 * while the new one is read.
 */
export function useInvoiceIds(db: BookDb, filter: InvoiceFilter, today: IsoDate): string[] | undefined {
  const queryClient = useQueryClient();
  const changed = useLiveQuery(() => db.invoices.count().then(() => ++changeCount), [db]);
  const seen = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (changed === undefined) return;
    // The signal's first value only says the subscription started; the first read is the query's own.
    if (seen.current !== undefined && seen.current !== changed) void queryClient.invalidateQueries({ queryKey: IDS_KEY });
    seen.current = changed;
  }, [changed, queryClient]);

  const ids = useQuery({
    queryKey: [...IDS_KEY, filter, today],
    queryFn: () => listInvoiceIds(db, filter, today),
    // Fresh until the signal says otherwise; dropped once no list shows it, since a list of
    // 300,000 ids is worth re-reading rather than keeping around.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  return ids.data;
}
