import { z } from 'zod';
import { Id, IsoDate, IsoInstant } from '../primitives';
import { ReminderSteps } from './plan';

/**
 * What the back office decided for one customer's chasing: their own ladder instead of the
 * business's, a pause until a day (a holiday, a payment plan), or a stop (a lawyer has it now).
 */
export const CustomerOverride = z.strictObject({
  customerId: Id,
  /** Their own steps, or null for the business plan. */
  planOverride: ReminderSteps.nullable(),
  /** Not chased up to and including this day; chasing resumes the day after. */
  pausedUntil: IsoDate.nullable(),
  /** Never chased while set. */
  stopped: z.boolean(),
  updatedAt: IsoInstant,
});
export type CustomerOverride = z.infer<typeof CustomerOverride>;

/** Whether the customer is held back from chasing on `today`. */
export function isHeld(override: Pick<CustomerOverride, 'stopped' | 'pausedUntil'>, today: IsoDate): boolean {
  return override.stopped || (override.pausedUntil !== null && today <= override.pausedUntil);
}

/** An override that changes nothing can be forgotten rather than stored. */
export function isDefaultOverride(override: Pick<CustomerOverride, 'planOverride' | 'pausedUntil' | 'stopped'>): boolean {
  return override.planOverride === null && override.pausedUntil === null && !override.stopped;
}
