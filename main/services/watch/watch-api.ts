import type { IsoDate } from '@core/primitives';
import type { AlertKind, AlertSeverity } from '@core/watch/alerts';
import type { LateFeeRule } from '@core/watch/late-fee';
import type { ReminderStep } from '@core/watch/plan';
import type { PromiseStatus } from '@core/watch/promises';
import type { ReminderDraft, ReminderTemplates } from '@core/watch/templates';
import type { ReminderStatus, SentEntry, WatchConfig } from './store-schema';
import type {
  AcknowledgeInput,
  AlertListInput,
  ConfigureInput,
  CustomerWatchUpdate,
  MarkSentInput,
  MirrorDeltaInput,
  MirrorReplaceInput,
  PlanPatch,
  PromiseAddInput,
  WatchEventInput,
} from './watch-inputs';

/**
 * The watch as the router sees it: what goes in (watch-inputs.ts) and what comes out (below).
 * The implementation (watch-service.ts) uses Node; this file does not, because the router's
 * types, and so this file, are type-checked by the renderer too.
 */
export interface Watch {
  configure(input: ConfigureInput): WatchConfig;
  mirrorReplace(input: MirrorReplaceInput): MirrorAck;
  mirrorDelta(input: MirrorDeltaInput): MirrorAck;
  event(input: WatchEventInput): EventResult;
  plan(): PlanView;
  updatePlan(patch: PlanPatch): PlanView;
  customer(customerId: string): CustomerWatchView;
  updateCustomer(input: CustomerWatchUpdate): CustomerWatchView;
  addPromise(input: PromiseAddInput): PromiseView;
  promises(customerId?: string): PromiseView[];
  today(limit?: number): TodayView;
  markSent(input: MarkSentInput): ReminderView;
  reminderLog(customerId?: string, limit?: number): ReminderView[];
  alerts(input: AlertListInput): AlertView[];
  acknowledge(input: AcknowledgeInput): AlertView;
  counts(): WatchCounts;
  /**
   * Every change of the counts, and every new alert, from the moment of the call until
   * `signal` aborts (listening starts at the call, so reading `counts()` after it misses nothing).
   */
  changes(signal?: AbortSignal): AsyncIterable<WatchChange>;
}

/** Why a call was refused; the router turns the code into the matching TRPCError. */
export type WatchErrorCode = 'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT' | 'PRECONDITION_FAILED';

export class WatchError extends Error {
  constructor(
    readonly code: WatchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WatchError';
  }
}

export interface WatchCounts {
  /** Reminders raised, not yet sent, and still chaseable today. */
  dueReminders: number;
  unacknowledgedAlerts: number;
}

export interface WatchChange {
  counts: WatchCounts;
  /** Alerts raised since the previous change (empty when only the counts moved). */
  newAlerts: AlertView[];
}

export interface MirrorAck {
  /** Rows in the mirror after this call. */
  customers: number;
  invoices: number;
  /** Replace only: rows dropped by the final chunk because this snapshot did not have them. */
  dropped: { customers: number; invoices: number };
}

export interface EventResult {
  /** The alert this event raised, or null (customer not flagged, or already alerted: see keys). */
  alert: AlertView | null;
}

export interface PlanView {
  steps: ReminderStep[];
  lateFee: LateFeeRule | null;
  templates: ReminderTemplates;
  /** The merge fields templates may use, for the editor's help text. */
  mergeFields: string[];
}

export interface CustomerWatchView {
  customerId: string;
  /** Their own ladder, or null when they follow the business plan. */
  planOverride: ReminderStep[] | null;
  pausedUntil: IsoDate | null;
  stopped: boolean;
  /** The ladder actually used for them. */
  effectiveSteps: ReminderStep[];
  /** Stopped, or paused up to and including today. */
  heldToday: boolean;
  updatedAt: string | null;
}

export interface PromiseView {
  id: string;
  customerId: string;
  invoiceId: string | null;
  /** What the promise covers (the invoice, or the account's open invoices when made). */
  invoiceIds: string[];
  promisedDate: IsoDate;
  amountMinor: number | null;
  note: string;
  recordedAt: string;
  status: PromiseStatus;
  resolvedOn: IsoDate | null;
}

export interface DueReminderView {
  /** `<invoiceId>:<offsetDays>`; pass to `watch.reminders.markSent`. */
  id: string;
  invoiceId: string;
  customerId: string;
  customerName: string;
  invoiceNumber: string;
  step: { offsetDays: number };
  /** The day the step fell due (due date + offset). */
  dueOn: IsoDate;
  openMinor: number;
  currency: string;
  daysLate: number;
  /** openMinor × max(daysLate, 1): the list is sorted by this, highest first. */
  priority: number;
  lateFeeMinor: number | null;
  raisedAt: string;
  draft: ReminderDraft;
}

export interface BrokenPromiseView {
  promiseId: string;
  customerId: string;
  customerName: string;
  invoiceId: string | null;
  invoiceNumber: string | null;
  promisedDate: IsoDate;
  amountMinor: number | null;
  /** What the covered invoices still owe, in `currency` (the first covered invoice's). */
  openMinor: number;
  currency: string;
  brokenOn: IsoDate;
  note: string;
}

export interface TodayView {
  /** Today in the business's time zone. */
  today: IsoDate;
  /** The `limit` (default 200) most pressing, by priority. `counts.dueReminders` has them all. */
  dueReminders: DueReminderView[];
  /** Broken promises whose invoices are still owed and that no newer promise replaced. */
  brokenPromises: BrokenPromiseView[];
  counts: WatchCounts;
}

export interface ReminderView {
  id: string;
  invoiceId: string;
  customerId: string;
  customerName: string;
  invoiceNumber: string;
  offsetDays: number;
  dueOn: IsoDate;
  raisedAt: string;
  status: ReminderStatus;
  sent: SentEntry[];
}

export interface AlertView {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  customerId: string;
  invoiceId: string | null;
  title: string;
  body: string;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}
