import { z } from 'zod';
import { CountryCode, Id, IsoInstant, NonEmptyText, OptionalText } from './primitives';

export const CustomerStatusValue = z.enum(['ok', 'watch', 'blacklisted']);
export type CustomerStatusValue = z.infer<typeof CustomerStatusValue>;

/** A status is set by a person, for a reason, at a moment: all three travel with it. */
export const CustomerStatus = z.strictObject({
  value: CustomerStatusValue,
  reason: OptionalText(500),
  setBy: OptionalText(120),
  setAt: IsoInstant,
});
export type CustomerStatus = z.infer<typeof CustomerStatus>;

export const Address = z.strictObject({
  line1: OptionalText(200),
  line2: OptionalText(200),
  city: OptionalText(120),
  postcode: OptionalText(20),
  region: OptionalText(120),
  country: CountryCode.or(z.literal('')),
});
export type Address = z.infer<typeof Address>;

/** Phone numbers are stored in E.164 (normalised in core/identifiers.ts). */
export const E164 = z.string().regex(/^\+[1-9]\d{5,14}$/, 'Not a valid international phone number');
export const Email = z.email().max(254);

/** What a person types into the customer form, before normalisation. */
export const CustomerInput = z.strictObject({
  displayName: NonEmptyText(200),
  company: OptionalText(200),
  phones: z.array(z.string().trim().min(1).max(40)).max(10),
  emails: z.array(z.string().trim().min(1).max(254)).max(10),
  taxId: OptionalText(40),
  address: Address,
  tags: z.array(NonEmptyText(40)).max(20),
  notes: OptionalText(5000),
});
export type CustomerInput = z.infer<typeof CustomerInput>;

/** A customer as kept in the book. */
export const Customer = z.strictObject({
  id: Id,
  displayName: NonEmptyText(200),
  company: OptionalText(200),
  phones: z.array(E164).max(10),
  emails: z.array(Email).max(10),
  taxId: OptionalText(40),
  address: Address,
  tags: z.array(NonEmptyText(40)).max(20),
  notes: OptionalText(5000),
  status: CustomerStatus,
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type Customer = z.infer<typeof Customer>;

/** One entry of a customer's status history: append-only, never edited. */
export const StatusChange = z.strictObject({
  id: Id,
  customerId: Id,
  from: CustomerStatusValue,
  to: CustomerStatusValue,
  reason: OptionalText(500),
  setBy: OptionalText(120),
  setAt: IsoInstant,
});
export type StatusChange = z.infer<typeof StatusChange>;
