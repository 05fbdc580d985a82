import type { IsoDate } from '../primitives';
import { isHeld, type CustomerOverride } from './customer-override';
import type { MirrorTable } from './mirror-table';
import { stepOffsets, type ReminderStep } from './plan';
import { isLivePromise, type PaymentPromise } from './promises';

/**
 * Everything about one day's chasing that is not per invoice, flattened into arrays indexed by
 * slot so the evaluation loop reads a byte instead of looking anything up: which ladder each
 * customer follows, which customers are held (stopped, paused) and which invoices a live
 * promise covers. Built once per evaluation in O(customers + overrides + promised invoices).
 */
export interface ChaseHolds {
  /** Ascending step offsets per ladder; 0 is the business plan, the others are overrides. */
  readonly ladders: readonly Int32Array[];
  /** Per customer slot: index into `ladders`. */
  readonly customerLadder: Int32Array;
  /** Per customer slot: 1 = not chased today. */
  readonly customerHeld: Uint8Array;
  /** Per invoice slot: 1 = covered by a live promise. */
  readonly invoiceHeld: Uint8Array;
}

export interface HoldInputs {
  readonly businessSteps: readonly ReminderStep[];
  readonly overrides: Iterable<CustomerOverride>;
  readonly promises: Iterable<PaymentPromise>;
  readonly today: IsoDate;
}

/**
 * The holds for `today`. `reuse` (the previous day's holds) lends its arrays when they are big
 * enough, so an evaluation after every small change does not allocate a megabyte each time.
 */
export function chaseHolds(table: MirrorTable, inputs: HoldInputs, reuse?: ChaseHolds): ChaseHolds {
  const customers = table.customerCount;
  const invoices = table.invoiceEnd;
  const customerLadder = reuse && reuse.customerLadder.length >= customers ? reuse.customerLadder.fill(0) : new Int32Array(capacityFor(customers));
  const customerHeld = reuse && reuse.customerHeld.length >= customers ? reuse.customerHeld.fill(0) : new Uint8Array(capacityFor(customers));
  const invoiceHeld = reuse && reuse.invoiceHeld.length >= invoices ? reuse.invoiceHeld.fill(0) : new Uint8Array(capacityFor(invoices));
  const ladders: Int32Array[] = [stepOffsets(inputs.businessSteps)];

  for (const override of inputs.overrides) {
    const slot = table.customerSlot(override.customerId);
    if (slot === undefined) continue;
    if (isHeld(override, inputs.today)) customerHeld[slot] = 1;
    if (override.planOverride !== null) {
      customerLadder[slot] = ladders.length;
      ladders.push(stepOffsets(override.planOverride));
    }
  }

  for (const promise of inputs.promises) {
    if (!isLivePromise(promise, inputs.today)) continue;
    for (const invoiceId of promise.invoiceIds) {
      const slot = table.invoiceSlot(invoiceId);
      if (slot !== undefined) invoiceHeld[slot] = 1;
    }
  }

  return { ladders, customerLadder, customerHeld, invoiceHeld };
}

/** Room to grow before the next allocation: a book gains invoices one at a time. */
function capacityFor(n: number): number {
  return Math.max(64, Math.ceil(n * 1.25));
}
