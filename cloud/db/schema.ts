import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The cloud's tables, as Drizzle sees them for typed queries. The database itself is created
 * by the SQL files in migrations/ (they also hold the row-level security that Drizzle's schema
 * cannot express); schema.test.ts checks that the two agree column by column.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  emailVerifiedAt: ts('email_verified_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const businesses = pgTable('businesses', {
  id: uuid('id').primaryKey(),
  legalName: text('legal_name').notNull(),
  country: text('country').notNull(),
  trade: text('trade').notNull(),
  region: text('region').notNull(),
  registrationNumber: text('registration_number'),
  vatId: text('vat_id'),
  registrationRule: text('registration_rule').notNull(),
  webDomain: text('web_domain').notNull(),
  status: text('status', { enum: ['pending_email', 'pending_review', 'approved', 'rejected'] }).notNull(),
  reviewNote: text('review_note'),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: ts('reviewed_at'),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const memberships = pgTable(
  'memberships',
  {
    businessId: uuid('business_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: ['owner', 'manager', 'staff'] }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.userId] })],
);

export const invites = pgTable('invites', {
  id: uuid('id').primaryKey(),
  businessId: uuid('business_id').notNull(),
  email: text('email').notNull(),
  role: text('role', { enum: ['owner', 'manager', 'staff'] }).notNull(),
  codeHash: text('code_hash').notNull().unique(),
  invitedBy: uuid('invited_by').notNull(),
  expiresAt: ts('expires_at').notNull(),
  acceptedAt: ts('accepted_at'),
  revokedAt: ts('revoked_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const emailCodes = pgTable('email_codes', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  codeHash: text('code_hash').notNull(),
  expiresAt: ts('expires_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  usedAt: ts('used_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  businessId: uuid('business_id').notNull(),
  deviceLabel: text('device_label').notNull(),
  createdAt: ts('created_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
});

export const signInFailures = pgTable('sign_in_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: ts('window_start').notNull(),
  lockedUntil: ts('locked_until'),
});

export const bookRecords = pgTable(
  'book_records',
  {
    businessId: uuid('business_id').notNull(),
    tbl: text('tbl').notNull(),
    id: text('id').notNull(),
    data: jsonb('data').$type<Record<string, unknown> | null>(),
    deleted: boolean('deleted').notNull().default(false),
    version: bigint('version', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.tbl, t.id] })],
);

export const customerIdentifiers = pgTable(
  'customer_identifiers',
  {
    businessId: uuid('business_id').notNull(),
    identifier: text('identifier').notNull(),
    customerId: text('customer_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.identifier, t.customerId] })],
);

export const deviceCursors = pgTable(
  'device_cursors',
  {
    businessId: uuid('business_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    lastMutationId: bigint('last_mutation_id', { mode: 'number' }).notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.deviceId] })],
);
