import { minorDigits, minorToDecimalString, parseMoney } from '@core/money';
import { LateFeeRule } from '@core/watch/late-fee';
import { MAX_STEP_OFFSET, MAX_STEPS, MIN_STEP_OFFSET, type ReminderStep } from '@core/watch/plan';

/**
 * The reminder plan editor's form: the ladder as text ("-3, 1, 7, 14, 30") and the late fee as
 * a few fields, read back into what `watch.plan.update` takes. Every problem is reported at
 * the field it belongs to, with the text kept as typed. The watch validates again (the same
 * core schemas); this only makes the messages arrive where the person is looking.
 */

export type FeeKind = 'none' | 'fixed' | 'percent';
export type FeeRepeat = 'once' | 'every';

export interface PlanForm {
  steps: string;
  feeKind: FeeKind;
  feeAmount: string;
  feePercent: string;
  feeRepeat: FeeRepeat;
  feeEveryDays: string;
}

export type PlanFormErrors = Partial<Record<keyof PlanForm, string>>;

export interface PlanPatchFromForm {
  steps: ReminderStep[];
  lateFee: LateFeeRule | null;
}

export type PlanFormResult = { ok: true; patch: PlanPatchFromForm } | { ok: false; errors: PlanFormErrors };

/** The form showing a saved plan. A fixed fee is written as a plain decimal ("25.00"). */
export function planFormOf(plan: { steps: readonly ReminderStep[]; lateFee: LateFeeRule | null }, locale: string): PlanForm {
  const fee = plan.lateFee;
  const form: PlanForm = {
    steps: plan.steps.map((s) => String(s.offsetDays)).join(', '),
    feeKind: fee === null ? 'none' : fee.amount.kind,
    feeAmount: '',
    feePercent: '',
    feeRepeat: fee?.everyDays ? 'every' : 'once',
    feeEveryDays: fee?.everyDays ? String(fee.everyDays) : '30',
  };
  if (fee?.amount.kind === 'fixed') form.feeAmount = minorToDecimalString(fee.amount.amountMinor, minorDigits(fee.amount.currency));
  if (fee?.amount.kind === 'percent') form.feePercent = percentText(fee.amount.basisPoints, locale);
  return form;
}

/** Basis points as a percentage in the locale: 250 → "2.5" (en) or "2,5" (de). */
export function percentText(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(basisPoints / 100);
}

const OFFSET = /^[+\-\u2212]?\d{1,4}$/;

/** "-3, 1, 7" (commas, semicolons or spaces between) → ascending offsets, or what is wrong. */
export function parseOffsets(text: string): { ok: true; offsets: number[] } | { ok: false; error: string } {
  const tokens = text.split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length === 0) return { ok: false, error: 'Give at least one day, like 7 (a week after the due date)' };
  const offsets: number[] = [];
  for (const token of tokens) {
    if (!OFFSET.test(token)) return { ok: false, error: `“${token}” is not a whole number of days` };
    offsets.push(Number(token.replace('\u2212', '-').replace('+', '')));
  }
  const outside = offsets.find((n) => n < MIN_STEP_OFFSET || n > MAX_STEP_OFFSET);
  if (outside !== undefined) {
    return { ok: false, error: `${outside} is out of range: use days from ${MIN_STEP_OFFSET} (before the due date) to ${MAX_STEP_OFFSET}` };
  }
  const seen = new Set<number>();
  for (const n of offsets) {
    if (seen.has(n)) return { ok: false, error: `${n} appears twice: each day can have one reminder` };
    seen.add(n);
  }
  if (offsets.length > MAX_STEPS) return { ok: false, error: `At most ${MAX_STEPS} reminders; this has ${offsets.length}` };
  return { ok: true, offsets: offsets.sort((a, b) => a - b) };
}

const PERCENT = /^(\d{1,3})(?:[.,](\d{1,2}))?$/;

/** "2.5" or "2,5" (a "%" after it is fine) → 250 basis points; more than 0, at most 100. */
export function parsePercent(text: string): { ok: true; basisPoints: number } | { ok: false; error: string } {
  const t = text.trim().replace(/\s*%$/, '');
  if (t === '') return { ok: false, error: 'Enter a percentage, like 2.5' };
  const m = PERCENT.exec(t);
  if (!m) return { ok: false, error: `“${text.trim()}” is not a percentage; write it like 2.5 (at most two decimals)` };
  const basisPoints = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (basisPoints < 1 || basisPoints > 10_000) return { ok: false, error: 'Use a percentage above 0 and at most 100' };
  return { ok: true, basisPoints };
}

function parseEveryDays(text: string): { ok: true; days: number } | { ok: false; error: string } {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return { ok: false, error: 'Enter a whole number of days, like 30' };
  const days = Number(t);
  if (days < 1 || days > 365) return { ok: false, error: 'Use 1 to 365 days' };
  return { ok: true, days };
}

/** Reads the whole form; `currency` is the business's (a fixed fee is in it). */
export function readPlanForm(form: PlanForm, currency: string, locale: string): PlanFormResult {
  const errors: PlanFormErrors = {};
  const offsets = parseOffsets(form.steps);
  if (!offsets.ok) errors.steps = offsets.error;

  let lateFee: LateFeeRule | null = null;
  if (form.feeKind !== 'none') {
    let everyDays: number | null = null;
    if (form.feeRepeat === 'every') {
      const every = parseEveryDays(form.feeEveryDays);
      if (every.ok) everyDays = every.days;
      else errors.feeEveryDays = every.error;
    }
    if (form.feeKind === 'fixed') {
      const amount = parseMoney(form.feeAmount, currency, locale);
      if (!amount.ok) errors.feeAmount = amount.error;
      else if (amount.minor <= 0) errors.feeAmount = 'A fee is more than 0';
      else lateFee = { amount: { kind: 'fixed', amountMinor: amount.minor, currency }, everyDays };
    } else {
      const percent = parsePercent(form.feePercent);
      if (!percent.ok) errors.feePercent = percent.error;
      else lateFee = { amount: { kind: 'percent', basisPoints: percent.basisPoints }, everyDays };
    }
    // The watch's own schema, so nothing this form accepts is refused there.
    if (lateFee !== null && !LateFeeRule.safeParse(lateFee).success) errors.feeKind = 'This late fee cannot be saved';
  }

  if (!offsets.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, patch: { steps: offsets.offsets.map((offsetDays) => ({ offsetDays })), lateFee } };
}
