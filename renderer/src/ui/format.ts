import { formatIsoDate } from '@core/dates';
import { formatMoney } from '@core/money';

/** Formatting in the business's locale; money stays in integer minor units until here. */
export function money(minor: number, currency: string, locale: string): string {
  return formatMoney(minor, currency, locale);
}

export function day(iso: string, locale: string): string {
  return formatIsoDate(iso, locale);
}

export function instant(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
