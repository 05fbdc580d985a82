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
import { memo } from './memo';
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
  /** Each field's column as the file names it, for problems found later (by the apply step). */
  readonly columns: Readonly<Record<InvoiceField, string>>;
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

/** The invoice-level fields: the same on every line of an invoice, or empty on later lines. */
const SHARED = ['name', 'email', 'issueDate', 'dueDate', 'paidMinor', 'paidDate', 'state'] as const;
type Shared = (typeof SHARED)[number];
const SHARED_FIELD: Readonly<Record<Shared, InvoiceField>> = {
  name: 'customerName',
  email: 'customerEmail',
  issueDate: 'issueDate',
  dueDate: 'dueDate',
  paidMinor: 'paid',
  paidDate: 'paidDate',
  state: 'status',
};

/** A value and the line it came from, for naming both lines in a conflict. */
interface Sourced<T> {
  readonly value: T;
  readonly line: number;
}

/**
 * The lines of one invoice number. Most invoices have one line, so a group keeps its first
 * line as read and records only what later lines add (`filled`), rather than copying every
 * field: a 100,000-row file should not make a million small objects.
 */
interface Group {
  readonly first: Line;
  readonly key: string;
  readonly lines: number[];
  bad: boolean;
  readonly currency: CurrencyCode;
  amount: Sourced<number> | null;
  filled: Partial<Record<Shared, Sourced<Line[Shared]>>> | null;
  descriptions: string[] | null;
}

function shared<K extends Shared>(group: Group, field: K): Sourced<NonNullable<Line[K]>> | null {
  const first = group.first[field];
  if (first !== null) return { value: first as NonNullable<Line[K]>, line: group.first.line };
  return (group.filled?.[field] as Sourced<NonNullable<Line[K]>> | undefined) ?? null;
}

export function planInvoiceImport(records: CsvRecords, mapping: InvoiceMapping, options: InvoicePlanOptions): InvoicePlan {
  const header = records[0] ?? [];
  const col = Object.fromEntries(
    INVOICE_FIELDS.map((f) => [f, columnName(header, mapping[f], INVOICE_FIELD_INFO[f].label)]),
  ) as Record<InvoiceField, string>;
  if (isBlankRecord(header)) {
    return { invoices: [], errors: [{ row: 1, column: 'File', message: 'The file is empty: it needs a header line and rows' }], rows: 0, columns: col };
  }
  const setup = mappingErrors(header, mapping, INVOICE_FIELD_INFO);
  const lines = recordLines(records);
  let rows = 0;
  for (let i = 1; i < records.length; i++) if (!isBlankRecord(records[i] ?? [])) rows++;
  if (setup.length > 0) return { invoices: [], errors: setup, rows, columns: col };

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
    const lineFailed = errors.length > before;
    if (lineFailed) failedLines.add(lineNo);
    if (numberKey === '') continue;
    if (group === undefined) {
      groups.set(numberKey, {
        first: line,
        key: numberKey,
        lines: [lineNo],
        bad: lineFailed,
        currency: line.currency ?? options.currency,
        amount: line.amountMinor === null ? null : { value: line.amountMinor, line: lineNo },
        filled: null,
        descriptions: null,
      });
    } else {
      group.lines.push(lineNo);
      if (lineFailed) group.bad = true;
      else if (!mergeLine(group, line, options.amountIs, col, errors)) {
        group.bad = true;
        failedLines.add(lineNo);
      }
    }
  }

  const finisher = new GroupFinisher(options, col, errors, failedLines);
  const invoices: PlannedInvoice[] = [];
  for (const group of groups.values()) {
    const planned = group.bad ? null : finisher.finish(group);
    if (planned) {
      invoices.push(planned);
      continue;
    }
    const culprit = group.lines.find((l) => failedLines.has(l)) ?? group.lines[0] ?? 0;
    for (const l of group.lines) {
      if (failedLines.has(l) || l === culprit) continue;
      errors.push({ row: l, column: col.number, message: `Not imported: line ${culprit} of invoice ${group.first.number} has a problem` });
    }
  }
  return { invoices, errors: sortRowErrors(errors), rows, columns: col };
}

/** Reads and checks the cells of one line; problems go to `errors`. */
class LineReader {
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

  read(record: readonly string[], line: number, group: Group | undefined, errors: RowError[]): Line {
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

/**
 * Adds a later line of the same invoice number to its group. Returns false (with the conflict
 * reported at this line, naming the earlier one) when the line disagrees with the invoice.
 */
function mergeLine(group: Group, line: Line, amountIs: AmountKind, col: Readonly<Record<InvoiceField, string>>, errors: RowError[]): boolean {
  let ok = true;
  const money = (v: number) => minorToDecimalString(v, minorDigits(group.currency));
  const conflict = (field: InvoiceField, earlierLine: number, earlier: string, now: string) => {
    ok = false;
    errors.push({
      row: line.line,
      column: col[field],
      message: `Invoice ${group.first.number}: line ${earlierLine} says ${INVOICE_FIELD_INFO[field].label.toLowerCase()} "${earlier}", this line says "${now}"`,
    });
  };
  const show = (field: Shared, v: Line[Shared]) => (field === 'paidMinor' && typeof v === 'number' ? money(v) : String(v));

  for (const field of SHARED) {
    const value = line[field];
    if (value === null) continue;
    const current = shared(group, field);
    if (current === null) {
      group.filled ??= {};
      group.filled[field] = { value, line: line.line };
      continue;
    }
    // Names are compared as the book compares them: "ACME" on one line and "Acme" on the next agree.
    const same = field === 'name' ? foldText(String(current.value)) === foldText(String(value)) : current.value === value;
    if (!same) conflict(SHARED_FIELD[field], current.line, show(field, current.value), show(field, value));
  }
  if (line.currency !== null && line.currency !== group.currency) {
    conflict('currency', group.first.line, group.currency, line.currency);
  }
  if (line.amountMinor !== null) {
    if (group.amount === null) group.amount = { value: line.amountMinor, line: line.line };
    else if (amountIs === 'line') group.amount = { value: group.amount.value + line.amountMinor, line: group.amount.line };
    else if (group.amount.value !== line.amountMinor) conflict('amount', group.amount.line, money(group.amount.value), money(line.amountMinor));
  }
  if (line.description !== null) {
    group.descriptions ??= group.first.description === null ? [] : [group.first.description];
    group.descriptions.push(line.description);
  }
  return ok;
}

/** Turns groups whose lines all read well into planned invoices, reporting what still fails. */
class GroupFinisher {
  private readonly customers = new Map<string, PlannedCustomer>();
  private readonly fold = memo(foldText);
  private readonly dueAfterTerms = memo((issueDate: string) => addDays(issueDate, DEFAULT_DUE_DAYS));

  constructor(
    private readonly options: InvoicePlanOptions,
    private readonly col: Readonly<Record<InvoiceField, string>>,
    private readonly errors: RowError[],
    private readonly failedLines: Set<number>,
  ) {}

  private fail(field: InvoiceField, row: number, message: string): null {
    this.errors.push({ row, column: this.col[field], message });
    this.failedLines.add(row);
    return null;
  }

  finish(group: Group): PlannedInvoice | null {
    const name = shared(group, 'name');
    const issue = shared(group, 'issueDate');
    const first = group.first.line;
    // The first line of an invoice is required to carry these; this only guards the types.
    if (name === null || issue === null || group.amount === null) return this.fail('number', first, 'The invoice has no customer, issue date or amount');
    const total = group.amount.value;
    const digits = minorDigits(group.currency);
    if (!Number.isSafeInteger(total)) return this.fail('amount', group.amount.line, 'The lines of this invoice add up to more than the book can hold');

    const due = shared(group, 'dueDate');
    let dueDate: IsoDate;
    if (due !== null) {
      dueDate = due.value;
      if (dueDate < issue.value) return this.fail('dueDate', due.line, `The due date ${dueDate} is before the issue date ${issue.value}`);
    } else {
      try {
        dueDate = this.dueAfterTerms(issue.value);
      } catch {
        return this.fail('issueDate', issue.line, 'The issue date is too late in the calendar to add payment terms to');
      }
    }

    let paid: PlannedPayment | null = null;
    const paidMinor = shared(group, 'paidMinor');
    if (paidMinor !== null && paidMinor.value > 0) {
      if (paidMinor.value > total) {
        return this.fail('paid', paidMinor.line, `Paid ${minorToDecimalString(paidMinor.value, digits)} is more than the invoice total ${minorToDecimalString(total, digits)}`);
      }
      const state = shared(group, 'state');
      if (state?.value === 'draft') return this.fail('paid', paidMinor.line, 'A draft has not been sent, so nothing can have been paid on it');
      const date = shared(group, 'paidDate')?.value ?? assumedPaidDate(issue.value, dueDate, this.options.today);
      paid = { amountMinor: paidMinor.value, date };
    }

    return {
      number: group.first.number,
      numberKey: group.key,
      customer: this.customer(name.value, shared(group, 'email')?.value ?? null),
      issueDate: issue.value,
      dueDate,
      currency: group.currency,
      totalMinor: total,
      paid,
      state: shared(group, 'state')?.value ?? null,
      notes: notesOf(group),
      rows: group.lines,
    };
  }

  /** One object per customer of the file, so the apply step can match each customer once. */
  private customer(name: string, email: string | null): PlannedCustomer {
    const nameKey = this.fold(name);
    const key = `${nameKey}\u0000${email ?? ''}`;
    let c = this.customers.get(key);
    if (c === undefined) {
      c = { name, email, nameKey, key };
      this.customers.set(key, c);
    }
    return c;
  }
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
  if (group.descriptions === null) return group.first.description;
  const unique = [...new Set(group.descriptions)].join('\n');
  return unique.length <= MAX_NOTES ? unique : `${unique.slice(0, MAX_NOTES - 1)}…`;
}
