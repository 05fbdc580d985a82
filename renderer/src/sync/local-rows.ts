import type { Customer } from '@core/customer';
import type { Invoice } from '@core/invoice';
import type { RecordData } from '@core/sync/merge';
import { TABLE_RULES, type SyncedTable } from '@core/sync/tables';
import { toCustomerRow } from '../db/customers-repo';
import { toInvoiceRow } from '../db/invoices-repo';

/**
 * Turns a record as the cloud holds it into the row this PC stores: checked against the
 * table's shape (what comes over the network is validated like what comes from disk), then
 * given the derived index keys the repositories would have added (search tokens, sort and
 * number keys, the open-invoice index), since those never travel.
 */
export type LocalRow = { ok: true; row: RecordData } | { ok: false; issues: string[] };

const DERIVE: { [T in SyncedTable]: (record: RecordData) => RecordData } = {
  customers: (record) => toCustomerRow(record as Customer),
  invoices: (record) => toInvoiceRow(record as Invoice),
  ratings: (record) => record,
  statusChanges: (record) => record,
  members: (record) => record,
  meta: (record) => record,
};

export function toLocalRow(table: SyncedTable, id: string, data: RecordData): LocalRow {
  const rule = TABLE_RULES[table];
  const parsed = rule.shape.safeParse({ ...data, [rule.primaryKey]: id });
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`) };
  return { ok: true, row: DERIVE[table](parsed.data) };
}
