import Dexie, { type Table } from 'dexie';
import type { Member } from '@core/member';
import type { Rating } from '@core/rating';
import type { StatusChange } from '@core/customer';
import type { CustomerRow, InvoiceRow } from './rows';
import { SCHEMA_VERSIONS } from './schema-versions';
import { changeFeedMiddleware } from './change-feed';
import { outboxMiddleware, type OutboxOptions } from '../sync/outbox-middleware';
import type { OutboxRow, SyncStateRow } from '../sync/sync-state';

/** A key/value row for book-wide facts: the business profile, the demo flag. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The book: one business's customers, invoices, ratings and team, kept in IndexedDB.
 * Every version of the schema is declared in schema-versions.ts so an old database upgrades
 * step by step; nothing here reads or writes rows — the repositories do, validating each one.
 */
export class BookDb extends Dexie {
  customers!: Table<CustomerRow, string>;
  invoices!: Table<InvoiceRow, string>;
  ratings!: Table<Rating, string>;
  statusChanges!: Table<StatusChange, string>;
  members!: Table<Member, string>;
  meta!: Table<MetaRow, string>;
  /** This PC's write transactions not yet acknowledged by the cloud (renderer/src/sync). */
  outbox!: Table<OutboxRow, number>;
  syncState!: Table<SyncStateRow, string>;

  constructor(name = DEFAULT_BOOK_NAME, options?: ConstructorParameters<typeof Dexie>[1], outbox?: OutboxOptions) {
    super(name, options);
    for (const v of SCHEMA_VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    this.use(changeFeedMiddleware(this));
    // Queues every local write of a synced table for the cloud, in the write's own transaction.
    this.use(outboxMiddleware(this, outbox));
  }
}

export const DEFAULT_BOOK_NAME = 'rateback-book';
