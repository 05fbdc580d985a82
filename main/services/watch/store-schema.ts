import { z } from 'zod';
import { BusinessProfile } from '@core/business';
import { CurrencyCode, Id, IsoDate, IsoInstant, NonEmptyText } from '@core/primitives';
import { AlertKind, AlertSeverity } from '@core/watch/alerts';
import { CustomerOverride } from '@core/watch/customer-override';
import { MirrorCustomer, MirrorInvoice } from '@core/watch/mirror';
import { MAX_STEP_OFFSET, MIN_STEP_OFFSET, ReminderPlan } from '@core/watch/plan';
import { PaymentPromise } from '@core/watch/promises';

/**
 * The watch's files in the data dir, as zod schemas: every file is parsed with these on read,
 * and one that does not match is kept as `<file>.bad` and reported (see json-file.ts).
 *
 *   watch.json         the chasing record, the source of truth: configuration, plan, customer
 *                      overrides, promises, the ledger of raised steps, reminders and their
 *                      sent log, alerts and their acknowledgements
 *   watch-mirror.json  the last mirror of the book the renderer sent; losing it costs nothing
 *                      but a resend, so it is a separate (big, often rewritten) file
 *
 * Node-free: the router's types reach the view types next to these.
 */

export const WatchConfig = z.strictObject({
  timeZone: BusinessProfile.shape.timeZone,
  currency: CurrencyCode,
  locale: BusinessProfile.shape.locale.refine(isLocale, 'Unknown locale'),
  businessName: NonEmptyText(200),
});
export type WatchConfig = z.infer<typeof WatchConfig>;

function isLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

const StepOffset = z.number().int().min(MIN_STEP_OFFSET).max(MAX_STEP_OFFSET);

/** Per invoice: the highest step raised or superseded, and which ones were superseded. */
export const LedgerEntry = z.strictObject({
  invoiceId: Id,
  highest: StepOffset,
  superseded: z.array(StepOffset).max(64),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const SentChannel = z.enum(['copy', 'mailto', 'email', 'other']);
export type SentChannel = z.infer<typeof SentChannel>;

export const SentEntry = z.strictObject({
  channel: SentChannel,
  by: NonEmptyText(120),
  at: IsoInstant,
});
export type SentEntry = z.infer<typeof SentEntry>;

/**
 * - due: raised, waiting for a person;
 * - sent: a person marked it sent (see `sent`);
 * - superseded: a later step of the same invoice was sent first;
 * - closed: the invoice left the mirror (paid off, written off) before it was sent.
 */
export const ReminderStatus = z.enum(['due', 'sent', 'superseded', 'closed']);
export type ReminderStatus = z.infer<typeof ReminderStatus>;

/** Reminder ids are `<invoiceId>:<offsetDays>`: one step of one invoice is raised at most once. */
export const ReminderId = z.string().regex(/^[0-9a-f-]{36}:-?\d{1,3}$/i, 'Not a reminder id');

export const Reminder = z.strictObject({
  id: ReminderId,
  invoiceId: Id,
  customerId: Id,
  /** As they were when raised, for the log once the invoice has left the mirror. */
  invoiceNumber: z.string().max(40),
  customerName: z.string().max(200),
  offsetDays: StepOffset,
  dueOn: IsoDate,
  raisedAt: IsoInstant,
  status: ReminderStatus,
  sent: z.array(SentEntry).max(10),
});
export type Reminder = z.infer<typeof Reminder>;

export const ALERT_TITLE_MAX = 300;
export const ALERT_BODY_MAX = 2_000;

export const Alert = z.strictObject({
  id: Id,
  key: z.string().min(1).max(200),
  kind: AlertKind,
  severity: AlertSeverity,
  customerId: Id,
  invoiceId: Id.nullable(),
  title: z.string().max(ALERT_TITLE_MAX),
  body: z.string().max(ALERT_BODY_MAX),
  raisedAt: IsoInstant,
  acknowledgedAt: IsoInstant.nullable(),
  acknowledgedBy: z.string().max(120).nullable(),
});
export type Alert = z.infer<typeof Alert>;

export const ChaseFile = z.object({
  version: z.literal(1),
  config: WatchConfig.nullable(),
  plan: ReminderPlan,
  overrides: z.array(CustomerOverride),
  promises: z.array(PaymentPromise),
  ledger: z.array(LedgerEntry),
  reminders: z.array(Reminder),
  alerts: z.array(Alert),
});
export type ChaseFile = z.infer<typeof ChaseFile>;

export const StoredInvoice = z.strictObject({
  invoice: MirrorInvoice,
  /** The day the watch first saw it (null: before it knew its time zone). */
  firstSeenOn: IsoDate.nullable(),
});
export type StoredInvoice = z.infer<typeof StoredInvoice>;

export const MirrorFile = z.object({
  version: z.literal(1),
  /** A snapshot has completed (or a delta arrived) at least once: status changes are real changes. */
  synced: z.boolean(),
  customers: z.array(MirrorCustomer),
  invoices: z.array(StoredInvoice),
});
export type MirrorFile = z.infer<typeof MirrorFile>;
