import { z } from 'zod';
import { BusinessProfile } from '../business';
import { Customer, StatusChange } from '../customer';
import { Invoice } from '../invoice';
import { Member } from '../member';
import { Rating } from '../rating';

/**
 * Which tables of the book travel between a business's PCs, and how each one merges.
 *
 * The rules, in one place so the device and the server cannot disagree:
 * - Every record merges field by field, last writer wins in the server's order: two PCs that
 *   edit different fields of one customer both keep their edit; two PCs that edit the same
 *   field keep the one the server received last. A status is one field ({value, reason, setBy,
 *   setAt}), so who set it and when always travel with the value.
 * - `appendLists` are append-only lists of records with an id (an invoice's payments and
 *   credit notes): a change only ever adds items, the server keeps the union, so two payments
 *   recorded offline on two PCs are both kept and never conflict.
 * - Ratings and status changes are records of their own that are never edited, so they never
 *   conflict either.
 * - A delete wins: once a record is deleted (a tombstone on the server), later edits of it
 *   from PCs that had not heard of the delete are ignored. Ids are random uuids, never reused.
 * - `derivedFields` are index keys each PC computes for itself (search tokens, sort keys): they
 *   never leave the device.
 */
export const SYNCED_TABLES = ['customers', 'invoices', 'ratings', 'statusChanges', 'members', 'meta'] as const;
export const SyncedTable = z.enum(SYNCED_TABLES);
export type SyncedTable = z.infer<typeof SyncedTable>;

export interface TableRule {
  /** The property that holds the record's key. */
  primaryKey: 'id' | 'key';
  /** Fields a device derives from the record and keeps for its own indexes. */
  derivedFields: readonly string[];
  /** Fields holding append-only lists of `{ id }` records. */
  appendLists: readonly string[];
  /** The stored record's shape, checked by the server on every merge (no cross-field rules). */
  shape: z.ZodObject;
  /** For tables that sync only some keys (meta), which keys travel. */
  syncedKeys?: readonly string[];
}

/** The meta row that travels: the business profile. Other meta rows stay on the PC. */
export const PROFILE_META_KEY = 'businessProfile';

const MetaRecord = z.strictObject({ key: z.literal(PROFILE_META_KEY), value: BusinessProfile });

export const TABLE_RULES: Record<SyncedTable, TableRule> = {
  customers: { primaryKey: 'id', derivedFields: ['tokens', 'nameKey'], appendLists: [], shape: Customer },
  invoices: {
    primaryKey: 'id',
    derivedFields: ['numberKey', 'openDueDate'],
    appendLists: ['payments', 'creditNotes'],
    // The invoice's cross-field rule (due date not before issue date) is checked by the form;
    // a merge of two PCs' edits is stored as merged rather than refused.
    shape: z.strictObject(Invoice.shape),
  },
  ratings: { primaryKey: 'id', derivedFields: [], appendLists: [], shape: Rating },
  statusChanges: { primaryKey: 'id', derivedFields: [], appendLists: [], shape: StatusChange },
  members: { primaryKey: 'id', derivedFields: [], appendLists: [], shape: Member },
  meta: { primaryKey: 'key', derivedFields: [], appendLists: [], shape: MetaRecord, syncedKeys: [PROFILE_META_KEY] },
};

export function isSyncedTable(name: string): name is SyncedTable {
  return (SYNCED_TABLES as readonly string[]).includes(name);
}

/** Whether a row of a synced table travels (all rows do, except meta rows other than the profile). */
export function isSyncedKey(table: SyncedTable, key: string): boolean {
  const keys = TABLE_RULES[table].syncedKeys;
  return keys === undefined || keys.includes(key);
}
