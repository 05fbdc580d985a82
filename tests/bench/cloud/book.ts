import { randomUUID } from 'node:crypto';
import type { Customer } from '@core/customer';
import { generateDemoBook } from '@core/demo/generate';
import { diffRecords } from '@core/sync/merge';
import type { Change, Mutation } from '@core/sync/protocol';
import { SYNCED_TABLES, TABLE_RULES, type SyncedTable } from '@core/sync/tables';

/**
 * The benchmark's records: core/demo's seeded generator (the same believable customers,
 * invoices, ratings and status history the counter benchmark seeds), turned into sync changes
 * the way a PC's bind does (core's diffRecords of "nothing" → the record).
 */
const TODAY = '2026-11-23';
const AT = '2026-11-23T09:00:00.000Z';

function demo(seed: number, customers: number, invoicesPerCustomer: number) {
  return generateDemoBook({ seed, customers, invoicesPerCustomer, today: TODAY, country: 'GB', currency: 'GBP' });
}

/** `count` new customers; a different seed gives different ids. */
export function demoCustomers(seed: number, count: number): Customer[] {
  return demo(seed, count, 0).customers;
}

/** The change a PC sends for a record it has just created. */
export function createChange(table: SyncedTable, record: Record<string, unknown>): Change {
  const id = record[TABLE_RULES[table].primaryKey];
  if (typeof id !== 'string') throw new Error(`A ${table} record without its key`);
  const change = diffRecords(table, id, undefined, record);
  if (!change) throw new Error('diffRecords made no change for a new record');
  return change;
}

/**
 * A whole book of exactly `records` records, in the order a first sync sends them (customers,
 * invoices, ratings, status changes, members): about 19% customers, 56% invoices, 22% ratings.
 */
export function demoBookChanges(seed: number, records: number): Change[] {
  const book = demo(seed, Math.ceil(records / 5), 3);
  const byTable: Record<SyncedTable, readonly object[]> = {
    customers: book.customers,
    invoices: book.invoices,
    ratings: book.ratings,
    statusChanges: book.statusChanges,
    members: book.members,
    meta: [],
  };
  const changes: Change[] = [];
  for (const table of SYNCED_TABLES) {
    for (const record of byTable[table]) {
      if (changes.length === records) return changes;
      changes.push(createChange(table, record as Record<string, unknown>));
    }
  }
  if (changes.length < records) throw new Error(`The demo book has only ${changes.length} records, not ${records}`);
  return changes;
}

/** A device's numbering of mutations, 1, 2, 3…, as its outbox does. */
export class DeviceOutbox {
  readonly deviceId = randomUUID();
  private next = 1;

  /** One mutation per `perMutation` changes. */
  mutations(changes: readonly Change[], perMutation: number): Mutation[] {
    const out: Mutation[] = [];
    for (let i = 0; i < changes.length; i += perMutation) out.push({ id: this.next++, at: AT, changes: changes.slice(i, i + perMutation) });
    return out;
  }
}
