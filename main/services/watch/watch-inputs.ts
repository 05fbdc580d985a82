import { z } from 'zod';
import { Id, IsoDate, MinorUnits, NonEmptyText, OptionalText } from '@core/primitives';
import { LateFeeRule } from '@core/watch/late-fee';
import { MAX_MIRROR_CUSTOMERS_PER_CALL, MAX_MIRROR_ROWS_PER_CALL, MirrorCustomer, MirrorInvoice } from '@core/watch/mirror';
import { ReminderSteps } from '@core/watch/plan';
import { ReminderTemplates } from '@core/watch/templates';
import { ReminderId, SentChannel, WatchConfig } from './store-schema';

/**
 * What the renderer may send the watch: strict objects (an unknown key is a bug, refused with
 * BAD_REQUEST), every array and string capped. Node-free, like everything the router's types
 * reach (the renderer type-checks AppRouter in a browser-only tsconfig).
 */

export const ConfigureInput = WatchConfig;
export type ConfigureInput = z.infer<typeof ConfigureInput>;

const rowsWithinCap = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0) <= MAX_MIRROR_ROWS_PER_CALL;
const ROWS_MESSAGE = `At most ${MAX_MIRROR_ROWS_PER_CALL} rows (${MAX_MIRROR_CUSTOMERS_PER_CALL} customers) per call: send the rest in another chunk`;

/**
 * One chunk of a full snapshot. Chunks of a generation carry `part` 0, 1, 2… in order, the
 * last one `final: true`; a chunk out of order is refused (CONFLICT) and the renderer starts a
 * new generation, so a snapshot cut short by a restart can never drop rows it did not send.
 */
export const MirrorReplaceInput = z
  .strictObject({
    generation: Id,
    part: z.number().int().min(0).max(100_000),
    final: z.boolean(),
    customers: z.array(MirrorCustomer).max(MAX_MIRROR_CUSTOMERS_PER_CALL),
    invoices: z.array(MirrorInvoice).max(MAX_MIRROR_ROWS_PER_CALL),
  })
  .refine((i) => rowsWithinCap([i.customers.length, i.invoices.length]), ROWS_MESSAGE);
export type MirrorReplaceInput = z.infer<typeof MirrorReplaceInput>;

/** Changes to the book since the snapshot: rows added or changed, ids removed. */
export const MirrorDeltaInput = z
  .strictObject({
    customers: z.array(MirrorCustomer).max(MAX_MIRROR_CUSTOMERS_PER_CALL),
    invoices: z.array(MirrorInvoice).max(MAX_MIRROR_ROWS_PER_CALL),
    removedCustomerIds: z.array(Id).max(MAX_MIRROR_ROWS_PER_CALL),
    removedInvoiceIds: z.array(Id).max(MAX_MIRROR_ROWS_PER_CALL),
  })
  .refine(
    (i) => rowsWithinCap([i.customers.length, i.invoices.length, i.removedCustomerIds.length, i.removedInvoiceIds.length]),
    ROWS_MESSAGE,
  );
export type MirrorDeltaInput = z.infer<typeof MirrorDeltaInput>;

export const WatchEventInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('customer_opened'), customerId: Id }),
  z.strictObject({ kind: z.literal('invoice_created'), invoiceId: Id, customerId: Id }),
]);
export type WatchEventInput = z.infer<typeof WatchEventInput>;

/** Any subset of the plan; `lateFee: null` removes the fee. */
export const PlanPatch = z.strictObject({
  steps: ReminderSteps.optional(),
  lateFee: LateFeeRule.nullable().optional(),
  templates: ReminderTemplates.optional(),
});
export type PlanPatch = z.infer<typeof PlanPatch>;

export const CustomerWatchInput = z.strictObject({ customerId: Id });

/** The whole of a customer's chasing settings, replaced at once (the form shows all three). */
export const CustomerWatchUpdate = z.strictObject({
  customerId: Id,
  planOverride: ReminderSteps.nullable(),
  pausedUntil: IsoDate.nullable(),
  stopped: z.boolean(),
});
export type CustomerWatchUpdate = z.infer<typeof CustomerWatchUpdate>;

export const PromiseAddInput = z.strictObject({
  customerId: Id,
  invoiceId: Id.nullable(),
  promisedDate: IsoDate,
  amountMinor: MinorUnits.positive().nullable(),
  note: OptionalText(500),
});
export type PromiseAddInput = z.infer<typeof PromiseAddInput>;

export const PromiseListInput = z.strictObject({ customerId: Id.optional() }).optional();
export type PromiseListInput = z.infer<typeof PromiseListInput>;

export const MAX_LIST = 1_000;
const Limit = z.number().int().min(1).max(MAX_LIST);

export const TodayInput = z.strictObject({ limit: Limit.optional() }).optional();
export type TodayInput = z.infer<typeof TodayInput>;

export const MarkSentInput = z.strictObject({
  reminderId: ReminderId,
  channel: SentChannel,
  /** Who sent it: the member's name or id, as the renderer shows people. */
  by: NonEmptyText(120),
});
export type MarkSentInput = z.infer<typeof MarkSentInput>;

export const ReminderLogInput = z.strictObject({ customerId: Id.optional(), limit: Limit.optional() }).optional();
export type ReminderLogInput = z.infer<typeof ReminderLogInput>;

export const AlertListInput = z.strictObject({ unacknowledgedOnly: z.boolean(), limit: Limit.optional() });
export type AlertListInput = z.infer<typeof AlertListInput>;

export const AcknowledgeInput = z.strictObject({ alertId: Id, by: NonEmptyText(120) });
export type AcknowledgeInput = z.infer<typeof AcknowledgeInput>;
