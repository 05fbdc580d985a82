import { randomUUID } from 'node:crypto';
import type { MirrorCustomer, MirrorInvoice } from '@core/watch/mirror';
import type { JsonFileProblem } from './json-file';
import type { Notice } from './notifier';
import type { FakeClock } from './test-clock';
import { createWatchService, type WatchService } from './watch-service';
import { createFileWatchStore } from './watch-store';
import type { ConfigureInput } from './watch-inputs';

/** For the watch's tests: a real file store in `dir`, on a fake clock, with notices recorded. */

export const LONDON: ConfigureInput = { timeZone: 'Europe/London', currency: 'GBP', locale: 'en-GB', businessName: 'Acme Repairs' };

export interface TestWatch {
  watch: WatchService;
  notices: Notice[];
  problems: JsonFileProblem[];
}

export async function startTestWatch(dir: string, clock: FakeClock): Promise<TestWatch> {
  const notices: Notice[] = [];
  const problems: JsonFileProblem[] = [];
  const watch = createWatchService({
    clock: clock.now,
    store: createFileWatchStore({ dir, timers: clock, onProblem: (p) => problems.push(p) }),
    notifier: { notify: (notice) => notices.push(notice) },
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  });
  await watch.start();
  return { watch, notices, problems };
}

/** A full snapshot in one chunk. */
export function sendSnapshot(watch: WatchService, customers: MirrorCustomer[], invoices: MirrorInvoice[]) {
  return watch.mirrorReplace({ generation: randomUUID(), part: 0, final: true, customers, invoices });
}

export function delta(patch: { customers?: MirrorCustomer[]; invoices?: MirrorInvoice[]; removedCustomerIds?: string[]; removedInvoiceIds?: string[] }) {
  return { customers: [], invoices: [], removedCustomerIds: [], removedInvoiceIds: [], ...patch };
}

/** "INV-1 +7" for each reminder, sorted: compact sets to compare. */
export function steps(reminders: readonly { invoiceNumber: string; offsetDays?: number; step?: { offsetDays: number } }[]): string[] {
  return reminders
    .map((r) => {
      const offset = r.offsetDays ?? r.step?.offsetDays ?? NaN;
      return `${r.invoiceNumber} ${offset > 0 ? '+' : ''}${offset}`;
    })
    .sort();
}
