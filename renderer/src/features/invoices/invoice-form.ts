import { addDays, isValidIsoDate } from '@core/dates';
import type { FieldIssue, Checked } from '@core/field-issues';
import { issuesOf } from '@core/field-issues';
import type { Invoice } from '@core/invoice';
import { InvoiceInput } from '@core/invoice-input';
import { parseMoney } from '@core/money';
import type { IsoDate } from '@core/primitives';
import { amountForInput } from './amount-text';

/** The states a person can pick in the editor; "written off" is an action on the detail screen. */
export type EditableState = InvoiceInput['state'];

export const EDITABLE_STATE_LABELS: Record<EditableState, string> = {
  draft: 'Draft (not sent yet)',
  issued: 'Issued (sent to the customer)',
  disputed: 'Disputed',
};

/** What the invoice form holds: text exactly as typed, so an error never loses input. */
export interface InvoiceFormState {
  customerId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  /** The total as typed ("1,234.50"); parsed with parseMoney only on submit. */
  total: string;
  state: EditableState;
  notes: string;
}

/** Payment terms offered by default: thirty days is what most small businesses write. */
export const DEFAULT_TERMS_DAYS = 30;

export function newInvoiceForm(opts: { customerId: string | null; currency: string; today: IsoDate; number?: string }): InvoiceFormState {
  return {
    customerId: opts.customerId ?? '',
    number: opts.number ?? '',
    issueDate: opts.today,
    dueDate: addDays(opts.today, DEFAULT_TERMS_DAYS),
    currency: opts.currency,
    total: '',
    state: 'issued',
    notes: '',
  };
}

/**
 * The form for an existing invoice. A written-off invoice has no editable state, so the editor
 * refuses it (see InvoiceEditor) and this is only called for the other three.
 */
export function invoiceFormFrom(inv: Invoice, locale: string): InvoiceFormState {
  return {
    customerId: inv.customerId,
    number: inv.number,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    currency: inv.currency,
    total: amountForInput(inv.totalMinor, inv.currency, locale),
    state: inv.state === 'written_off' ? 'issued' : inv.state,
    notes: inv.notes,
  };
}

/**
 * Turns the form into an InvoiceInput, or every problem at once, each at its field. Empty
 * fields get plain-language messages here instead of the schema's generic ones ("Too small:
 * expected string to have >=1 characters"); the schema then checks everything else.
 */
export function invoiceInputFromForm(form: InvoiceFormState, locale: string): Checked<InvoiceInput> {
  const issues: FieldIssue[] = [];
  if (form.customerId === '') issues.push({ path: ['customerId'], message: 'Choose the customer this invoice is for' });
  if (form.number.trim() === '') issues.push({ path: ['number'], message: 'Enter an invoice number' });
  if (!isValidIsoDate(form.issueDate)) issues.push({ path: ['issueDate'], message: 'Enter the date the invoice was issued' });
  if (!isValidIsoDate(form.dueDate)) issues.push({ path: ['dueDate'], message: 'Enter the date payment is due' });

  const total = parseMoney(form.total, form.currency, locale);
  if (!total.ok) issues.push({ path: ['totalMinor'], message: total.error });

  const candidate = {
    number: form.number,
    customerId: form.customerId,
    issueDate: form.issueDate,
    dueDate: form.dueDate,
    currency: form.currency,
    totalMinor: total.ok ? total.minor : 0,
    state: form.state,
    notes: form.notes,
  };
  const parsed = InvoiceInput.safeParse(candidate);
  if (parsed.success && issues.length === 0) return { ok: true, value: parsed.data };

  // Keep one message per field: ours first, since they say what to do.
  const reported = new Set(issues.map((i) => i.path.join('.')));
  if (!parsed.success) {
    for (const issue of issuesOf(parsed.error)) {
      const key = issue.path.join('.');
      if (!reported.has(key)) {
        reported.add(key);
        issues.push(issue);
      }
    }
  }
  return { ok: false, issues };
}
