import {
  detectDateFormat,
  detectDecimalStyle,
  guessAmountKind,
  guessMapping,
  isBlankRecord,
  type AmountKind,
  type ColumnMapping,
  type CsvRecords,
  type DateDetection,
  type DateFormat,
  type DecimalStyle,
  type ImportKind,
  type InvoiceMapping,
  type PaymentMapping,
} from '@core/csv-import';

/** How to read a file: what the import screen shows for the person to confirm or change. */
export interface ImportSettings {
  readonly kind: ImportKind;
  readonly invoiceMapping: InvoiceMapping;
  readonly paymentMapping: PaymentMapping;
  /** What the dates in the mapped date columns allow; 'ambiguous' needs the person's choice. */
  readonly dateDetection: DateDetection;
  /** Null until known: an ambiguous file must not be read one way by default. */
  readonly dateFormat: DateFormat | null;
  readonly decimalStyle: DecimalStyle;
  readonly amountIs: AmountKind;
}

export const DATE_FIELDS = { invoices: ['issueDate', 'dueDate', 'paidDate'], payments: ['date'] } as const;
export const AMOUNT_FIELDS = { invoices: ['amount', 'paid'], payments: ['amount'] } as const;

/** Guesses everything from the file; `kind` and `locale` (for the decimal style when the amounts do not tell) come from the screen. */
export function guessSettings(records: CsvRecords, kind: ImportKind, locale: string): ImportSettings {
  const header = records[0] ?? [];
  const invoiceMapping = guessMapping(header, 'invoices');
  const paymentMapping = guessMapping(header, 'payments');
  return withDetections(records, { kind, invoiceMapping, paymentMapping, amountIs: amountKindFor(header, invoiceMapping) }, locale);
}

/**
 * Detects the date format and decimal style from the columns now mapped, keeping the rest.
 * Called again whenever the mapping or kind changes, since a different column means different
 * values.
 */
export function withDetections(
  records: CsvRecords,
  s: Pick<ImportSettings, 'kind' | 'invoiceMapping' | 'paymentMapping' | 'amountIs'>,
  locale: string,
): ImportSettings {
  const mapping: ColumnMapping<string> = s.kind === 'invoices' ? s.invoiceMapping : s.paymentMapping;
  const dateDetection = detectDateFormat(columnValues(records, DATE_FIELDS[s.kind].map((f) => mapping[f] ?? null)));
  const dateFormat = dateDetection.kind === 'found' ? dateDetection.format : dateDetection.kind === 'unknown' ? dateDetection.best : null;
  const decimalStyle = detectDecimalStyle(columnValues(records, AMOUNT_FIELDS[s.kind].map((f) => mapping[f] ?? null))) ?? localeDecimalStyle(locale);
  return { ...s, dateDetection, dateFormat, decimalStyle };
}

export function amountKindFor(header: readonly string[], mapping: InvoiceMapping): AmountKind {
  return guessAmountKind(mapping.amount === null ? undefined : header[mapping.amount]);
}

/** The non-empty cells of some columns, row by row, without copying the file. */
function* columnValues(records: CsvRecords, columns: readonly (number | null)[]): Generator<string> {
  const cols = columns.filter((c): c is number => c !== null);
  if (cols.length === 0) return;
  for (let i = 1; i < records.length; i++) {
    const r = records[i] ?? [];
    if (isBlankRecord(r)) continue;
    for (const c of cols) {
      const v = r[c];
      if (v !== undefined && v.trim() !== '') yield v;
    }
  }
}

function localeDecimalStyle(locale: string): DecimalStyle {
  try {
    const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
    return part?.value === ',' ? 'comma' : 'dot';
  } catch {
    return 'dot';
  }
}

/**
 * The settings after the person changes the kind or a column: the date format and decimal
 * style are detected again only if the columns they are read from changed, so a choice made
 * by hand survives changes elsewhere; an ambiguous detection keeps a choice that still fits.
 */
export function changeSettings(records: CsvRecords, current: ImportSettings, change: Partial<Pick<ImportSettings, 'kind' | 'invoiceMapping' | 'paymentMapping' | 'amountIs'>>, locale: string): ImportSettings {
  const next = { ...current, ...change };
  const detected = withDetections(records, next, locale);
  const columns = (s: ImportSettings, fields: Readonly<Record<ImportKind, readonly string[]>>) => {
    const mapping: ColumnMapping<string> = s.kind === 'invoices' ? s.invoiceMapping : s.paymentMapping;
    return `${s.kind}:${fields[s.kind].map((f) => mapping[f] ?? '-').join(',')}`;
  };
  const datesMoved = columns(current, DATE_FIELDS) !== columns(next, DATE_FIELDS);
  const amountsMoved = columns(current, AMOUNT_FIELDS) !== columns(next, AMOUNT_FIELDS);
  let dateFormat = current.dateFormat;
  if (datesMoved) {
    const d = detected.dateDetection;
    const keep = dateFormat !== null && (d.kind === 'ambiguous' ? d.candidates.includes(dateFormat) : d.kind === 'unknown' && d.best === null);
    dateFormat = keep ? dateFormat : detected.dateFormat;
  }
  return {
    ...next,
    dateDetection: datesMoved ? detected.dateDetection : current.dateDetection,
    dateFormat,
    decimalStyle: amountsMoved ? detected.decimalStyle : current.decimalStyle,
  };
}
