import { dayNumber, fromDayNumber } from '@core/lateness/day-number';
import { lateFeeMinor } from '@core/watch/late-fee';
import { stepKind } from '@core/watch/plan';
import { draftReminder, type StatementLine } from '@core/watch/templates';
import type { PaymentPromise } from '@core/watch/promises';
import type { Reminder, WatchConfig } from './store-schema';
import { TopK } from './top-k';
import type { BrokenPromiseView, DueReminderView, TodayView } from './watch-api';
import type { WatchEngine } from './watch-engine';

interface Pick {
  reminder: Reminder;
  slot: number;
  daysLate: number;
  priority: number;
}

/** Highest priority first; on a tie the step that fell due earliest, then by id, so the order is stable. */
function byPriority(a: Pick, b: Pick): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.reminder.dueOn !== b.reminder.dueOn) return a.reminder.dueOn < b.reminder.dueOn ? -1 : 1;
  return a.reminder.id < b.reminder.id ? -1 : a.reminder.id > b.reminder.id ? 1 : 0;
}

/**
 * "Who do I chase today": every reminder raised and not yet sent whose invoice is still
 * chaseable today, the `limit` most pressing with a ready draft, plus the broken promises
 * still owed. The engine must have been evaluated today (the service makes sure).
 */
export function buildTodayView(engine: WatchEngine, config: WatchConfig, limit: number): TodayView {
  const table = engine.table;
  const today = engine.today();
  const todayDay = dayNumber(today);
  const top = new TopK<Pick>(limit, byPriority);
  let count = 0;
  for (const reminder of engine.dueReminders()) {
    const slot = table.invoiceSlot(reminder.invoiceId);
    if (slot === undefined || !engine.chaseable(slot)) continue;
    count++;
    const daysLate = Math.max(0, todayDay - table.dueDay[slot]!);
    top.offer({ reminder, slot, daysLate, priority: table.openMinor[slot]! * Math.max(daysLate, 1) });
  }

  const plan = engine.currentPlan();
  const statements = new Map<number, StatementLine[]>();
  const dueReminders = top.best().map(({ reminder, slot, daysLate, priority }): DueReminderView => {
    const customerSlot = table.customerOf[slot]!;
    const customer = table.customerRow(customerSlot);
    const customerName = customer?.name ?? reminder.customerName;
    const currency = table.currencyAt(slot);
    const openMinor = table.openMinor[slot]!;
    const fee = plan.lateFee ? lateFeeMinor(plan.lateFee, { dueDay: table.dueDay[slot]!, openMinor, currency }, todayDay) : null;
    let statement = statements.get(customerSlot);
    if (!statement) {
      statement = statementOf(engine, customerSlot, todayDay);
      statements.set(customerSlot, statement);
    }
    return {
      id: reminder.id,
      invoiceId: reminder.invoiceId,
      customerId: reminder.customerId,
      customerName,
      invoiceNumber: table.numberAt(slot),
      step: { offsetDays: reminder.offsetDays },
      dueOn: reminder.dueOn,
      openMinor,
      currency,
      daysLate,
      priority,
      lateFeeMinor: fee,
      raisedAt: reminder.raisedAt,
      draft: draftReminder({
        template: plan.templates[stepKind(reminder.offsetDays)],
        businessName: config.businessName,
        locale: config.locale,
        customer: { name: customerName, emails: customer?.emails ?? [] },
        invoice: { number: table.numberAt(slot), currency, dueDate: fromDayNumber(table.dueDay[slot]!), openMinor, daysLate },
        lateFeeMinor: fee,
        statement,
      }),
    };
  });

  return {
    today,
    dueReminders,
    brokenPromises: brokenPromises(engine, limit),
    counts: { dueReminders: count, unacknowledgedAlerts: engine.counts().unacknowledgedAlerts },
  };
}

function statementOf(engine: WatchEngine, customerSlot: number, todayDay: number): StatementLine[] {
  const t = engine.table;
  const lines: StatementLine[] = [];
  for (const slot of t.invoicesOf(customerSlot)) {
    lines.push({
      number: t.numberAt(slot),
      dueDate: fromDayNumber(t.dueDay[slot]!),
      currency: t.currencyAt(slot),
      openMinor: t.openMinor[slot]!,
      daysLate: Math.max(0, todayDay - t.dueDay[slot]!),
      disputed: t.disputed[slot] === 1,
    });
  }
  return lines;
}

/** Broken, still owed, and not followed by a newer promise for the same invoice or account. Newest first. */
function brokenPromises(engine: WatchEngine, limit: number): BrokenPromiseView[] {
  const all = [...engine.promiseRecords()];
  const supersededBy = (p: PaymentPromise) =>
    all.some((q) => q.customerId === p.customerId && q.recordedAt > p.recordedAt && (q.invoiceId === null || q.invoiceId === p.invoiceId));
  const out: BrokenPromiseView[] = [];
  for (let i = all.length - 1; i >= 0 && out.length < limit; i--) {
    const p = all[i]!;
    if (p.status !== 'broken' || p.resolvedOn === null) continue;
    const owed = engine.stillOwed(p);
    if (!owed || owed.minor <= 0 || supersededBy(p)) continue;
    const slot = p.invoiceId === null ? undefined : engine.table.invoiceSlot(p.invoiceId);
    out.push({
      promiseId: p.id,
      customerId: p.customerId,
      customerName: engine.customerName(p.customerId),
      invoiceId: p.invoiceId,
      invoiceNumber: slot === undefined ? null : engine.table.numberAt(slot),
      promisedDate: p.promisedDate,
      amountMinor: p.amountMinor,
      openMinor: owed.minor,
      currency: owed.currency,
      brokenOn: p.resolvedOn,
      note: p.note,
    });
  }
  return out;
}
