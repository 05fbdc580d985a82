import { MERGE_FIELDS } from '@core/watch/templates';
import type { PaymentPromise } from '@core/watch/promises';
import type { ReminderPlan } from '@core/watch/plan';
import type { Alert, Reminder } from './store-schema';
import type { AlertView, PlanView, PromiseView, ReminderView } from './watch-api';

/**
 * Stored records → what the router returns, field by field: a field added to a stored record
 * is not sent to the renderer until it is named here (as settings.ts does with its output).
 */

export function toAlertView(a: Alert): AlertView {
  return {
    id: a.id,
    kind: a.kind,
    severity: a.severity,
    customerId: a.customerId,
    invoiceId: a.invoiceId,
    title: a.title,
    body: a.body,
    raisedAt: a.raisedAt,
    acknowledgedAt: a.acknowledgedAt,
    acknowledgedBy: a.acknowledgedBy,
  };
}

export function toReminderView(r: Reminder, currentCustomerName: string | undefined): ReminderView {
  return {
    id: r.id,
    invoiceId: r.invoiceId,
    customerId: r.customerId,
    customerName: currentCustomerName ?? r.customerName,
    invoiceNumber: r.invoiceNumber,
    offsetDays: r.offsetDays,
    dueOn: r.dueOn,
    raisedAt: r.raisedAt,
    status: r.status,
    sent: r.sent.map((s) => ({ channel: s.channel, by: s.by, at: s.at })),
  };
}

export function toPromiseView(p: PaymentPromise): PromiseView {
  return {
    id: p.id,
    customerId: p.customerId,
    invoiceId: p.invoiceId,
    invoiceIds: [...p.invoiceIds],
    promisedDate: p.promisedDate,
    amountMinor: p.amountMinor,
    note: p.note,
    recordedAt: p.recordedAt,
    status: p.status,
    resolvedOn: p.resolvedOn,
  };
}

export function toPlanView(plan: ReminderPlan): PlanView {
  return {
    steps: plan.steps.map((s) => ({ offsetDays: s.offsetDays })),
    lateFee: plan.lateFee === null ? null : structuredClone(plan.lateFee),
    templates: structuredClone(plan.templates),
    mergeFields: [...MERGE_FIELDS],
  };
}
