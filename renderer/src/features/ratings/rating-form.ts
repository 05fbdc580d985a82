import { isValidIsoDate } from '@core/dates';
import { issuesOf, type Checked, type FieldIssue } from '@core/field-issues';
import { CRITERIA, CRITERION_LABELS, type Criterion, type IncidentTag, type PositiveTag } from '@core/rating';
import type { IsoDate } from '@core/primitives';
import { RatingInput } from '../../db/ratings-repo';

/** A criterion not scored yet is null: nothing is pre-chosen, so no score is given by accident. */
export type ScoreChoices = Record<Criterion, number | null>;

export interface RatingFormState {
  scores: ScoreChoices;
  incidents: IncidentTag[];
  positives: PositiveTag[];
  /** The linked invoice's id, or '' for none (the select's empty option). */
  invoiceId: string;
  date: string;
  note: string;
}

export const SCORE_VALUES = [1, 2, 3, 4, 5] as const;

export function newRatingForm(today: IsoDate, invoiceId: string | null): RatingFormState {
  const scores: ScoreChoices = { timelyPayment: null, reliability: null, respect: null, effortToServe: null, overall: null };
  return { scores, incidents: [], positives: [], invoiceId: invoiceId ?? '', date: today, note: '' };
}

/** Adds or removes a tag, keeping the list's order and never holding a tag twice. */
export function toggleTag<T extends string>(list: readonly T[], tag: T, on: boolean): T[] {
  const without = list.filter((t) => t !== tag);
  return on ? [...without, tag] : without;
}

/**
 * Turns the form into a RatingInput for `customerId`, or every problem at once at its field:
 * each criterion unscored (path ['scores', criterion]), a date that is missing or in the future
 * (a rating records what already happened).
 */
export function ratingInputFromForm(form: RatingFormState, customerId: string, today: IsoDate): Checked<RatingInput> {
  const issues: FieldIssue[] = [];
  for (const c of CRITERIA) {
    if (form.scores[c] === null) issues.push({ path: ['scores', c], message: `Choose a score from 1 to 5 for ${CRITERION_LABELS[c].label.toLowerCase()}` });
  }
  if (!isValidIsoDate(form.date)) issues.push({ path: ['date'], message: 'Enter the date of the rating' });
  else if (form.date > today) issues.push({ path: ['date'], message: 'A rating cannot be dated in the future' });
  if (issues.length > 0) return { ok: false, issues };

  const parsed = RatingInput.safeParse({
    customerId,
    date: form.date,
    scores: form.scores,
    incidents: form.incidents,
    positives: form.positives,
    invoiceId: form.invoiceId === '' ? null : form.invoiceId,
    note: form.note,
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}
