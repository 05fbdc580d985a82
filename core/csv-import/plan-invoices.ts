import { addDays } from '../dates';
import { foldText } from '../identifiers';
import { minorDigits, minorToDecimalString } from '../money';
import type { IsoDate } from '../primitives';
import { DEFAULT_DUE_DAYS, INVOICE_FIELD_INFO, INVOICE_FIELDS, type InvoiceField, type InvoiceMapping } from './fields';
import { mergeLine, shared, type Group } from './invoice-group';
import { LineReader } from './invoice-line';
import type { InvoicePlan, InvoicePlanOptions, PlannedCustomer, PlannedInvoice, PlannedPayment } from './invoice-plan-types';
import { mappingErrors } from './mapping-check';
import { memo } from './memo';
import { columnName, isBlankRecord, recordLines, sortRowErrors, type CsvRecords, type RowError } from './records';

export type { InvoicePlan, InvoicePlanOptions, PlannedCustomer, PlannedInvoice, PlannedPayment } from './invoice-plan-types';

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

const MAX_NOTES = 2000;

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

