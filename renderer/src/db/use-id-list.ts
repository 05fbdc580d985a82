import { useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';

// Counts every re-run of the change signals below; only ever compared, never shown.
let changeCount = 0;

/**
 * A long list of ids (customers, invoices) kept up to date with the book.
 *
 * Why not one useLiveQuery around the id read: a live query records every primary key it
 * reads so it knows which writes concern it, and with 300,000 invoices that bookkeeping cost
 * three times the read itself (measured: ~6 s against ~2 s). Instead a live `count()` — which
 * Dexie watches as one whole-table range, for free — re-runs on any write to the table, and
 * each re-run tells React Query to read the ids again. The list on screen stays while the new
 * one is read.
 */
export function useIdList(
  table: { count(): PromiseLike<number> },
  queryKey: readonly unknown[],
  read: () => Promise<string[]>,
): string[] | undefined {
  const queryClient = useQueryClient();
  const changed = useLiveQuery(() => Promise.resolve(table.count()).then(() => ++changeCount), [table]);
  const seen = useRef<number | undefined>(undefined);
  const scope = queryKey[0];

  useEffect(() => {
    if (changed === undefined) return;
    // The signal's first value only says the subscription started; the first read is the query's own.
    if (seen.current !== undefined && seen.current !== changed) void queryClient.invalidateQueries({ queryKey: [scope] });
    seen.current = changed;
  }, [changed, queryClient, scope]);

  const ids = useQuery({
    queryKey,
    queryFn: read,
    // Fresh until the signal says otherwise; dropped once no list shows it, since a list of
    // 300,000 ids is worth re-reading rather than keeping around.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  return ids.data;
}
