import type { InvoiceState } from '../invoice';
import type { CurrencyCode, IsoDate } from '../primitives';
import type { DecimalStyle } from './amount';
import type { DateFormat } from './date-format';
import type { InvoiceField } from './fields';
import type { AmountKind } from './guess-mapping';
import type { RowError } from './records';

/** What planInvoiceImport (plan-invoices.ts) takes and gives. */

export interface InvoicePlanOptions {
  readonly dateFormat: DateFormat;
  readonly decimalStyle: DecimalStyle;
  /** The business's currency: the currency of rows without one. */
  readonly currency: CurrencyCode;
  readonly amountIs: AmountKind;
  /** Today in the business's time zone; a paid amount without a date is never dated later. */
  readonly today: IsoDate;
}

/** Who an invoice is for, as the file says. `key` tells customers of one file apart. */
export interface PlannedCustomer {
  readonly name: string;
  /** Normalised (lower case), or null when the file gives none. */
  readonly email: string | null;
  /** The name folded as the book folds names (foldText), for matching. */
  readonly nameKey: string;
  /** Folded name and e-mail together. */
  readonly key: string;
}

export interface PlannedPayment {
  readonly date: IsoDate;
  readonly amountMinor: number;
}

export interface PlannedInvoice {
  readonly number: string;
  /** The number as the book indexes it: trimmed, upper case (numberKeyOf in the renderer). */
  readonly numberKey: string;
  readonly customer: PlannedCustomer;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly currency: CurrencyCode;
  readonly totalMinor: number;
  /** What the file says has been paid, or null for nothing (or no paid column). */
  readonly paid: PlannedPayment | null;
  /** Null when the file has no status column: an existing invoice keeps its state. */
  readonly state: InvoiceState | null;
  /** The descriptions of the lines, or null when the file has no description column. */
  readonly notes: string | null;
  /** The lines of the file this invoice was read from. */
  readonly rows: readonly number[];
}

export interface InvoicePlan {
  readonly invoices: PlannedInvoice[];
  /** In file order. A row appears once per problem. */
  readonly errors: RowError[];
  /** Rows after the header that hold anything. */
  readonly rows: number;
  /** Each field's column as the file names it, for problems found later (by the apply step). */
  readonly columns: Readonly<Record<InvoiceField, string>>;
}
