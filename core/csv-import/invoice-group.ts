import { foldText } from '../identifiers';
import { minorDigits, minorToDecimalString } from '../money';
import type { CurrencyCode } from '../primitives';
import { INVOICE_FIELD_INFO, type InvoiceField } from './fields';
import type { AmountKind } from './guess-mapping';
import type { Line } from './invoice-line';
import type { RowError } from './records';

/** The lines of one invoice number, as plan-invoices.ts gathers them. */

/** The invoice-level fields: the same on every line of an invoice, or empty on later lines. */
export const SHARED = ['name', 'email', 'issueDate', 'dueDate', 'paidMinor', 'paidDate', 'state'] as const;
export type Shared = (typeof SHARED)[number];
export const SHARED_FIELD: Readonly<Record<Shared, InvoiceField>> = {
  name: 'customerName',
  email: 'customerEmail',
  issueDate: 'issueDate',
  dueDate: 'dueDate',
  paidMinor: 'paid',
  paidDate: 'paidDate',
  state: 'status',
};

/** A value and the line it came from, for naming both lines in a conflict. */
export interface Sourced<T> {
  readonly value: T;
  readonly line: number;
}

/**
 * The lines of one invoice number. Most invoices have one line, so a group keeps its first
 * line as read and records only what later lines add (`filled`), rather than copying every
 * field: a 100,000-row file should not make a million small objects.
 */
export interface Group {
  readonly first: Line;
  readonly key: string;
  readonly lines: number[];
  bad: boolean;
  readonly currency: CurrencyCode;
  amount: Sourced<number> | null;
  filled: Partial<Record<Shared, Sourced<Line[Shared]>>> | null;
  descriptions: string[] | null;
}

export function shared<K extends Shared>(group: Group, field: K): Sourced<NonNullable<Line[K]>> | null {
  const first = group.first[field];
  if (first !== null) return { value: first as NonNullable<Line[K]>, line: group.first.line };
  return (group.filled?.[field] as Sourced<NonNullable<Line[K]>> | undefined) ?? null;
}

/**
 * Adds a later line of the same invoice number to its group. Returns false (with the conflict
 * reported at this line, naming the earlier one) when the line disagrees with the invoice.
 */
export function mergeLine(group: Group, line: Line, amountIs: AmountKind, col: Readonly<Record<InvoiceField, string>>, errors: RowError[]): boolean {
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
