/**
 * CSV import of invoices and payments as accounting tools export them. Pure: the renderer
 * splits the file into records (papaparse) and applies the plan to the book (Dexie); this
 * folder reads the cells and decides what they mean.
 *
 *   fields.ts            the fields a column can map to, with labels and defaults
 *   header-spellings.ts  column names in English, German, French and Dutch exports
 *   guess-mapping.ts     a first guess at the mapping from the header; line or total amounts
 *   date-format.ts       dd/MM/yyyy, MM/dd/yyyy, yyyy-MM-dd: detection and parsing
 *   amount.ts            amounts in a decimal style, with parseMoney's rules
 *   status-words.ts      status and payment-method words
 *   records.ts           records, their line numbers, row errors
 *   mapping-check.ts     a mapping's own problems (a required field without a column)
 *   memo.ts              each distinct cell read once
 *   plan-invoices.ts     rows → invoices (grouped by number) and problems, using
 *     invoice-line.ts      one line's cells read and checked
 *     invoice-group.ts     the lines of one invoice number merged, conflicts found
 *     invoice-plan-types.ts  the plan's types
 *   plan-payments.ts     rows → payments and problems
 */
export * from './fields';
export { guessMapping, guessAmountKind, type AmountKind } from './guess-mapping';
export { normaliseHeader } from './header-spellings';
export {
  DATE_FORMATS,
  DATE_FORMAT_EXAMPLES,
  detectDateFormat,
  parseDate,
  type DateDetection,
  type DateFormat,
  type ParseDateResult,
} from './date-format';
export { DECIMAL_STYLE_EXAMPLES, detectDecimalStyle, parseAmount, type AmountResult, type DecimalStyle } from './amount';
export { readInvoiceState, readPaymentMethod, type StateReading } from './status-words';
export { columnName, countDataRows, isBlankRecord, recordLines, sortRowErrors, type CsvRecords, type RowError } from './records';
export { mappingErrors } from './mapping-check';
export {
  planInvoiceImport,
  type InvoicePlan,
  type InvoicePlanOptions,
  type PlannedCustomer,
  type PlannedInvoice,
  type PlannedPayment,
} from './plan-invoices';
export { paymentAmountIn, planPaymentImport, type PaymentPlan, type PaymentPlanOptions, type PlannedPaymentRow } from './plan-payments';
