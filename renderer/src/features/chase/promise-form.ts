import { addDays, isValidIsoDate } from '@core/dates';
import { parseMoney } from '@core/money';
import type { IsoDate } from '@core/primitives';

/**
 * The "Record promise" dialog's form, read into what `watch.promises.add` takes. The amount is
 * optional (empty = everything the promise covers) and read in the business's locale; the day
 * is today or later (the watch refuses a promise for a day already gone).
 */
export interface PromiseForm {
  promisedDate: string;
  amount: string;
  note: string;
  /** 'invoice' when listed for one invoice; 'account' covers everything the customer owes. */
  covers: 'invoice' | 'account';
}

export type PromiseFormErrors = Partial<Record<keyof PromiseForm, string>>;

export interface PromiseFields {
  promisedDate: IsoDate;
  amountMinor: number | null;
  note: string;
  covers: 'invoice' | 'account';
}

export const MAX_PROMISE_NOTE = 500;
/** The form's suggested day: a week from today, a common "I'll pay next week". */
export const SUGGESTED_PROMISE_DAYS = 7;

export function emptyPromiseForm(today: IsoDate, hasInvoice: boolean): PromiseForm {
  return { promisedDate: addDays(today, SUGGESTED_PROMISE_DAYS), amount: '', note: '', covers: hasInvoice ? 'invoice' : 'account' };
}

export function readPromiseForm(
  form: PromiseForm,
  ctx: { today: IsoDate; currency: string; locale: string },
): { ok: true; value: PromiseFields } | { ok: false; errors: PromiseFormErrors } {
  const errors: PromiseFormErrors = {};
  const date = form.promisedDate.trim();
  if (date === '') errors.promisedDate = 'Choose the day they promised to pay by';
  else if (!isValidIsoDate(date)) errors.promisedDate = 'Not a calendar date';
  else if (date < ctx.today) errors.promisedDate = 'A promise is for today or a later day';

  let amountMinor: number | null = null;
  if (form.amount.trim() !== '') {
    const parsed = parseMoney(form.amount, ctx.currency, ctx.locale);
    if (!parsed.ok) errors.amount = parsed.error;
    else if (parsed.minor <= 0) errors.amount = 'Leave it empty for everything owed, or enter more than 0';
    else amountMinor = parsed.minor;
  }

  const note = form.note.trim();
  if (note.length > MAX_PROMISE_NOTE) errors.note = `Keep the note under ${MAX_PROMISE_NOTE} characters (${note.length} now)`;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { promisedDate: date, amountMinor, note, covers: form.covers } };
}
