import { planInvoiceImport, planPaymentImport, sortRowErrors, type InvoicePlan, type PaymentPlan, type RowError } from '@core/csv-import';
import type { CurrencyCode, IsoDate } from '@core/primitives';
import type { BookDb } from '../../db/book-db';
import { applyInvoicePlan } from './apply-invoices';
import { applyPaymentPlan } from './apply-payments';
import type { ApplyOptions, ImportResult, ProgressListener } from './import-result';
import type { ImportSettings } from './import-settings';
import type { ParsedCsv } from './parse-csv';

export type FilePlan = { kind: 'invoices'; plan: InvoicePlan } | { kind: 'payments'; plan: PaymentPlan };

/**
 * The plan of a parsed file under the screen's settings, with the file's own quoting problems
 * among its errors; null while the date format is not chosen.
 */
export function planFile(csv: ParsedCsv, s: ImportSettings, currency: CurrencyCode, today: IsoDate): FilePlan | null {
  if (s.dateFormat === null) return null;
  const withFileProblems = (errors: RowError[]) => (csv.problems.length === 0 ? errors : sortRowErrors([...csv.problems, ...errors]));
  if (s.kind === 'invoices') {
    const plan = planInvoiceImport(csv.records, s.invoiceMapping, { dateFormat: s.dateFormat, decimalStyle: s.decimalStyle, currency, amountIs: s.amountIs, today });
    return { kind: 'invoices', plan: { ...plan, errors: withFileProblems(plan.errors) } };
  }
  const plan = planPaymentImport(csv.records, s.paymentMapping, { dateFormat: s.dateFormat, decimalStyle: s.decimalStyle, currency });
  return { kind: 'payments', plan: { ...plan, errors: withFileProblems(plan.errors) } };
}

export function applyFilePlan(db: BookDb, p: FilePlan, options: ApplyOptions, onProgress?: ProgressListener): Promise<ImportResult> {
  return p.kind === 'invoices' ? applyInvoicePlan(db, p.plan, options, onProgress) : applyPaymentPlan(db, p.plan, options, onProgress);
}

/** How many invoices or payments the plan would bring in, for the summary above the preview. */
export function plannedCount(p: FilePlan): number {
  return p.kind === 'invoices' ? p.plan.invoices.length : p.plan.payments.length;
}
