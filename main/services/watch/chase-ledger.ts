import { fromDayNumber } from '@core/lateness/day-number';
import { RAISE, type RaiseBuffer } from '@core/watch/evaluate';
import { NO_STEP, type MirrorTable } from '@core/watch/mirror-table';
import type { LedgerEntry, Reminder, SentChannel } from './store-schema';
import { WatchError } from './watch-api';

/** Superseded offsets kept per invoice: enough for any ladder, bounded if plans keep changing. */
const MAX_SUPERSEDED = 64;

/**
 * What has been raised: per invoice the highest step raised or superseded (the catch-up rule's
 * memory, see core/watch/evaluate.ts), and every raised reminder with its sent log. Invoices
 * keep their entry after leaving the mirror, so an invoice that comes back (a payment undone)
 * is not chased again for steps it already had.
 */
export class ChaseLedger {
  private readonly entries = new Map<string, LedgerEntry>();
  private readonly reminders = new Map<string, Reminder>();
  /** Invoice id → ids of its reminders with status `due`. */
  private readonly dueByInvoice = new Map<string, Set<string>>();

  restore(entries: readonly LedgerEntry[], reminders: readonly Reminder[]): void {
    for (const entry of entries) this.entries.set(entry.invoiceId, entry);
    for (const reminder of reminders) {
      this.reminders.set(reminder.id, reminder);
      if (reminder.status === 'due') this.indexDue(reminder);
    }
  }

  highestFor(invoiceId: string): number {
    return this.entries.get(invoiceId)?.highest ?? NO_STEP;
  }

  /**
   * Records what an evaluation found: ledger entries, reminders for raised steps, and the
   * table's `highest` column, so the next evaluation starts above them. Returns how many
   * reminders were raised.
   */
  record(table: MirrorTable, found: RaiseBuffer, now: Date, customerName: (customerId: string) => string): number {
    const raisedAt = now.toISOString();
    let raised = 0;
    for (let k = 0; k < found.length; k++) {
      const slot = found.slot[k]!;
      const offset = found.offset[k]!;
      const invoiceId = table.invoiceIdAt(slot);
      if (invoiceId === undefined) continue;
      let entry = this.entries.get(invoiceId);
      if (!entry) {
        entry = { invoiceId, highest: offset, superseded: [] };
        this.entries.set(invoiceId, entry);
      }
      if (offset > entry.highest) entry.highest = offset;
      if (offset > table.highest[slot]!) table.highest[slot] = offset;

      if (found.kind[k] !== RAISE) {
        entry.superseded.push(offset);
        if (entry.superseded.length > MAX_SUPERSEDED) entry.superseded.splice(0, entry.superseded.length - MAX_SUPERSEDED);
        continue;
      }
      const id = reminderId(invoiceId, offset);
      // Raised before and the ledger entry lost? Never a second reminder for the same step.
      if (this.reminders.has(id)) continue;
      const customerId = table.customerIdAt(table.customerOf[slot]!);
      const reminder: Reminder = {
        id,
        invoiceId,
        customerId,
        invoiceNumber: table.numberAt(slot),
        customerName: customerName(customerId),
        offsetDays: offset,
        dueOn: fromDayNumber(table.dueDay[slot]! + offset),
        raisedAt,
        status: 'due',
        sent: [],
      };
      this.reminders.set(id, reminder);
      this.indexDue(reminder);
      raised++;
    }
    return raised;
  }

  /** The invoice left the mirror (paid off): what was still due for it is closed. */
  closeInvoice(invoiceId: string): boolean {
    const due = this.dueByInvoice.get(invoiceId);
    if (!due) return false;
    for (const id of due) this.reminders.get(id)!.status = 'closed';
    this.dueByInvoice.delete(invoiceId);
    return true;
  }

  /** After a full snapshot: closes what is due for invoices the book no longer has open. */
  closeMissing(table: MirrorTable): void {
    for (const invoiceId of [...this.dueByInvoice.keys()]) if (table.invoiceSlot(invoiceId) === undefined) this.closeInvoice(invoiceId);
  }

  /**
   * Logs a send. Idempotent: a reminder already sent keeps its first log entry. Earlier steps
   * of the same invoice still waiting are superseded: the customer has just had the later one.
   */
  markSent(id: string, channel: SentChannel, by: string, now: Date): Reminder {
    const reminder = this.reminders.get(id);
    if (!reminder) throw new WatchError('NOT_FOUND', 'No reminder with that id');
    if (reminder.status === 'sent') return reminder;
    reminder.status = 'sent';
    reminder.sent.push({ channel, by, at: now.toISOString() });
    const due = this.dueByInvoice.get(reminder.invoiceId);
    if (due) {
      due.delete(id);
      for (const otherId of due) {
        const other = this.reminders.get(otherId)!;
        if (other.offsetDays < reminder.offsetDays) {
          other.status = 'superseded';
          due.delete(otherId);
        }
      }
      if (due.size === 0) this.dueByInvoice.delete(reminder.invoiceId);
    }
    return reminder;
  }

  *dueReminders(): IterableIterator<Reminder> {
    for (const ids of this.dueByInvoice.values()) for (const id of ids) yield this.reminders.get(id)!;
  }

  /** Newest first, optionally for one customer. */
  log(customerId: string | undefined, limit: number): Reminder[] {
    const all = [...this.reminders.values()];
    const out: Reminder[] = [];
    for (let i = all.length - 1; i >= 0 && out.length < limit; i--) {
      const reminder = all[i]!;
      if (customerId === undefined || reminder.customerId === customerId) out.push(reminder);
    }
    return out;
  }

  snapshot(): { ledger: LedgerEntry[]; reminders: Reminder[] } {
    return { ledger: [...this.entries.values()], reminders: [...this.reminders.values()] };
  }

  private indexDue(reminder: Reminder): void {
    let due = this.dueByInvoice.get(reminder.invoiceId);
    if (!due) {
      due = new Set();
      this.dueByInvoice.set(reminder.invoiceId, due);
    }
    due.add(reminder.id);
  }
}

export function reminderId(invoiceId: string, offsetDays: number): string {
  return `${invoiceId}:${offsetDays}`;
}
