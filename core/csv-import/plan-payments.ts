import type { PaymentMethod } from '../invoice';
import type { CurrencyCode, IsoDate } from '../primitives';
import { parseAmount, type DecimalStyle } from './amount';
import { parseDate, type DateFormat } from './date-format';
import { PAYMENT_FIELD_INFO, PAYMENT_FIELDS, type PaymentField, type PaymentMapping } from './fields';
import { mappingErrors } from './mapping-check';
import { memo } from './memo';
import { columnName, isBlankRecord, recordLines, sortRowErrors, type CsvRecords, type RowError } from './records';
import { readPaymentMethod } from './status-words';

/**
 * Reads a payments export: one payment per row, each naming the invoice it pays. Whether that
 * invoice exists, what is still owed on it and whether the payment was imported before are
 * questions for the book, answered by the apply step. Never throws.
 */

export interface PaymentPlanOptions {
  readonly dateFormat: DateFormat;
  readonly decimalStyle: DecimalStyle;
  /** The business's currency, in which `amountMinor` is read. */
  readonly currency: CurrencyCode;
}

export interface PlannedPaymentRow {
  readonly row: number;
  readonly number: string;
  /** Trimmed and upper case, as the book indexes invoice numbers. */
  readonly numberKey: string;
  readonly date: IsoDate;
  /**
   * The amount in minor units of the business's currency. An invoice in another currency
   * (JPY: no decimals, KWD: three) reads `amountText` again with `paymentAmountIn`.
   */
  readonly amountMinor: number;
  readonly amountText: string;
  readonly method: PaymentMethod;
  readonly reference: string;
}

export interface PaymentPlan {
  readonly payments: PlannedPaymentRow[];
  readonly errors: RowError[];
  readonly rows: number;
  readonly currency: CurrencyCode;
  readonly decimalStyle: DecimalStyle;
  /** Each field's column as the file names it, for problems found by the apply step. */
  readonly columns: Readonly<Record<PaymentField, string>>;
}

const MAX_REFERENCE = 200;

export function planPaymentImport(records: CsvRecords, mapping: PaymentMapping, options: PaymentPlanOptions): PaymentPlan {
  const header = records[0] ?? [];
  const col = Object.fromEntries(
    PAYMENT_FIELDS.map((f) => [f, columnName(header, mapping[f], PAYMENT_FIELD_INFO[f].label)]),
  ) as Record<PaymentField, string>;
  const base = { currency: options.currency, decimalStyle: options.decimalStyle, columns: col };
  if (isBlankRecord(header)) {
    return { payments: [], errors: [{ row: 1, column: 'File', message: 'The file is empty: it needs a header line and rows' }], rows: 0, ...base };
  }
  const lines = recordLines(records);
  let rows = 0;
  for (let i = 1; i < records.length; i++) if (!isBlankRecord(records[i] ?? [])) rows++;
  const setup = mappingErrors(header, mapping, PAYMENT_FIELD_INFO);
  if (setup.length > 0) return { payments: [], errors: setup, rows, ...base };

  const cell = (record: readonly string[], field: PaymentField): string => {
    const c = mapping[field];
    return c === null ? '' : (record[c] ?? '').trim();
  };

  const readDate = memo((text: string) => parseDate(text, options.dateFormat));
  const payments: PlannedPaymentRow[] = [];
  const errors: RowError[] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i] ?? [];
    if (isBlankRecord(record)) continue;
    const row = lines[i] ?? i + 1;
    const before = errors.length;
    const fail = (field: PaymentField, message: string) => errors.push({ row, column: col[field], message });

    const number = cell(record, 'number');
    if (number === '') fail('number', 'No invoice number');

    let date: IsoDate | null = null;
    const rawDate = cell(record, 'date');
    if (rawDate === '') fail('date', 'No date');
    else {
      const r = readDate(rawDate);
      if (r.ok) date = r.date;
      else fail('date', r.error);
    }

    let amountMinor: number | null = null;
    const amountText = cell(record, 'amount');
    if (amountText === '') fail('amount', 'No amount');
    else {
      const r = parseAmount(amountText, options.currency, options.decimalStyle);
      if (r.ok && r.minor === 0) fail('amount', 'A payment of zero records nothing');
      else if (r.ok) amountMinor = r.minor;
      else fail('amount', r.negative ? `${r.error}: refunds are not imported as payments` : r.error);
    }

    const reference = cell(record, 'reference');
    if (reference.length > MAX_REFERENCE) fail('reference', `References can be at most ${MAX_REFERENCE} characters`);

    if (errors.length > before || date === null || amountMinor === null) continue;
    payments.push({
      row,
      number,
      numberKey: number.toUpperCase(),
      date,
      amountMinor,
      amountText,
      method: readPaymentMethod(cell(record, 'method')),
      reference,
    });
  }
  return { payments, errors: sortRowErrors(errors), rows, ...base };
}

/** A planned payment's amount in an invoice's own currency, read again from the cell. */
export function paymentAmountIn(payment: PlannedPaymentRow, plan: Pick<PaymentPlan, 'currency' | 'decimalStyle'>, currency: CurrencyCode) {
  if (currency === plan.currency) return { ok: true as const, minor: payment.amountMinor };
  return parseAmount(payment.amountText, currency, plan.decimalStyle);
}
