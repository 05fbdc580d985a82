import type { IsoDate } from '../primitives';
import type { MirrorTable } from './mirror-table';
import { promiseOutcome, type PaymentPromise } from './promises';

/** What a covered invoice still owes; one that left the mirror (paid off) owes nothing. */
export function coveredOpenMinor(table: MirrorTable, invoiceIds: readonly string[]): number {
  let sum = 0;
  for (const id of invoiceIds) {
    const slot = table.invoiceSlot(id);
    if (slot !== undefined) sum += table.openMinor[slot]!;
  }
  return sum;
}

export interface PromiseChange {
  readonly promise: PaymentPromise;
  readonly status: 'kept' | 'broken';
}

/** Open promises that are kept or broken as of `today` (see `promiseOutcome`). */
export function reviewPromises(promises: Iterable<PaymentPromise>, table: MirrorTable, today: IsoDate): PromiseChange[] {
  const changes: PromiseChange[] = [];
  for (const promise of promises) {
    if (promise.status !== 'open') continue;
    const status = promiseOutcome(promise, coveredOpenMinor(table, promise.invoiceIds), today);
    if (status === 'kept' || status === 'broken') changes.push({ promise, status });
  }
  return changes;
}
