import { dayNumber, fromDayNumber } from '@core/lateness/day-number';
import type { MirrorCustomer, MirrorInvoice } from '@core/watch/mirror';
import { MirrorTable, NOT_STAMPED } from '@core/watch/mirror-table';
import type { ChaseLedger } from './chase-ledger';
import { SnapshotGenerations } from './snapshot-generations';
import type { MirrorFile } from './store-schema';
import type { MirrorAck } from './watch-api';
import type { MirrorDeltaInput, MirrorReplaceInput } from './watch-inputs';

/** What one snapshot part or delta did, for the engine to follow up. */
export interface MirrorChange {
  /** A delta, or a snapshot's final part: the mirror holds a whole book again. */
  complete: boolean;
  /** Customers who have just become blacklisted (for a snapshot, in any of its parts so far). */
  blacklisted: ReadonlySet<string>;
  dropped: MirrorAck['dropped'];
  /** An invoice was added, changed or removed. */
  invoicesChanged: boolean;
  /** A removed invoice closed something in the chase ledger. */
  ledgerChanged: boolean;
}

/**
 * The renderer's book as the watch holds it: the table of customers and open invoices, the
 * snapshots being sent, whether a snapshot has ever completed (`synced`), and how many invoices
 * still wait for their first-seen day (none can be stamped before the time zone is known).
 * Invoices are written with their chase ledger's highest step, and closed in it when they go.
 */
export class MirrorSync {
  readonly table = new MirrorTable();
  private isSynced = false;
  private readonly generations = new SnapshotGenerations();
  private unstamped = 0;

  constructor(private readonly ledger: ChaseLedger) {}

  /** A snapshot has completed: the mirror is known to be the whole book. */
  get synced(): boolean {
    return this.isSynced;
  }

  /** `stampDay` is the first-seen day for invoices saved without one. */
  restore(mirror: MirrorFile, stampDay: number): void {
    this.isSynced = mirror.synced;
    for (const c of mirror.customers) this.table.upsertCustomer(c);
    for (const { invoice, firstSeenOn } of mirror.invoices) {
      this.upsertInvoice(invoice, firstSeenOn === null ? stampDay : dayNumber(firstSeenOn));
    }
  }

  snapshot(): MirrorFile {
    const t = this.table;
    const invoices: MirrorFile['invoices'] = [];
    for (const slot of t.invoiceSlotsInUse()) {
      const invoice = t.invoiceRow(slot)!;
      const seen = t.firstSeenDay[slot]!;
      invoices.push({ invoice, firstSeenOn: seen === NOT_STAMPED ? null : fromDayNumber(seen) });
    }
    return { version: 1, synced: this.isSynced, customers: [...t.customers()], invoices };
  }

  /** Gives unstamped invoices `todayDay` as their first-seen day; true when there were any. */
  stampUnstamped(todayDay: number): boolean {
    if (this.unstamped === 0) return false;
    const seen = this.table.firstSeenDay;
    for (const slot of this.table.invoiceSlotsInUse()) if (seen[slot] === NOT_STAMPED) seen[slot] = todayDay;
    this.unstamped = 0;
    return true;
  }

  replace(input: MirrorReplaceInput, stampDay: number): MirrorChange {
    const generation = this.generations.accept(input.generation, input.part);
    const change = newChange(input.final, generation.blacklisted);

    for (const customer of input.customers) {
      this.upsertCustomer(customer, generation.blacklisted);
      generation.customers.add(customer.id);
    }
    for (const invoice of input.invoices) {
      this.upsertInvoice(invoice, stampDay);
      change.invoicesChanged = true;
      generation.invoices.add(invoice.id);
    }

    if (input.final) {
      this.generations.finish(input.generation);
      for (const id of this.table.customerIdList()) {
        if (generation.customers.has(id)) continue;
        this.table.removeCustomer(id);
        change.dropped.customers++;
      }
      for (const id of this.table.invoiceIdList()) {
        if (generation.invoices.has(id)) continue;
        this.removeInvoice(id, change);
        change.dropped.invoices++;
      }
      this.ledger.closeMissing(this.table);
      this.isSynced = true;
    }
    return change;
  }

  delta(input: MirrorDeltaInput, stampDay: number): MirrorChange {
    const blacklisted = new Set<string>();
    const change = newChange(true, blacklisted);
    const open = this.generations.open();
    for (const id of input.removedInvoiceIds) {
      this.removeInvoice(id, change);
      for (const g of open) g.invoices.delete(id);
    }
    for (const id of input.removedCustomerIds) {
      this.table.removeCustomer(id);
      for (const g of open) g.customers.delete(id);
    }
    // Rows changed while a snapshot is being sent are part of the book: the snapshot's final
    // chunk must not drop them.
    for (const customer of input.customers) {
      this.upsertCustomer(customer, blacklisted);
      for (const g of open) g.customers.add(customer.id);
    }
    for (const invoice of input.invoices) {
      this.upsertInvoice(invoice, stampDay);
      change.invoicesChanged = true;
      for (const g of open) g.invoices.add(invoice.id);
    }
    return change;
  }

  /**
   * Notes a customer who has just become blacklisted: a different status or a new set-at
   * instant than the mirror had. A customer the mirror has never held counts as a change only
   * once a first snapshot has completed; before that, every status is old news, not a change.
   */
  private upsertCustomer(row: MirrorCustomer, blacklisted: Set<string>): void {
    const before = this.table.upsertCustomer(row);
    if (row.status !== 'blacklisted') return;
    const changed = before ? before.status !== 'blacklisted' || before.statusSetAt !== row.statusSetAt : this.isSynced;
    if (changed) blacklisted.add(row.id);
  }

  private upsertInvoice(row: MirrorInvoice, stampDay: number): void {
    const { isNew } = this.table.upsertInvoice(row, { firstSeenDay: stampDay, highest: this.ledger.highestFor(row.id) });
    if (isNew && stampDay === NOT_STAMPED) this.unstamped++;
  }

  private removeInvoice(id: string, change: MirrorChange): void {
    change.invoicesChanged = true;
    if (this.table.removeInvoice(id) && this.ledger.closeInvoice(id)) change.ledgerChanged = true;
  }
}

function newChange(complete: boolean, blacklisted: ReadonlySet<string>): MirrorChange {
  return { complete, blacklisted, dropped: { customers: 0, invoices: 0 }, invoicesChanged: false, ledgerChanged: false };
}
