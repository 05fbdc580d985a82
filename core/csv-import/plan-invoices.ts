import { addDays } from '../dates';
import { foldText, normaliseEmail } from '../identifiers';
import type { InvoiceState } from '../invoice';
import { minorDigits, minorToDecimalString } from '../money';
import type { CurrencyCode, IsoDate } from '../primitives';
import { parseAmount, type DecimalStyle } from './amount';
import { parseDate, type DateFormat } from './date-format';
import { DEFAULT_DUE_DAYS, INVOICE_FIELD_INFO, INVOICE_FIELDS, type InvoiceField, type InvoiceMapping } from './fields';
import type { AmountKind } from './guess-mapping';
import { mappingErrors } from './mapping-check';
import { columnName, isBlankRecord, recordLines, sortRowErrors, type CsvRecords, type RowError } from './records';
import { readInvoiceState } from './status-words';

/**
 * Turns the rows of an invoice export into invoices the book can store, without touching the
 * book: every cell is read and checked, lines that share an invoice number are grouped into
 * one invoice, and every problem is reported with its line in the file. What already exists in
 * the book (customers, invoice numbers) is the apply step's business.
 *
 * Multi-line invoices. Exports often write one line per invoice line, repeating the invoice's
 * own fields (customer, dates, currency, status, amount paid) on each, or writing them on the
 * first line only. So on a later line of the same number an empty cell means "same as before";
 * a filled one must agree with the earlier lines, or both lines are named in an error. The
 * amount column is either each line's amount (summed) or the invoice total (repeated), as the
 * person says in `amountIs`. A paid amount is always taken as the invoice's: tools that export
 * one repeat it on every line.
 *
 * An invoice with a problem on any of its lines is not planned at all — a total missing one
 * line would be wrong — and its other lines are reported as not imported because of it.
 * Never throws: whatever the file holds, the answer is a plan and a list of problems.
 */

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
}

const MAX_NUMBER = 40;
const MAX_NAME = 200;
const MAX_NOTES = 2000;

/** One line's cells, read. Null means the cell was empty (or its column is not mapped). */
interface Line {
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

/** An invoice-level value and the line it came from, for naming both lines in a conflict. */
interface Sourced<T> {
  value: T;
  line: number;
}

interface Group {
  readonly number: string;
  readonly key: string;
  readonly lines: number[];
  bad: boolean;
  currency: CurrencyCode;
  name: Sourced<string> | null;
  email: Sourced<string> | null;
  issueDate: Sourced<IsoDate> | null;
  dueDate: Sourced<IsoDate> | null;
  amount: Sourced<number> | null;
  paid: Sourced<number> | null;
  paidDate: Sourced<IsoDate> | null;
  state: Sourced<InvoiceState> | null;
  descriptions: string[];
}

export function planInvoiceImport(records: CsvRecords, mapping: InvoiceMapping, options: InvoicePlanOptions): InvoicePlan {
  const header = records[0];
  if (header === undefined || isBlankRecord(header)) {
    return { invoices: [], errors: [{ row: 1, column: 'File', message: 'The file is empty: it needs a header line and rows' }], rows: 0 };
  }
  const setup = mappingErrors(header, mapping, INVOICE_FIELD_INFO);
  const lines = recordLines(records);
  let rows = 0;
  for (let i = 1; i < records.length; i++) if (!isBlankRecord(records[i] ?? [])) rows++;
  if (setup.length > 0) return { invoices: [], errors: setup, rows };

  const col = Object.fromEntries(
    INVOICE_FIELDS.map((f) => [f, columnName(header, mapping[f], INVOICE_FIELD_INFO[f].label)]),
  ) as Record<InvoiceField, string>;
  const errors: RowError[] = [];
  const groups = new Map<string, Group>();
  const failedLines = new Set<number>();
  const reader = new LineReader(mapping, col, options);

  for (let i = 1; i < records.length; i++) {
    const record = records[i] ?? [];
    if (isBlankRecord(record)) continue;
    const lineNo = lines[i] ?? i + 1;
    const before = errors.length;
    const numberKey = reader.numberKey(record);
    const group = numberKey === '' ? undefined : groups.get(numberKey);
    const line = reader.read(record, lineNo, group, errors);
    if (errors.length > before) failedLines.add(lineNo);
    if (numberKey === '') continue;
    if (group === undefined) {
      groups.set(numberKey, startGroup(line, numberKey, options.currency, errors.length > before));
    } else {
      group.lines.push(lineNo);
      if (errors.length > before) group.bad = true;
      else if (!mergeLine(group, line, options.amountIs, col, errors)) {
        group.bad = true;
        failedLines.add(lineNo);
      }
    }
  }

  const invoices: PlannedInvoice[] = [];
  for (const group of groups.values()) {
    const planned = group.bad ? null : finishGroup(group, options, col, errors, failedLines);
    if (planned) {
      invoices.push(planned);
      continue;
    }
    const culprit = group.lines.find((l) => failedLines.has(l)) ?? group.lines[0] ?? 0;
    for (const l of group.lines) {
      if (failedLines.has(l) || l === culprit) continue;
      errors.push({ row: l, column: col.number, message: `Not imported: line ${culprit} of invoice ${group.number} has a problem` });
    }
  }
  return { invoices, errors: sortRowErrors(errors), rows };
}

/** Reads and checks the cells of one line; problems go to `errors`. */
class LineReader {
  constructor(
    private readonly mapping: InvoiceMapping,
    private readonly col: Readonly<Record<InvoiceField, string>>,
    private readonly options: InvoicePlanOptions,
  ) {}

  cell(record: readonly string[], field: InvoiceField): string {
    const c = this.mapping[field];
    return c === null ? '' : (record[c] ?? '').trim();
  }

  numberKey(record: readonly string[]): string {
    const n = this.cell(record, 'number');
    return n.length > MAX_NUMBER ? '' : n.toUpperCase();
  }

  read(record: readonly string[], line: number, group: Group | undefined, errors: RowError[]): Line {
    const col = this.col;
    const fail = (field: InvoiceField, message: string) => errors.push({ row: line, column: col[field], message });
    const continuing = group !== undefined;

    const number = this.cell(record, 'number');
    if (number === '') fail('number', 'No invoice number');
    else if (number.length > MAX_NUMBER) fail('number', `Invoice numbers can be at most ${MAX_NUMBER} characters`);

    const rawName = this.cell(record, 'customerName').replace(/\s+/g, ' ');
    if (rawName === '' && !continuing) fail('customerName', 'No customer name');
    else if (rawName.length > MAX_NAME) fail('customerName', `Customer names can be at most ${MAX_NAME} characters`);

    let email: string | null = null;
    const rawEmail = this.cell(record, 'customerEmail');
    if (rawEmail !== '') {
      const r = normaliseEmail(rawEmail);
      if (r.ok) email = r.email;
      else fail('customerEmail', r.error);
    }

    let currency: CurrencyCode | null = null;
    const rawCurrency = this.cell(record, 'currency').toUpperCase();
    if (rawCurrency !== '') {
      if (isCurrency(rawCurrency)) currency = rawCurrency;
      else fail('currency', `"${rawCurrency}" is not a currency code; use three letters, like EUR`);
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
      const r = readInvoiceState(rawStatus);
      if (r.ok) state = r.state;
      else fail('status', r.error);
    }

    const description = this.cell(record, 'description');
    return {
      line,
      number,
      name: rawName === '' ? null : rawName,
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
    const r = parseDate(raw, this.options.dateFormat);
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

const sourced = <T>(value: T | null, line: number): Sourced<T> | null => (value === null ? null : { value, line });

function startGroup(line: Line, key: string, businessCurrency: CurrencyCode, bad: boolean): Group {
  return {
    number: line.number,
    key,
    lines: [line.line],
    bad,
    currency: line.currency ?? businessCurrency,
    name: sourced(line.name, line.line),
    email: sourced(line.email, line.line),
    issueDate: sourced(line.issueDate, line.line),
    dueDate: sourced(line.dueDate, line.line),
    amount: sourced(line.amountMinor, line.line),
    paid: sourced(line.paidMinor, line.line),
    paidDate: sourced(line.paidDate, line.line),
    state: sourced(line.state, line.line),
    descriptions: line.description === null ? [] : [line.description],
  };
}

/**
 * Adds a later line of the same invoice number to its group. Returns false (with the conflict
 * reported at this line, naming the earlier one) when the line disagrees with the invoice.
 */
function mergeLine(group: Group, line: Line, amountIs: AmountKind, col: Readonly<Record<InvoiceField, string>>, errors: RowError[]): boolean {
  let ok = true;
  const conflict = (field: InvoiceField, earlierLine: number, earlier: string, now: string) => {
    ok = false;
    errors.push({
      row: line.line,
      column: col[field],
      message: `Invoice ${group.number}: line ${earlierLine} says ${INVOICE_FIELD_INFO[field].label.toLowerCase()} "${earlier}", this line says "${now}"`,
    });
  };
  const eq = <T>(a: T, b: T) => a === b;
  const text = (v: string) => v;
  const money = (v: number) => minorToDecimalString(v, minorDigits(group.currency));
  const agree = <T>(field: InvoiceField, current: Sourced<T> | null, value: T | null, same: (a: T, b: T) => boolean, show: (v: T) => string): Sourced<T> | null => {
    if (value === null) return current;
    if (current === null) return { value, line: line.line };
    if (!same(current.value, value)) conflict(field, current.line, show(current.value), show(value));
    return current;
  };

  group.name = agree('customerName', group.name, line.name, (a, b) => foldText(a) === foldText(b), text);
  group.email = agree('customerEmail', group.email, line.email, eq, text);
  if (line.currency !== null && line.currency !== group.currency) conflict('currency', group.lines[0] ?? 0, group.currency, line.currency);
  group.issueDate = agree('issueDate', group.issueDate, line.issueDate, eq, text);
  group.dueDate = agree('dueDate', group.dueDate, line.dueDate, eq, text);
  group.paid = agree('paid', group.paid, line.paidMinor, eq, money);
  group.paidDate = agree('paidDate', group.paidDate, line.paidDate, eq, text);
  group.state = agree('status', group.state, line.state, eq, text);

  if (line.amountMinor !== null) {
    if (group.amount === null) group.amount = { value: line.amountMinor, line: line.line };
    else if (amountIs === 'line') group.amount.value += line.amountMinor;
    else if (group.amount.value !== line.amountMinor) conflict('amount', group.amount.line, money(group.amount.value), money(line.amountMinor));
  }
  if (line.description !== null) group.descriptions.push(line.description);
  return ok;
}

/** The planned invoice of a group whose lines all read well, or null after reporting why not. */
function finishGroup(
  group: Group,
  options: InvoicePlanOptions,
  col: Readonly<Record<InvoiceField, string>>,
  errors: RowError[],
  failedLines: Set<number>,
): PlannedInvoice | null {
  const first = group.lines[0] ?? 0;
  const fail = (field: InvoiceField, row: number, message: string) => {
    errors.push({ row, column: col[field], message });
    failedLines.add(row);
    return null;
  };
  // startGroup had these from the first line, which is required to carry them.
  if (group.name === null || group.issueDate === null || group.amount === null) return fail('number', first, 'The invoice has no customer, issue date or amount');
  const total = group.amount.value;
  const digits = minorDigits(group.currency);
  if (!Number.isSafeInteger(total)) return fail('amount', group.amount.line, 'The lines of this invoice add up to more than the book can hold');

  let dueDate: IsoDate;
  if (group.dueDate !== null) {
    dueDate = group.dueDate.value;
    if (dueDate < group.issueDate.value) {
      return fail('dueDate', group.dueDate.line, `The due date ${dueDate} is before the issue date ${group.issueDate.value}`);
    }
  } else {
    try {
      dueDate = addDays(group.issueDate.value, DEFAULT_DUE_DAYS);
    } catch {
      return fail('issueDate', group.issueDate.line, 'The issue date is too late in the calendar to add payment terms to');
    }
  }

  let paid: PlannedPayment | null = null;
  if (group.paid !== null && group.paid.value > 0) {
    if (group.paid.value > total) {
      return fail('paid', group.paid.line, `Paid ${minorToDecimalString(group.paid.value, digits)} is more than the invoice total ${minorToDecimalString(total, digits)}`);
    }
    paid = { amountMinor: group.paid.value, date: group.paidDate?.value ?? assumedPaidDate(group.issueDate.value, dueDate, options.today) };
  }

  const nameKey = foldText(group.name.value);
  const email = group.email?.value ?? null;
  return {
    number: group.number,
    numberKey: group.key,
    customer: { name: group.name.value, email, nameKey, key: `${nameKey}\u0000${email ?? ''}` },
    issueDate: group.issueDate.value,
    dueDate,
    currency: group.currency,
    totalMinor: total,
    paid,
    state: group.state?.value ?? null,
    notes: notesOf(group),
    rows: group.lines,
  };
}

/**
 * When a paid amount comes without a date, it is dated the due date (or today, when that comes
 * first; never before the issue date): the file says it was paid but not when, and dating it
 * on time neither invents lateness against the customer nor credits them with paying early.
 * A payments file imported afterwards cannot fix the date; the import screen says so.
 */
function assumedPaidDate(issueDate: IsoDate, dueDate: IsoDate, today: IsoDate): IsoDate {
  const byToday = dueDate < today ? dueDate : today;
  return byToday < issueDate ? issueDate : byToday;
}

function notesOf(group: Group): string | null {
  if (group.descriptions.length === 0) return null;
  const unique = [...new Set(group.descriptions)].join('\n');
  return unique.length <= MAX_NOTES ? unique : `${unique.slice(0, MAX_NOTES - 1)}…`;
}
