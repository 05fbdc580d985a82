import { z } from 'zod';

/**
 * Building blocks shared by every schema in the book. Dates are plain ISO calendar days
 * (`YYYY-MM-DD`, meaningful in the business's time zone); instants are UTC ISO timestamps.
 */

/** Record ids are random UUIDs made on the device, so two offline PCs never collide. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

export const IsoInstant = z.iso.datetime({ offset: false });
export type IsoInstant = z.infer<typeof IsoInstant>;

/** ISO 4217 code, e.g. "EUR". */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, like EUR');
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/** ISO 3166-1 alpha-2 country code, e.g. "GB". */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code, like GB');
export type CountryCode = z.infer<typeof CountryCode>;

/** Money is always an integer count of the currency's minor unit (cents, pence…). */
export const MinorUnits = z.number().int().safe();

export const NonEmptyText = (max: number) => z.string().trim().min(1).max(max);
export const OptionalText = (max: number) => z.string().trim().max(max);

export function newId(): Id {
  return crypto.randomUUID();
}
