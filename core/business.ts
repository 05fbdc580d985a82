import { z } from 'zod';
import { CountryCode, CurrencyCode, NonEmptyText } from './primitives';

/**
 * The business that owns the book: its currency, the country used to read phone numbers
 * written without a country code, and the time zone in which "today" and "late" are decided.
 */
export const BusinessProfile = z.strictObject({
  name: NonEmptyText(200),
  currency: CurrencyCode,
  country: CountryCode,
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'Unknown time zone'),
  locale: z.string().min(2).max(35).refine(isLocale, 'Unknown language and region; use a tag like en-GB'),
});
export type BusinessProfile = z.infer<typeof BusinessProfile>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function isLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf(tag).length > 0;
  } catch {
    return false;
  }
}
