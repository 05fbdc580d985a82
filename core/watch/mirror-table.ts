import { dayNumber, fromDayNumber } from '../lateness/day-number';
import type { MirrorCustomer, MirrorInvoice } from './mirror';

/**
 * The mirror held in memory in the shape the evaluation loop wants: one slot per open invoice,
 * with its numbers in typed arrays (due day as a precomputed day number, open balance, dispute
 * flag, customer slot, and the two chase columns) so a pass over a million invoices touches
 * only flat memory and allocates nothing. Strings (ids, numbers, currencies) sit in plain
 * arrays beside them for drafts and for saving.
 *
 * A removed invoice frees its slot (its open balance becomes 0, which the loop skips) for the
 * next one. Customer slots are never freed within a run: an invoice may arrive before its
 * customer (snapshot chunks come in any order), so a customer slot can exist without a row.
 */

/** `highest` of an invoice nothing has been raised for yet: below every possible step. */
export const NO_STEP = -0x8000_0000;
/** `firstSeenDay` of an invoice seen before the watch knew its time zone (so before any "today"). */
export const NOT_STAMPED = -0x8000_0000;

export interface ChaseInit {
  /** Day number of the first day the watch saw this invoice, or NOT_STAMPED. */
  readonly firstSeenDay: number;
  /** Offset of the highest step raised (or superseded) so far, or NO_STEP. */
  readonly highest: number;
}

export interface UpsertResult {
  readonly slot: number;
  readonly isNew: boolean;
}

export interface RemovedInvoice {
  readonly slot: number;
  readonly id: string;
  readonly customerId: string;
}

const INITIAL_CAPACITY = 64;

export class MirrorTable {
  // Invoice columns, indexed by slot. Public for the evaluation loop; change them only here.
  customerOf = new Int32Array(INITIAL_CAPACITY);
  dueDay = new Int32Array(INITIAL_CAPACITY);
  issueDay = new Int32Array(INITIAL_CAPACITY);
  openMinor = new Float64Array(INITIAL_CAPACITY);
  totalMinor = new Float64Array(INITIAL_CAPACITY);
  disputed = new Uint8Array(INITIAL_CAPACITY);
  /** Chase column: the highest step offset raised or superseded (NO_STEP = none). */
  highest = new Int32Array(INITIAL_CAPACITY);
  /** Chase column: day number of first sight (NOT_STAMPED until the watch has a "today"). */
  firstSeenDay = new Int32Array(INITIAL_CAPACITY);
  private readonly invoiceIds: (string | undefined)[] = [];
  private readonly numbers: string[] = [];
  private readonly currencies: string[] = [];
  private readonly invoiceSlots = new Map<string, number>();
  private readonly freeInvoiceSlots: number[] = [];
  /** Slots in use or freed: the loop runs over [0, invoiceEnd). */
  private end = 0;

  private readonly customerSlots = new Map<string, number>();
  private readonly customerIds: string[] = [];
  private readonly customerRows: (MirrorCustomer | undefined)[] = [];
  private readonly invoicesByCustomer: Set<number>[] = [];
  private rowCount = 0;

  /** One past the last invoice slot ever used: the evaluation loop's bound. */
  get invoiceEnd(): number {
    return this.end;
  }

  /** Customer slots, with or without a row: the size of per-customer arrays. */
  get customerCount(): number {
    return this.customerIds.length;
  }

  get invoiceCount(): number {
    return this.invoiceSlots.size;
  }

  /** Customers with a row (not just a slot held for their invoices). */
  get customerRowCount(): number {
    return this.rowCount;
  }

  // ---- customers ----

  /** Adds or replaces a customer row; returns the row it replaced, if any. */
  upsertCustomer(row: MirrorCustomer): MirrorCustomer | undefined {
    const slot = this.ensureCustomerSlot(row.id);
    const before = this.customerRows[slot];
    this.customerRows[slot] = row;
    if (!before) this.rowCount++;
    return before;
  }

  /** Drops a customer's row (their invoices, if any remain, keep the slot). */
  removeCustomer(id: string): MirrorCustomer | undefined {
    const slot = this.customerSlots.get(id);
    if (slot === undefined) return undefined;
    const before = this.customerRows[slot];
    this.customerRows[slot] = undefined;
    if (before) this.rowCount--;
    return before;
  }

  customerSlot(id: string): number | undefined {
    return this.customerSlots.get(id);
  }

  customerIdAt(slot: number): string {
    return this.customerIds[slot]!;
  }

  customerRow(slotOrId: number | string): MirrorCustomer | undefined {
    const slot = typeof slotOrId === 'number' ? slotOrId : this.customerSlots.get(slotOrId);
    return slot === undefined ? undefined : this.customerRows[slot];
  }

  /** Every customer with a row. */
  *customers(): IterableIterator<MirrorCustomer> {
    for (const row of this.customerRows) if (row) yield row;
  }

  /** Invoice slots of a customer's open invoices. */
  invoicesOf(customerSlot: number): ReadonlySet<number> {
    return this.invoicesByCustomer[customerSlot] ?? EMPTY;
  }

  /** Whether the customer owes anything (has an open invoice in the mirror). */
  isOwing(customerId: string): boolean {
    const slot = this.customerSlots.get(customerId);
    return slot !== undefined && this.invoicesOf(slot).size > 0;
  }

  // ---- invoices ----

  /**
   * Adds or updates an invoice. `init` sets the chase columns of a new slot only: an update
   * (a part payment, a dispute) keeps what has been raised and when it was first seen.
   */
  upsertInvoice(row: MirrorInvoice, init: ChaseInit): UpsertResult {
    const customer = this.ensureCustomerSlot(row.customerId);
    let slot = this.invoiceSlots.get(row.id);
    const isNew = slot === undefined;
    if (slot === undefined) {
      slot = this.freeInvoiceSlots.pop() ?? this.end++;
      this.ensureInvoiceCapacity(slot + 1);
      this.invoiceSlots.set(row.id, slot);
      this.highest[slot] = init.highest;
      this.firstSeenDay[slot] = init.firstSeenDay;
    } else {
      const previous = this.customerOf[slot]!;
      if (previous !== customer) this.invoicesByCustomer[previous]?.delete(slot);
    }
    this.invoiceIds[slot] = row.id;
    this.numbers[slot] = row.number;
    this.currencies[slot] = row.currency;
    this.customerOf[slot] = customer;
    this.dueDay[slot] = dayNumber(row.dueDate);
    this.issueDay[slot] = dayNumber(row.issueDate);
    this.openMinor[slot] = row.openMinor;
    this.totalMinor[slot] = row.totalMinor;
    this.disputed[slot] = row.disputed ? 1 : 0;
    this.invoicesByCustomer[customer]!.add(slot);
    return { slot, isNew };
  }

  removeInvoice(id: string): RemovedInvoice | undefined {
    const slot = this.invoiceSlots.get(id);
    if (slot === undefined) return undefined;
    const customer = this.customerOf[slot]!;
    this.invoicesByCustomer[customer]?.delete(slot);
    this.invoiceSlots.delete(id);
    this.invoiceIds[slot] = undefined;
    // 0 open is how the loop knows a slot is free: no separate "live" column to keep in step.
    this.openMinor[slot] = 0;
    this.totalMinor[slot] = 0;
    this.disputed[slot] = 0;
    this.highest[slot] = NO_STEP;
    this.firstSeenDay[slot] = NOT_STAMPED;
    this.freeInvoiceSlots.push(slot);
    return { slot, id, customerId: this.customerIds[customer]! };
  }

  invoiceSlot(id: string): number | undefined {
    return this.invoiceSlots.get(id);
  }

  invoiceIdAt(slot: number): string | undefined {
    return this.invoiceIds[slot];
  }

  numberAt(slot: number): string {
    return this.numbers[slot] ?? '';
  }

  currencyAt(slot: number): string {
    return this.currencies[slot] ?? '';
  }

  /** The invoice in a slot as the renderer sent it (rebuilt from the columns). */
  invoiceRow(slot: number): MirrorInvoice | undefined {
    const id = this.invoiceIds[slot];
    if (id === undefined) return undefined;
    return {
      id,
      customerId: this.customerIds[this.customerOf[slot]!]!,
      number: this.numbers[slot]!,
      currency: this.currencies[slot]!,
      issueDate: fromDayNumber(this.issueDay[slot]!),
      dueDate: fromDayNumber(this.dueDay[slot]!),
      totalMinor: this.totalMinor[slot]!,
      openMinor: this.openMinor[slot]!,
      disputed: this.disputed[slot] === 1,
    };
  }

  /** Every invoice slot in use. */
  *invoiceSlotsInUse(): IterableIterator<number> {
    for (const slot of this.invoiceSlots.values()) yield slot;
  }

  /** Every invoice id in the mirror. */
  invoiceIdList(): string[] {
    return [...this.invoiceSlots.keys()];
  }

  /** Every customer id that has a row. */
  customerIdList(): string[] {
    const ids: string[] = [];
    for (let slot = 0; slot < this.customerRows.length; slot++) if (this.customerRows[slot]) ids.push(this.customerIds[slot]!);
    return ids;
  }

  private ensureCustomerSlot(id: string): number {
    let slot = this.customerSlots.get(id);
    if (slot === undefined) {
      slot = this.customerIds.length;
      this.customerSlots.set(id, slot);
      this.customerIds.push(id);
      this.customerRows.push(undefined);
      this.invoicesByCustomer.push(new Set());
    }
    return slot;
  }

  private ensureInvoiceCapacity(needed: number): void {
    if (needed <= this.dueDay.length) return;
    let capacity = this.dueDay.length;
    while (capacity < needed) capacity *= 2;
    this.customerOf = grow(this.customerOf, capacity);
    this.dueDay = grow(this.dueDay, capacity);
    this.issueDay = grow(this.issueDay, capacity);
    this.openMinor = grow(this.openMinor, capacity);
    this.totalMinor = grow(this.totalMinor, capacity);
    this.disputed = grow(this.disputed, capacity);
    this.highest = grow(this.highest, capacity);
    this.firstSeenDay = grow(this.firstSeenDay, capacity);
  }
}

const EMPTY: ReadonlySet<number> = new Set();

function grow<T extends Int32Array | Float64Array | Uint8Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}
