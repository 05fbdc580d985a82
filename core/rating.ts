import { z } from 'zod';
import { Id, IsoDate, IsoInstant, OptionalText } from './primitives';

/** The five fixed criteria every customer is scored on, 1 (worst) to 5 (best). */
export const CRITERIA = ['timelyPayment', 'reliability', 'respect', 'effortToServe', 'overall'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const CRITERION_LABELS: Record<Criterion, { label: string; hint: string }> = {
  timelyPayment: { label: 'Timely payment', hint: 'Pays on time, without chasing' },
  reliability: { label: 'Reliability', hint: 'Keeps appointments, no last-minute cancellations' },
  respect: { label: 'Respect', hint: 'Politeness and communication' },
  effortToServe: { label: 'Effort to serve', hint: 'Complaints, scope changes, calls (5 = little effort)' },
  overall: { label: 'Overall', hint: 'Would you want more customers like this one?' },
};

export const Score = z.number().int().min(1).max(5);

export const IncidentTag = z.enum([
  'late_payment',
  'last_minute_cancellation',
  'offensive_or_abusive',
  'unjustified_complaint',
  'property_damage',
  'policy_breach',
]);
export type IncidentTag = z.infer<typeof IncidentTag>;

export const PositiveTag = z.enum(['pays_early', 'loyal', 'refers_others', 'pleasant']);
export type PositiveTag = z.infer<typeof PositiveTag>;

export const INCIDENT_LABELS: Record<IncidentTag, string> = {
  late_payment: 'Late payment',
  last_minute_cancellation: 'Last-minute cancellation',
  offensive_or_abusive: 'Offensive or abusive',
  unjustified_complaint: 'Unjustified complaint',
  property_damage: 'Property damage',
  policy_breach: 'Policy breach',
};

export const POSITIVE_LABELS: Record<PositiveTag, string> = {
  pays_early: 'Pays early',
  loyal: 'Loyal',
  refers_others: 'Refers others',
  pleasant: 'Pleasant',
};

export const Scores = z.strictObject({
  timelyPayment: Score,
  reliability: Score,
  respect: Score,
  effortToServe: Score,
  overall: Score,
});
export type Scores = z.infer<typeof Scores>;

/**
 * One rater's rating of one customer on one day. Each rating is its own record: a rater's
 * scores are never merged into another's, so disagreement stays visible.
 */
export const Rating = z.strictObject({
  id: Id,
  customerId: Id,
  raterId: Id,
  raterName: OptionalText(120),
  date: IsoDate,
  scores: Scores,
  incidents: z.array(IncidentTag).max(IncidentTag.options.length),
  positives: z.array(PositiveTag).max(PositiveTag.options.length),
  invoiceId: Id.nullable(),
  note: OptionalText(2000),
  createdAt: IsoInstant,
});
export type Rating = z.infer<typeof Rating>;
