import { normaliseEmail } from '../identifiers';
import type { InvoiceState } from '../invoice';
import { minorDigits } from '../money';
import type { CurrencyCode, IsoDate } from '../primitives';
import { parseAmount } from './amount';
import { parseDate } from './date-format';
import { INVOICE_FIELDS, type InvoiceField, type InvoiceMapping } from './fields';
import type { InvoicePlanOptions } from './invoice-plan-types';
import { memo } from './memo';
import type { RowError } from './records';
import { readInvoiceState } from './status-words';

/** One line of an invoice file, read cell by cell (plan-invoices.ts puts the lines together). */

const MAX_NUMBER = 40;
const MAX_NAME = 200;

/** One line's cells, read. Null means the cell was empty (or its column is not mapped). */
export interface Line {
  readonly line: number;
  readonly number: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly currency: CurrencyCode | null;
  readonly issueDate: IsoDate | null;
  readonly dueDate: IsoDate | null;
  readonly amountMinor: number | null;
  readonly paidMinor: number | null;
  readonly paidDate: IsoDate | null;
  readonly state: InvoiceState | null;
  readonly description: string | null;
}

/** Reads and checks the cells of one line; problems go to `errors`. */
export class LineReader {
  private readonly at: Readonly<Record<InvoiceField, number>>;
  private readonly readDate: (text: string) => ReturnType<typeof parseDate>;
  private readonly readEmail = memo(normaliseEmail);
  private readonly readState = memo(readInvoiceState);
  private readonly readCurrency = memo((code: string) => (isCurrency(code) ? code : null));

  constructor(
    mapping: InvoiceMapping,
    private readonly col: Readonly<Record<InvoiceField, string>>,
    private readonly options: InvoicePlanOptions,
  ) {
    // -1 for an unmapped field: `record[-1]` is undefined, read as an empty cell.
    this.at = Object.fromEntries(INVOICE_FIELDS.map((f) => [f, mapping[f] ?? -1])) as Record<InvoiceField, number>;
    this.readDate = memo((text) => parseDate(text, options.dateFormat));
  }

  private cell(record: readonly string[], field: InvoiceField): string {
    const c = record[this.at[field]];
    return c === undefined ? '' : c.trim();
  }

  numberKey(record: readonly string[]): string {
    const n = this.cell(record, 'number');
    return n.length > MAX_NUMBER ? '' : n.toUpperCase();
  }

  read(record: readonly string[], line: number, group: { readonly currency: CurrencyCode } | undefined, errors: RowError[]): Line {
    const col = this.col;
    const fail = (field: InvoiceField, message: string) => errors.push({ row: line, column: col[field], message });
    const continuing = group !== undefined;

    const number = this.cell(record, 'number');
    if (number === '') fail('number', 'No invoice number');
    else if (number.length > MAX_NUMBER) fail('number', `Invoice numbers can be at most ${MAX_NUMBER} characters`);

    let name = this.cell(record, 'customerName');
    if (/\s\s|[^\S ]/.test(name)) name = name.replace(/\s+/g, ' ');
    if (name === '' && !continuing) fail('customerName', 'No customer name');
    else if (name.length > MAX_NAME) fail('customerName', `Customer names can be at most ${MAX_NAME} characters`);

    let email: string | null = null;
    const rawEmail = this.cell(record, 'customerEmail');
    if (rawEmail !== '') {
      const r = this.readEmail(rawEmail);
      if (r.ok) email = r.email;
      else fail('customerEmail', r.error);
    }

    let currency: CurrencyCode | null = null;
    const rawCurrency = this.cell(record, 'currency').toUpperCase();
    if (rawCurrency !== '') {
      currency = this.readCurrency(rawCurrency);
      if (currency === null) fail('currency', `"${rawCurrency}" is not a currency code; use three letters, like EUR`);
    }
    // Amounts are read in the invoice's currency (JPY has no decimals, KWD three).
    const amountCurrency = currency ?? group?.currency ?? this.options.currency;

    const issueDate = this.date(record, 'issueDate', !continuing, fail);
    const dueDate = this.date(record, 'dueDate', false, fail);
    const paidDate = this.date(record, 'paidDate', false, fail);

    let amountMinor: number | null = null;
    const rawAmount = this.cell(record, 'amount');
    if (rawAmount === '') {
      if (!continuing || this.options.amountIs === 'line') fail('amount', 'No amount');
    } else {
      const r = parseAmount(rawAmount, amountCurrency, this.options.decimalStyle);
      if (r.ok) amountMinor = r.minor;
      else if (r.negative) {
        fail('amount', `${r.error}: credit notes and credit lines are not imported; leave the line out and record the credit on the invoice instead`);
      } else fail('amount', r.error);
    }

    let paidMinor: number | null = null;
    const rawPaid = this.cell(record, 'paid');
    if (rawPaid !== '') {
      const r = parseAmount(rawPaid, amountCurrency, this.options.decimalStyle);
      if (r.ok) paidMinor = r.minor;
      else fail('paid', r.negative ? `${r.error}: an amount paid cannot be below zero (refunds are not imported)` : r.error);
    }

    let state: InvoiceState | null = null;
    const rawStatus = this.cell(record, 'status');
    if (rawStatus !== '') {
      const r = this.readState(rawStatus);
      if (r.ok) state = r.state;
      else fail('status', r.error);
    }

    const description = this.cell(record, 'description');
    return {
      line,
      number,
      name: name === '' ? null : name,
      email,
      currency,
      issueDate,
      dueDate,
      amountMinor,
      paidMinor,
      paidDate,
      state,
      description: description === '' ? null : description,
    };
  }

  private date(
    record: readonly string[],
    field: 'issueDate' | 'dueDate' | 'paidDate',
    required: boolean,
    fail: (field: InvoiceField, message: string) => void,
  ): IsoDate | null {
    const raw = this.cell(record, field);
    if (raw === '') {
      if (required) fail(field, 'No date');
      return null;
    }
    const r = this.readDate(raw);
    if (r.ok) return r.date;
    fail(field, r.error);
    return null;
  }
}

function isCurrency(code: string): code is CurrencyCode {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    minorDigits(code);
    return true;
  } catch {
    return false;
  }
}
