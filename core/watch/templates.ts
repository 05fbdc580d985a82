import { z } from 'zod';
import { formatIsoDate } from '../dates';
import { formatMoney } from '../money';
import type { IsoDate } from '../primitives';

/**
 * Reminder drafts: a template with {{merge fields}} filled in for one invoice, ready to copy or
 * to open in the mail client through a mailto: link. The watch drafts; a person sends.
 *
 *   {{customer}}   the customer's name
 *   {{business}}   the business's name
 *   {{invoice}}    the invoice number
 *   {{amount}}     the invoice's open balance, formatted ("£1,234.56")
 *   {{dueDate}}    the due date, in the business's locale ("5 Jan 2025")
 *   {{daysLate}}   whole days past due, 0 if not late
 *   {{lateFee}}    the late fee on the day, formatted; empty without a fee rule
 *   {{statement}}  every open invoice of the customer (number, due date, amount, days late)
 *                  and the total, one line each
 */
export const MERGE_FIELDS = ['customer', 'business', 'invoice', 'amount', 'dueDate', 'daysLate', 'lateFee', 'statement'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

const FIELD = /\{\{\s*([A-Za-z]*)\s*\}\}/g;
const KNOWN = new Set<string>(MERGE_FIELDS);

/** Merge fields a text uses that do not exist: a typo is refused, not mailed to a customer. */
export function unknownMergeFields(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(FIELD)) {
    const name = match[1] ?? '';
    if (!KNOWN.has(name)) unknown.add(name);
  }
  return [...unknown];
}

const TemplateText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((t) => t.trim().length > 0, 'Write something')
    .superRefine((text, ctx) => {
      const unknown = unknownMergeFields(text);
      if (unknown.length > 0) {
        ctx.addIssue({ code: 'custom', message: `Unknown merge field: ${unknown.map((f) => `{{${f}}}`).join(', ')}` });
      }
    });

export const ReminderTemplate = z.strictObject({
  subject: TemplateText(200).refine((s) => !/[\r\n]/.test(s), 'A subject is one line'),
  body: TemplateText(5_000),
});
export type ReminderTemplate = z.infer<typeof ReminderTemplate>;

/** One template per kind of step: before (or on) the due date, and after it. */
export const ReminderTemplates = z.strictObject({
  beforeDue: ReminderTemplate,
  afterDue: ReminderTemplate,
});
export type ReminderTemplates = z.infer<typeof ReminderTemplates>;

export const DEFAULT_TEMPLATES: ReminderTemplates = {
  beforeDue: {
    subject: 'Invoice {{invoice}} is due on {{dueDate}}',
    body: [
      'Hello {{customer}},',
      '',
      'A friendly reminder that invoice {{invoice}} for {{amount}} is due on {{dueDate}}.',
      'If payment is already on its way, thank you, and please ignore this message.',
      '',
      'Everything open on your account:',
      '{{statement}}',
      '',
      'Kind regards,',
      '{{business}}',
    ].join('\n'),
  },
  afterDue: {
    subject: 'Overdue: invoice {{invoice}}, due {{dueDate}}',
    body: [
      'Hello {{customer}},',
      '',
      'Invoice {{invoice}} for {{amount}} was due on {{dueDate}} and is still unpaid.',
      'Please pay it now, or reply to tell us when you will.',
      '',
      'Everything open on your account:',
      '{{statement}}',
      '',
      'Regards,',
      '{{business}}',
    ].join('\n'),
  },
};

export interface StatementLine {
  readonly number: string;
  readonly dueDate: IsoDate;
  readonly currency: string;
  readonly openMinor: number;
  readonly daysLate: number;
  readonly disputed: boolean;
}

/** A statement longer than this lists the oldest invoices and says how many more there are. */
export const MAX_STATEMENT_LINES = 50;

/**
 * Everything a customer has open, one invoice a line in due-date order, then the total. A book
 * in one currency gets one total; amounts in different currencies are never added together.
 * The total always covers every invoice, even when the list is cut at `maxLines`.
 */
export function statementText(lines: readonly StatementLine[], locale: string, maxLines = MAX_STATEMENT_LINES): string {
  const sorted = [...lines].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number.localeCompare(b.number)));
  const totals = new Map<string, number>();
  const out: string[] = [];
  for (const line of sorted) {
    totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.openMinor);
    if (out.length >= maxLines) continue;
    const parts = [line.number, `due ${formatIsoDate(line.dueDate, locale)}`, formatMoney(line.openMinor, line.currency, locale), lateText(line.daysLate)];
    if (line.disputed) parts.push('in dispute');
    out.push(`- ${parts.join(', ')}`);
  }
  if (sorted.length > out.length) out.push(`- … and ${sorted.length - out.length} more`);
  const total = [...totals].map(([currency, minor]) => formatMoney(minor, currency, locale)).join(' + ');
  out.push(`Total: ${total === '' ? 'nothing open' : total}`);
  return out.join('\n');
}

function lateText(daysLate: number): string {
  if (daysLate > 1) return `${daysLate} days late`;
  if (daysLate === 1) return '1 day late';
  return 'not yet late';
}

export interface DraftInput {
  readonly template: ReminderTemplate;
  readonly businessName: string;
  readonly locale: string;
  readonly customer: { readonly name: string; readonly emails: readonly string[] };
  readonly invoice: { readonly number: string; readonly currency: string; readonly dueDate: IsoDate; readonly openMinor: number; readonly daysLate: number };
  /** From `lateFeeMinor`; null or 0 leaves {{lateFee}} empty. */
  readonly lateFeeMinor: number | null;
  readonly statement: readonly StatementLine[];
}

export interface ReminderDraft {
  subject: string;
  body: string;
  to: string[];
  /** A mailto: URL with the addresses, subject and body percent-encoded (RFC 6068). */
  mailto: string;
}

export function draftReminder(input: DraftInput): ReminderDraft {
  const { invoice, locale } = input;
  const values: Record<MergeField, string> = {
    customer: input.customer.name,
    business: input.businessName,
    invoice: invoice.number,
    amount: formatMoney(invoice.openMinor, invoice.currency, locale),
    dueDate: formatIsoDate(invoice.dueDate, locale),
    daysLate: String(invoice.daysLate),
    lateFee: input.lateFeeMinor ? formatMoney(input.lateFeeMinor, invoice.currency, locale) : '',
    statement: statementText(input.statement, locale),
  };
  // A merged value with line breaks (the statement) must not break the subject line.
  const subject = fill(input.template.subject, values).replace(/\s+/g, ' ').trim();
  const body = fill(input.template.body, values);
  const to = [...input.customer.emails];
  return { subject, body, to, mailto: mailtoUrl(to, subject, body) };
}

/** Fills merge fields; an unknown one is left as written (templates are checked on save). */
export function fill(text: string, values: Readonly<Record<MergeField, string>>): string {
  return text.replace(FIELD, (whole, name: string) => (KNOWN.has(name) ? values[name as MergeField] : whole));
}

/**
 * RFC 6068: addresses comma-separated in the path, each percent-encoded except for its "@";
 * subject and body as query values, with line breaks as CRLF (%0D%0A), which mail clients
 * expect. encodeURIComponent leaves no "&", "=", "#" or "?" that could split the URL.
 */
export function mailtoUrl(to: readonly string[], subject: string, body: string): string {
  const addresses = to.map((a) => encodeURIComponent(a).replace(/%40/g, '@')).join(',');
  return `mailto:${addresses}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;
}
