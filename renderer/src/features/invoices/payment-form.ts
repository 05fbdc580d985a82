import { isValidIsoDate } from '@core/dates';
import { issuesOf, type Checked, type FieldIssue } from '@core/field-issues';
import type { Invoice, PaymentMethod } from '@core/invoice';
import { PaymentInput } from '@core/invoice-input';
import { openBalanceMinor } from '@core/invoice-status';
import { parseMoney } from '@core/money';
import type { IsoDate } from '@core/primitives';
import { amountForInput } from './amount-text';

/** The payment form as typed; the amount stays text until submit. */
export interface PaymentFormState {
  amount: string;
  date: string;
  method: PaymentMethod;
}

/** Most payments settle the whole invoice, so the form starts with what is still owed, dated today. */
export function paymentFormFor(inv: Invoice, today: IsoDate, locale: string): PaymentFormState {
  return { amount: amountForInput(openBalanceMinor(inv), inv.currency, locale), date: today, method: 'bank_transfer' };
}

/**
 * Turns the form into a PaymentInput. The repository checks the amount against what is owed
 * (inside its transaction, where the balance cannot change underneath it); here we only read
 * what was typed, and refuse a date in the future, which can only be a typo.
 */
export function paymentInputFromForm(form: PaymentFormState, currency: string, locale: string, today: IsoDate): Checked<PaymentInput> {
  const issues: FieldIssue[] = [];
  const amount = parseMoney(form.amount, currency, locale);
  if (!amount.ok) issues.push({ path: ['amountMinor'], message: amount.error });
  else if (amount.minor === 0) issues.push({ path: ['amountMinor'], message: 'Enter an amount above zero' });

  if (!isValidIsoDate(form.date)) issues.push({ path: ['date'], message: 'Enter the date the money arrived' });
  else if (form.date > today) issues.push({ path: ['date'], message: 'A payment cannot be dated in the future' });

  if (issues.length > 0) return { ok: false, issues };
  const parsed = PaymentInput.safeParse({ amountMinor: amount.ok ? amount.minor : 0, date: form.date, method: form.method });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}
