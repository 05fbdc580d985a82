import { addDays, daysBetween } from '@core/dates';
import type { Invoice } from '@core/invoice';
import { openBalanceMinor } from '@core/invoice-status';
import type { IsoDate } from '@core/primitives';
import type { ReminderDraft } from '@core/watch/templates';
import type { BrokenPromiseView, DueReminderView, PromiseView, ReminderView } from '../../../../main/services/watch/watch-api';

/**
 * "Who do I chase today", as one list: the watch's reminders due today, the promises the watch
 * found broken, and invoices the book says fell overdue in the last week. One item per invoice
 * (an account-wide broken promise is an item of its own), with every reason it is listed.
 *
 * Priority is money × lateness, the watch's own rule (`openMinor × max(daysLate, 1)`):
 * - a reminder: the watch's priority and days late;
 * - a newly overdue invoice: its open balance × days past due (1–7);
 * - a broken promise on an invoice: the invoice's days past due when the book has it open,
 *   else the days since the promised date; on the whole account, days since the promised date.
 * An item listed for several reasons takes the highest priority and days late among them.
 * Amounts in different currencies are ranked by their minor units as they are: a book keeps
 * one currency almost always, and the list says each amount's currency.
 */

export const NEWLY_OVERDUE_DAYS = 7;

export type WorkReason =
  | { kind: 'reminder'; offsetDays: number; dueOn: IsoDate }
  | { kind: 'brokenPromise'; promisedDate: IsoDate; amountMinor: number | null; note: string }
  | { kind: 'newlyOverdue'; dueDate: IsoDate };

export interface WorkItem {
  /** `invoice:<id>` or `promise:<id>` (a promise on the whole account). */
  key: string;
  customerId: string;
  customerName: string;
  invoiceId: string | null;
  invoiceNumber: string | null;
  openMinor: number;
  currency: string;
  daysLate: number;
  priority: number;
  reasons: WorkReason[];
  /** The reminder to send and mark sent: the latest step due for the invoice, if any. */
  reminder: { id: string; offsetDays: number; draft: ReminderDraft } | null;
}

/** An open invoice the book says fell overdue lately, with its customer's name. */
export interface NewlyOverdue {
  invoiceId: string;
  customerId: string;
  customerName: string;
  invoiceNumber: string;
  dueDate: IsoDate;
  openMinor: number;
  currency: string;
}

/**
 * Invoices issued (not disputed, not drafts, not written off) with money owed whose due date
 * is in the last `days` days before today: due yesterday is 1 day late, due today is not late.
 */
export function newlyOverdueInvoices(invoices: readonly Invoice[], today: IsoDate, days = NEWLY_OVERDUE_DAYS): Invoice[] {
  const first = addDays(today, -days);
  return invoices.filter((inv) => inv.state === 'issued' && inv.dueDate >= first && inv.dueDate < today && openBalanceMinor(inv) > 0);
}

/** Invoices a live promise (open, its day not passed) covers: not to be chased from the book. */
export function promisedInvoiceIds(promises: readonly Pick<PromiseView, 'status' | 'promisedDate' | 'invoiceIds'>[], today: IsoDate): Set<string> {
  const ids = new Set<string>();
  for (const p of promises) if (p.status === 'open' && p.promisedDate >= today) for (const id of p.invoiceIds) ids.add(id);
  return ids;
}

/**
 * Invoices someone already sent a reminder for after their due date (a step of 1 day or more,
 * marked sent): chased already, so no longer "newly overdue" work. Earlier steps superseded by
 * a later one are covered by that later one's entry.
 */
export function remindedAfterDueIds(log: readonly Pick<ReminderView, 'invoiceId' | 'offsetDays' | 'status'>[]): Set<string> {
  const ids = new Set<string>();
  for (const r of log) if (r.status === 'sent' && r.offsetDays > 0) ids.add(r.invoiceId);
  return ids;
}

export interface WorkSources {
  today: IsoDate;
  reminders: readonly DueReminderView[];
  brokenPromises: readonly BrokenPromiseView[];
  newlyOverdue: readonly NewlyOverdue[];
  /** Due dates of open invoices in the book, to tell how late a broken promise's invoice is. */
  dueDates: ReadonlyMap<string, IsoDate>;
}

const priorityOf = (openMinor: number, daysLate: number) => openMinor * Math.max(daysLate, 1);

export function buildWorkList(sources: WorkSources): WorkItem[] {
  const { today } = sources;
  const items = new Map<string, WorkItem>();
  const itemFor = (key: string, base: Omit<WorkItem, 'key' | 'reasons' | 'reminder' | 'priority' | 'daysLate'>): WorkItem => {
    let item = items.get(key);
    if (!item) {
      item = { key, ...base, reasons: [], reminder: null, priority: 0, daysLate: 0 };
      items.set(key, item);
    }
    return item;
  };
  const raise = (item: WorkItem, daysLate: number, priority: number) => {
    item.daysLate = Math.max(item.daysLate, daysLate);
    item.priority = Math.max(item.priority, priority);
  };

  for (const r of sources.reminders) {
    const item = itemFor(`invoice:${r.invoiceId}`, {
      customerId: r.customerId,
      customerName: r.customerName,
      invoiceId: r.invoiceId,
      invoiceNumber: r.invoiceNumber,
      openMinor: r.openMinor,
      currency: r.currency,
    });
    // The watch knows the balance now; a newly overdue entry for the same invoice says the same.
    item.openMinor = r.openMinor;
    item.reasons.push({ kind: 'reminder', offsetDays: r.step.offsetDays, dueOn: r.dueOn });
    // Sending the latest step supersedes the earlier ones still waiting (the watch's rule).
    if (!item.reminder || r.step.offsetDays > item.reminder.offsetDays) {
      item.reminder = { id: r.id, offsetDays: r.step.offsetDays, draft: r.draft };
    }
    raise(item, r.daysLate, r.priority);
  }

  for (const p of sources.brokenPromises) {
    const key = p.invoiceId === null ? `promise:${p.promiseId}` : `invoice:${p.invoiceId}`;
    const item = itemFor(key, {
      customerId: p.customerId,
      customerName: p.customerName,
      invoiceId: p.invoiceId,
      invoiceNumber: p.invoiceNumber,
      openMinor: p.openMinor,
      currency: p.currency,
    });
    item.reasons.push({ kind: 'brokenPromise', promisedDate: p.promisedDate, amountMinor: p.amountMinor, note: p.note });
    const due = p.invoiceId === null ? undefined : sources.dueDates.get(p.invoiceId);
    const daysLate = Math.max(0, daysBetween(due ?? p.promisedDate, today));
    raise(item, daysLate, priorityOf(p.openMinor, daysLate));
  }

  for (const n of sources.newlyOverdue) {
    const item = itemFor(`invoice:${n.invoiceId}`, {
      customerId: n.customerId,
      customerName: n.customerName,
      invoiceId: n.invoiceId,
      invoiceNumber: n.invoiceNumber,
      openMinor: n.openMinor,
      currency: n.currency,
    });
    item.reasons.push({ kind: 'newlyOverdue', dueDate: n.dueDate });
    const daysLate = Math.max(0, daysBetween(n.dueDate, today));
    raise(item, daysLate, priorityOf(item.openMinor, daysLate));
  }

  return [...items.values()].sort(
    (a, b) => b.priority - a.priority || b.daysLate - a.daysLate || a.customerName.localeCompare(b.customerName) || a.key.localeCompare(b.key),
  );
}

/** What to paste into an e-mail or a letter: the subject, a blank line, the body. */
export function reminderText(draft: Pick<ReminderDraft, 'subject' | 'body'>): string {
  return `${draft.subject}\n\n${draft.body}`;
}

/** The reason in words, for the item's "why it is listed" line. */
export function reasonText(reason: WorkReason, formatDay: (iso: IsoDate) => string, formatAmount: (minor: number) => string): string {
  switch (reason.kind) {
    case 'reminder':
      return `Reminder due: ${stepText(reason.offsetDays)}`;
    case 'brokenPromise': {
      const amount = reason.amountMinor === null ? '' : ` ${formatAmount(reason.amountMinor)}`;
      return `Broken promise: said they would pay${amount} by ${formatDay(reason.promisedDate)}${reason.note ? ` (“${reason.note}”)` : ''}`;
    }
    case 'newlyOverdue':
      return `Newly overdue: was due ${formatDay(reason.dueDate)}`;
  }
}

/** "3 days before the due date", "on the due date", "7 days after the due date". */
export function stepText(offsetDays: number): string {
  const n = Math.abs(offsetDays);
  const days = n === 1 ? '1 day' : `${n} days`;
  if (offsetDays < 0) return `${days} before the due date`;
  if (offsetDays === 0) return 'on the due date';
  return `${days} after the due date`;
}
