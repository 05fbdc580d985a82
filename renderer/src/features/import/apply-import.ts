import { countDataRows, planInvoiceImport, planPaymentImport, sortRowErrors, type AmountKind, type DateFormat, type DecimalStyle, type InvoiceMapping, type PaymentMapping } from '@core/csv-import';
import type { CurrencyCode, IsoDate } from '@core/primitives';
import type { BookDb } from '../../db/book-db';
import { applyInvoicePlan } from './apply-invoices';
import { applyPaymentPlan } from './apply-payments';
import type { ApplyOptions, ImportMode, ImportResult, ProgressListener } from './import-result';
import { guessSettings, withDetections } from './import-settings';
import { parseCsvText, type ParsedCsv } from './parse-csv';

export { applyInvoicePlan } from './apply-invoices';
export { applyPaymentPlan } from './apply-payments';
export type { ApplyOptions, ImportMode, ImportResult, ProgressListener } from './import-result';

/**
 * A CSV file imported in one call, as the import screen does it in steps: parse (papaparse),
 * guess what the person would otherwise confirm (mapping, date format, decimal style, line or
 * total amounts — each can be given instead), plan (core/csv-import), apply (Dexie).
 * `currency` and `today` are the business's (useBook().profile.currency, useBook().today).
 */
export interface CsvImportOptions extends Omit<ApplyOptions, 'mode'> {
  /** Default: all-or-nothing. */
  readonly mode?: ImportMode;
  readonly currency: CurrencyCode;
  readonly today: IsoDate;
  readonly mapping?: InvoiceMapping;
  readonly dateFormat?: DateFormat;
  readonly decimalStyle?: DecimalStyle;
  readonly amountIs?: AmountKind;
}

export interface CsvPaymentImportOptions extends Omit<CsvImportOptions, 'mapping' | 'amountIs' | 'today'> {
  readonly mapping?: PaymentMapping;
}

export async function importInvoicesCsv(db: BookDb, csvText: string, options: CsvImportOptions, onProgress?: ProgressListener): Promise<ImportResult> {
  const csv = parseCsvText(csvText);
  const s = settingsFor(csv, 'invoices', options);
  if (s.dateFormat === null) return refused('invoices', options, csv, s.dateProblem);
  const plan = planInvoiceImport(csv.records, s.invoiceMapping, {
    dateFormat: s.dateFormat,
    decimalStyle: s.decimalStyle,
    currency: options.currency,
    amountIs: s.amountIs,
    today: options.today,
  });
  const withProblems = { ...plan, errors: sortRowErrors([...csv.problems, ...plan.errors]) };
  return applyInvoicePlan(db, withProblems, { ...options, mode: options.mode ?? 'all-or-nothing' }, onProgress);
}

export async function importPaymentsCsv(db: BookDb, csvText: string, options: CsvPaymentImportOptions, onProgress?: ProgressListener): Promise<ImportResult> {
  const csv = parseCsvText(csvText);
  const s = settingsFor(csv, 'payments', options);
  if (s.dateFormat === null) return refused('payments', options, csv, s.dateProblem);
  const plan = planPaymentImport(csv.records, s.paymentMapping, { dateFormat: s.dateFormat, decimalStyle: s.decimalStyle, currency: options.currency });
  const withProblems = { ...plan, errors: sortRowErrors([...csv.problems, ...plan.errors]) };
  return applyPaymentPlan(db, withProblems, { ...options, mode: options.mode ?? 'all-or-nothing' }, onProgress);
}

function settingsFor(
  csv: ParsedCsv,
  kind: 'invoices' | 'payments',
  o: { mapping?: InvoiceMapping | PaymentMapping; dateFormat?: DateFormat; decimalStyle?: DecimalStyle; amountIs?: AmountKind; ctx: { locale: string } },
) {
  const guessed = guessSettings(csv.records, kind, o.ctx.locale);
  const given = {
    ...guessed,
    ...(o.mapping ? (kind === 'invoices' ? { invoiceMapping: o.mapping as InvoiceMapping } : { paymentMapping: o.mapping as PaymentMapping }) : {}),
    ...(o.amountIs ? { amountIs: o.amountIs } : {}),
  };
  const s = o.mapping ? withDetections(csv.records, given, o.ctx.locale) : given;
  const dateFormat = o.dateFormat ?? s.dateFormat;
  const dateProblem =
    s.dateDetection.kind === 'ambiguous'
      ? `The dates could be read as ${s.dateDetection.candidates.join(' or ')}; say which with the dateFormat option`
      : 'No date format reads these dates';
  return { ...s, dateFormat, decimalStyle: o.decimalStyle ?? s.decimalStyle, dateProblem };
}

function refused(kind: 'invoices' | 'payments', o: { mode?: ImportMode }, csv: ParsedCsv, message: string): ImportResult {
  const rows = countDataRows(csv.records);
  return {
    kind,
    mode: o.mode ?? 'all-or-nothing',
    written: false,
    rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    skippedRows: rows,
    customersCreated: 0,
    errors: [{ row: 1, column: 'Date format', message }],
    stopped: null,
  };
}
