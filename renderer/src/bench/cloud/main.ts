import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { PullPage } from '@core/sync/protocol';
import type { AppRouter as CloudAppRouter } from '../../../../cloud/routers/_app';
import { BookDb } from '../../db/book-db';
import { createSyncEngine, type SyncTransport } from '../../sync/sync-engine';

/**
 * Entry of cloud-bench.html (built only with RATEBACK_BENCH=1), driven by
 * tests/bench/cloud/browser-pull.ts: a fresh device's first sync of a whole book from the cloud
 * into the real book (IndexedDB through Dexie), by the real sync engine (renderer/src/sync).
 *
 * The page talks to the cloud's tRPC API at its own origin (/trpc): the benchmark serves this page
 * and forwards /trpc to the cloud process, adding the member's token, much as main does for the
 * app (the app's renderer reaches the cloud through main's `cloud.forward`, one more local hop).
 */
export interface PullIntoBookOptions {
  businessId: string;
  pageSize: number;
  /** A database name never used before in this profile: the device is fresh. */
  bookName: string;
}

export interface PullIntoBookResult {
  totalMs: number;
  /** Time inside the transport's pull calls (network, the cloud, JSON): the rest is the engine and IndexedDB. */
  pullCallsMs: number;
  pages: number;
  records: number;
  phase: string;
  error: string | null;
  rows: Record<string, number>;
}

async function pullIntoBook(opts: PullIntoBookOptions): Promise<PullIntoBookResult> {
  const cloud = createTRPCClient<CloudAppRouter>({ links: [httpBatchLink({ url: `${location.origin}/trpc` })] });
  let pullCallsMs = 0;
  let pages = 0;
  let records = 0;
  const transport: SyncTransport = {
    push: (input) => cloud.sync.push.mutate(input),
    async pull(input): Promise<PullPage> {
      const start = performance.now();
      const page = await cloud.sync.pull.query(input);
      pullCallsMs += performance.now() - start;
      pages++;
      records += page.records.length;
      return page;
    },
    deviceStatus: (input) => cloud.sync.deviceStatus.query(input),
  };
  const db = new BookDb(opts.bookName);
  await db.open();
  try {
    const engine = createSyncEngine({ db, transport, businessId: opts.businessId, pullLimit: opts.pageSize });
    const start = performance.now();
    const state = await engine.syncNow();
    const totalMs = performance.now() - start;
    const rows = {
      customers: await db.customers.count(),
      invoices: await db.invoices.count(),
      ratings: await db.ratings.count(),
      statusChanges: await db.statusChanges.count(),
      members: await db.members.count(),
    };
    return { totalMs, pullCallsMs, pages, records, phase: state.phase, error: state.error ?? null, rows };
  } finally {
    db.close();
  }
}

declare global {
  interface Window {
    rbCloudBench?: { pullIntoBook: typeof pullIntoBook };
  }
}

window.rbCloudBench = { pullIntoBook };
document.title = 'Rateback cloud benchmark (ready)';
