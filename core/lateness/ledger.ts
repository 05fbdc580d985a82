import type { InvoiceState } from '../invoice';
import type { CurrencyCode, Id, IsoDate } from '../primitives';

/**
 * The parts of an invoice that lateness reads. Every `Invoice` from core/invoice.ts is one
 * (checked at compile time in ledger.test.ts); the narrower shape lets an importer, a cached row or a benchmark
 * pass only what the maths needs.
 */

/** A payment or a credit note, as far as lateness cares: when, and how much. */
export interface Settlement {
  readonly date: IsoDate;
  readonly amountMinor: number;
}

export interface InvoiceLedger {
  readonly state: InvoiceState;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly totalMinor: number;
  readonly payments: readonly Settlement[];
  readonly creditNotes: readonly Settlement[];
}

/** An invoice as the book's reports see it: its ledger, whose it is, and in which currency. */
export interface BookInvoice extends InvoiceLedger {
  readonly id: Id;
  readonly customerId: Id;
  readonly currency: CurrencyCode;
}

/**
 * Whether the invoice is a debt at all. A draft was never sent; a written-off invoice is no
 * longer chased (its balance is 0, as `openBalanceMinor` in core/invoice-status.ts has it).
 * A disputed invoice is still owed and still ages.
 */
export function isReceivable(inv: InvoiceLedger): boolean {
  return inv.state === 'issued' || inv.state === 'disputed';
}
