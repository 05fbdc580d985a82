import { z } from 'zod';
import { LateFeeRule } from './late-fee';
import { DEFAULT_TEMPLATES, ReminderTemplates } from './templates';

/**
 * The reminder plan: a ladder of steps relative to the due date (−3 = three days before, +7 =
 * a week after), an optional late fee shown in drafts, and the templates drafts are made from.
 * One plan per business; a customer may have their own ladder (see CustomerOverride).
 */

/** A week's notice before is the most anyone asks for; a year after is the last useful chase. */
export const MIN_STEP_OFFSET = -60;
export const MAX_STEP_OFFSET = 365;
export const MAX_STEPS = 12;

export const ReminderStep = z.strictObject({
  offsetDays: z.number().int().min(MIN_STEP_OFFSET).max(MAX_STEP_OFFSET),
});
export type ReminderStep = z.infer<typeof ReminderStep>;

/** At least one step, no two on the same day; stored sorted by offset (see `normalizeSteps`). */
export const ReminderSteps = z
  .array(ReminderStep)
  .min(1)
  .max(MAX_STEPS)
  .refine((steps) => new Set(steps.map((s) => s.offsetDays)).size === steps.length, 'Two steps fall on the same day')
  .transform(normalizeSteps);

export const ReminderPlan = z.strictObject({
  steps: ReminderSteps,
  lateFee: LateFeeRule.nullable(),
  templates: ReminderTemplates,
});
export type ReminderPlan = z.infer<typeof ReminderPlan>;

export const DEFAULT_STEP_OFFSETS: readonly number[] = [-3, 1, 7, 14, 30];

export const DEFAULT_PLAN: ReminderPlan = {
  steps: DEFAULT_STEP_OFFSETS.map((offsetDays) => ({ offsetDays })),
  lateFee: null,
  templates: DEFAULT_TEMPLATES,
};

export function normalizeSteps(steps: readonly ReminderStep[]): ReminderStep[] {
  return steps.map((s) => ({ offsetDays: s.offsetDays })).sort((a, b) => a.offsetDays - b.offsetDays);
}

/** The ladder as the evaluation loop reads it: ascending offsets in an Int32Array. */
export function stepOffsets(steps: readonly ReminderStep[]): Int32Array {
  return Int32Array.from(steps.map((s) => s.offsetDays)).sort();
}

/** Which template a step uses: up to and including the due day is a friendly nudge; after it, firmer. */
export type StepKind = 'beforeDue' | 'afterDue';

export function stepKind(offsetDays: number): StepKind {
  return offsetDays <= 0 ? 'beforeDue' : 'afterDue';
}
