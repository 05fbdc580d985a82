import type { InvoicePlan, PlannedInvoice, RowError } from '@core/csv-import';
import type { BookDb } from '../../db/book-db';
import { numberKeyOf } from '../../db/invoice-keys';
import { fromInvoiceRow } from '../../db/invoices-repo';
import { InvoiceRow } from '../../db/rows';
import type { CustomerRow } from '../../db/rows';
import { guardedWrite, WriteError } from '../../db/write-error';
import { CustomerMatcher } from './customer-matcher';
import { decideInvoice, type Stamp } from './invoice-merge';
import {
  DEFAULT_CHUNK_SIZE,
  distinctRows,
  yieldToEventLoop,
  type ApplyOptions,
  type ImportResult,
  type ProgressListener,
} from './import-result';

/** One invoice's outcome, decided before anything is written. */
interface Write {
  readonly rows: readonly number[];
  readonly number: string;
  /** A customer this import creates; written in the same transaction as the invoice. */
  readonly customer: CustomerRow | null;
  readonly invoice: InvoiceRow;
  /** For an update: the stored row's updatedAt when it was read, to notice an edit made meanwhile. */
  readonly expectedUpdatedAt: string | null;
}

interface Prepared {
  readonly writes: Write[];
  readonly errors: RowError[];
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly customersCreated: number;
}

const WHAT = 'the imported invoices';

/**
 * Writes a planned invoice import into the book (see import-result.ts for the two modes).
 *
 * The book is read once, up front: the stored invoices with the file's numbers (one `anyOf`
 * on the numberKey index; for a first import that finds nothing and reads no rows) and the
 * customers the file can match. Every outcome is decided in memory, then rows are written with
 * bulkPut in chunks of a few thousand — no read or transaction per row, which is what keeps
 * a 100,000-row import close to the speed of a bare bulkPut.
 */
export async function applyInvoicePlan(db: BookDb, plan: InvoicePlan, options: ApplyOptions, onProgress?: ProgressListener): Promise<ImportResult> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const base = { kind: 'invoices' as const, mode: options.mode, rows: plan.rows };
  const notWritten = (errors: readonly RowError[], stopped: string | null): ImportResult => ({
    ...base,
    written: false,
    created: 0,
    updated: 0,
    unchanged: 0,
    skippedRows: plan.rows,
    customersCreated: 0,
    errors,
    stopped,
  });
  const stamp: Stamp = { now: options.ctx.now(), actor: options.ctx.actor, locale: options.ctx.locale };
  onProgress?.({ done: 0, total: plan.rows });

  if (options.mode === 'all-or-nothing') {
    if (plan.errors.length > 0) return notWritten(plan.errors, null);
    try {
      // Reads, decisions and every chunk in ONE transaction: nothing can change in between, and
      // a failure anywhere rolls all of it back.
      return await guardedWrite(WHAT, () =>
        db.transaction('rw', [db.customers, db.invoices], async () => {
          const prepared = await prepare(db, plan, stamp);
          if (prepared.errors.length > 0) return notWritten(prepared.errors, null);
          let done = plan.rows - rowsOf(prepared.writes);
          for (let start = 0; start < prepared.writes.length; start += chunkSize) {
            const chunk = prepared.writes.slice(start, start + chunkSize);
            await putChunk(db, chunk, false);
            done += rowsOf(chunk);
            onProgress?.({ done, total: plan.rows });
          }
          return { ...base, written: prepared.writes.length > 0, ...counts(prepared), skippedRows: 0, errors: [], stopped: null };
        }),
      );
    } catch (error) {
      if (error instanceof WriteError) return notWritten([], error.message);
      throw error;
    }
  }

  const prepared = await db.transaction('r', [db.customers, db.invoices], () => prepare(db, plan, stamp));
  const errors = [...plan.errors, ...prepared.errors];
  let done = plan.rows - rowsOf(prepared.writes);
  let created = prepared.created;
  let updated = prepared.updated;
  let customersCreated = prepared.customersCreated;
  let stopped: string | null = null;
  onProgress?.({ done, total: plan.rows });
  for (let start = 0; start < prepared.writes.length; start += chunkSize) {
    const chunk = prepared.writes.slice(start, start + chunkSize);
    try {
      const stale = await guardedWrite(WHAT, () => db.transaction('rw', [db.customers, db.invoices], () => putChunk(db, chunk, true)));
      for (const w of stale) {
        for (const row of w.rows) errors.push({ row, column: plan.columns.number, message: `Invoice ${w.number} was changed in the book while importing; import the file again to update it` });
        if (w.expectedUpdatedAt === null) created--;
        else updated--;
        if (w.customer) customersCreated--;
      }
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      // Earlier chunks are saved; this one and the rest are not.
      stopped = error.message;
      for (const w of prepared.writes.slice(start)) {
        if (w.expectedUpdatedAt === null) created--;
        else updated--;
        if (w.customer) customersCreated--;
      }
      break;
    }
    done += rowsOf(chunk);
    onProgress?.({ done, total: plan.rows });
    await yieldToEventLoop();
  }
  const sorted = errors.sort((a, b) => a.row - b.row);
  const written = created + updated > 0;
  return {
    ...base,
    written,
    created,
    updated,
    unchanged: prepared.unchanged,
    skippedRows: stopped === null ? distinctRows(sorted) : plan.rows - done + distinctRows(sorted),
    customersCreated,
    errors: sorted,
    stopped,
  };
}

function counts(p: Prepared) {
  return { created: p.created, updated: p.updated, unchanged: p.unchanged, customersCreated: p.customersCreated };
}

function rowsOf(writes: readonly Write[]): number {
  let n = 0;
  for (const w of writes) n += w.rows.length;
  return n;
}

/** Reads what the plan touches and decides every invoice's outcome, writing nothing. */
async function prepare(db: BookDb, plan: InvoicePlan, stamp: Stamp): Promise<Prepared> {
  const keys = plan.invoices.map((inv) => numberKeyOf(inv.number));
  const [stored, matcher] = await Promise.all([
    keys.length === 0 ? [] : db.invoices.where('numberKey').anyOf(keys).toArray(),
    CustomerMatcher.load(db, uniqueCustomers(plan.invoices)),
  ]);
  const existing = new Map<string, InvoiceRow | null>();
  for (const raw of stored) {
    const parsed = InvoiceRow.safeParse(raw);
    // null: a stored row that fails its schema. Writing over it, or beside it under the same
    // number, could lose what it holds, so its rows are refused instead.
    existing.set(raw.numberKey, parsed.success ? parsed.data : null);
  }

  const writes: Write[] = [];
  const errors: RowError[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let customersCreated = 0;
  const fail = (inv: PlannedInvoice, column: string, message: string) => {
    for (const row of inv.rows) errors.push({ row, column, message });
  };

  for (let i = 0; i < plan.invoices.length; i++) {
    const inv = plan.invoices[i]!;
    const key = keys[i]!;
    const current = existing.get(key);
    if (current === null) {
      fail(inv, plan.columns.number, `Invoice ${inv.number} in the book could not be read, so it is left as it is`);
      continue;
    }
    const match = matcher.find(inv.customer);
    if (match.kind === 'ambiguous') {
      fail(inv, plan.columns.customerName, `${match.count} customers in the book are called "${inv.customer.name}"; add an e-mail column to say which one`);
      continue;
    }
    // A stored invoice whose customer the file names in a way the book no longer knows (renamed
    // since) stays with its customer rather than moving to a duplicate made from the old name.
    let newCustomer: CustomerRow | null = null;
    let customerId: string;
    if (match.kind === 'found') customerId = match.id;
    else if (current !== undefined) customerId = current.customerId;
    else {
      newCustomer = matcher.newCustomer(inv.customer, stamp.actor, stamp.now);
      customerId = newCustomer.id;
    }

    const decision = decideInvoice(inv, current === undefined ? undefined : fromInvoiceRow(current), customerId, stamp);
    switch (decision.kind) {
      case 'error':
        fail(inv, plan.columns[decision.field], decision.message);
        continue;
      case 'unchanged':
        unchanged++;
        continue;
      case 'create':
        created++;
        break;
      case 'update':
        updated++;
        break;
    }
    if (newCustomer) {
      matcher.add(newCustomer);
      customersCreated++;
    }
    writes.push({ rows: inv.rows, number: inv.number, customer: newCustomer, invoice: decision.row, expectedUpdatedAt: current?.updatedAt ?? null });
  }
  return { writes, errors, created, updated, unchanged, customersCreated };
}

function uniqueCustomers(invoices: readonly PlannedInvoice[]) {
  // The plan shares one object per customer of the file, so a Set of them is the distinct list.
  return new Set(invoices.map((inv) => inv.customer));
}

/**
 * Writes one chunk; must run inside a rw transaction on customers and invoices. With `verify`
 * (skip mode, where the reads happened in an earlier transaction) updates are checked against
 * the row as it is now: one edited meanwhile is left alone and returned, so the caller reports it.
 */
async function putChunk(db: BookDb, chunk: readonly Write[], verify: boolean): Promise<Write[]> {
  const updates = verify ? chunk.filter((w) => w.expectedUpdatedAt !== null) : [];
  let stale: Write[] = [];
  if (updates.length > 0) {
    const now = await db.invoices.bulkGet(updates.map((w) => w.invoice.id));
    stale = updates.filter((w, i) => now[i]?.updatedAt !== w.expectedUpdatedAt);
  }
  const skip = new Set(stale);
  const customers: CustomerRow[] = [];
  const invoices: InvoiceRow[] = [];
  for (const w of chunk) {
    if (skip.has(w)) continue;
    if (w.customer) customers.push(w.customer);
    invoices.push(w.invoice);
  }
  if (customers.length > 0) await db.customers.bulkAdd(customers);
  await db.invoices.bulkPut(invoices);
  return stale;
}
