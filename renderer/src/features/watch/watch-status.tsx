import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import type { AlertView, WatchCounts } from '../../../../main/services/watch/watch-api';
import { useBook } from '../../app/book-context';
import { useTRPC, useTRPCClient } from '../../platform/trpc';
import { startWatchFeeder } from './watch-feeder';

export interface WatchStatus {
  counts: WatchCounts | null;
  /** Alerts raised while this page was open, newest first, until dismissed here. */
  fresh: AlertView[];
  dismiss: (alertId: string) => void;
  /** Why the watch could not be reached, if it could not. */
  problem: string | null;
}

const WatchContext = createContext<WatchStatus>({ counts: null, fresh: [], dismiss: () => {}, problem: null });

/**
 * Connects this window to the watch in main: feeds it the book, and follows its counts and
 * new alerts live (a tRPC subscription), refreshing every watch query when something moves.
 */
export function WatchProvider({ children }: { children: ReactNode }) {
  const { db, profile } = useBook();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [counts, setCounts] = useState<WatchCounts | null>(null);
  const [fresh, setFresh] = useState<AlertView[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(
    () =>
      startWatchFeeder(db, client, profile, (error) => {
        setProblem(error instanceof Error ? error.message : String(error));
      }),
    [db, client, profile],
  );

  useSubscription(
    trpc.watch.changes.subscriptionOptions(undefined, {
      onData: (change) => {
        setProblem(null);
        setCounts(change.counts);
        if (change.newAlerts.length > 0) setFresh((list) => [...change.newAlerts].reverse().concat(list).slice(0, 5));
        void queryClient.invalidateQueries({ queryKey: trpc.watch.pathKey() });
      },
      onError: (error) => setProblem(error.message),
    }),
  );

  // One value per actual change, so a render of the provider does not re-render every reader.
  const value = useMemo<WatchStatus>(
    () => ({ counts, fresh, problem, dismiss: (alertId) => setFresh((list) => list.filter((a) => a.id !== alertId)) }),
    [counts, fresh, problem],
  );
  return <WatchContext.Provider value={value}>{children}</WatchContext.Provider>;
}

export function useWatchStatus(): WatchStatus {
  return useContext(WatchContext);
}

/**
 * Tells the watch a flagged customer was opened at the counter or on their page, so the
 * alert centre (and the desktop notification in Electron) records it; the watch de-duplicates.
 * `settleMs` waits until the selection stays put: at the counter, a flagged customer flashing
 * past while someone types is not "opened", and reporting each one would cost every keystroke.
 */
export function useReportCustomerOpened(customer: { id: string; status: { value: string } } | undefined, settleMs = 0): void {
  const client = useTRPCClient();
  const id = customer?.id;
  const flagged = customer !== undefined && customer.status.value !== 'ok';
  useEffect(() => {
    if (!id || !flagged) return;
    const timer = window.setTimeout(() => {
      client.watch.event.mutate({ kind: 'customer_opened', customerId: id }).catch(() => {
        // The banner on screen is the warning that matters; a missed alert entry is not fatal.
      });
    }, settleMs);
    return () => window.clearTimeout(timer);
  }, [client, id, flagged, settleMs]);
}
