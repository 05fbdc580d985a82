import type { Transaction } from 'dexie';
import { openDueDateOf } from './invoice-keys';
import type { InvoiceRow } from './rows';

/**
 * Every schema the book has had, oldest first. Dexie upgrades an older database through each
 * step in turn, so a version, once released, is never edited: add a new one instead.
 *
 * Index notes (the counter lookup depends on them):
 * - customers.*tokens is a multi-entry index: one prefix range on it answers any lookup.
 * - [status.value+nameKey] lists watch/blacklisted customers alphabetically without a scan.
 * - invoices.openDueDate exists only on invoices with money owed (see rows.ts).
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_V1: SchemaVersion = {
  version: 1,
  stores: {
    customers: 'id, *tokens, nameKey, [status.value+nameKey], createdAt, updatedAt',
    invoices: 'id, customerId, numberKey, issueDate, dueDate',
    ratings: 'id, customerId, raterId, date',
    statusChanges: 'id, customerId, setAt',
    members: 'id',
    meta: 'key',
  },
};

/**
 * v2: open and overdue invoices get their own sparse index instead of a scan of all invoices,
 * and `state` is indexed so the few drafts, disputes and write-offs are found without a scan.
 */
export const SCHEMA_V2: SchemaVersion = {
  version: 2,
  stores: {
    invoices: 'id, customerId, numberKey, issueDate, dueDate, openDueDate, state',
  },
  async upgrade(tx) {
    await tx
      .table<InvoiceRow, string>('invoices')
      .toCollection()
      .modify((row) => {
        const open = openDueDateOf(row);
        if (open === undefined) delete row.openDueDate;
        else row.openDueDate = open;
      });
  },
};

/**
 * v3: sync with the cloud. `outbox` holds this PC's not-yet-acknowledged write transactions as
 * numbered mutations (keyed by mutation id, so they push in order); `syncState` holds the
 * device id, the outbox counter, the pull cursor and which business the book is synced with
 * (see renderer/src/sync/sync-state.ts). Existing rows need no upgrade: a book's first sign-in
 * queues its whole content for the cloud (renderer/src/sync/bind-book.ts).
 */
export const SCHEMA_V3: SchemaVersion = {
  version: 3,
  stores: {
    outbox: 'id',
    syncState: 'key',
  },
};

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3];
