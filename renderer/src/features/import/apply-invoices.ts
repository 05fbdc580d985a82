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
  DECIDE_SLICE,
  DEFAULT_CHUNK_SIZE,
  distinctRows,
  yieldToEventLoop,
  type ApplyOptions,
  type ImportResult,
  type ProgressListener,
} from './import-result';
import { storedInvoicesByNumberKey } from './stored-invoices';

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
 * The book is read once, up front, in one read transaction: the stored invoices with the
 * file's numbers (through the numberKey index, see stored-invoices.ts; a first import finds
 * none and reads no rows) and the customers the file can match. Every outcome is then decided
 * in memory and rows are written with bulkPut in chunks of a few thousand — no read or
 * transaction per row, which keeps a 100,000-row import close to the speed of a bare bulkPut.
 */
export async function applyInvoicePlan(db: BookDb, plan: InvoicePlan, options: ApplyOptions, onProgress?: ProgressListener): Promise<ImportResult> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const total = plan.rows;
  const base = { kind: 'invoices' as const, mode: options.mode, rows: total };
  const notWritten = (errors: readonly RowError[], stopped: string | null): ImportResult => ({
    ...base,
    written: false,
    created: 0,
    updated: 0,
    unchanged: 0,
    skippedRows: total,
    customersCreated: 0,
    errors,
    stopped,
  });
  if (options.mode === 'all-or-nothing' && plan.errors.length > 0) return notWritten(plan.errors, null);

  onProgress?.({ done: 0, total, stage: 'checking' });
  const stamp: Stamp = { now: options.ctx.now(), actor: options.ctx.actor, locale: options.ctx.locale };
  const keys = plan.invoices.map((inv) => numberKeyOf(inv.number));
  const [stored, matcher] = await db.transaction('r', [db.customers, db.invoices], () =>
    Promise.all([storedInvoicesByNumberKey(db, keys), CustomerMatcher.load(db, uniqueCustomers(plan.invoices))]),
  );
  const prepared = await decideAll(plan, keys, stored, matcher, stamp);

  if (options.mode === 'all-or-nothing') {
    if (prepared.errors.length > 0) return notWritten(prepared.errors, null);
    let done = total - rowsOf(prepared.writes);
    try {
      // The write itself is ONE transaction: it starts by checking that nothing read above has
      // changed, and a failure anywhere in it rolls all of it back.
      await guardedWrite(WHAT, () =>
        db.transaction('rw', [db.customers, db.invoices], async () => {
          const stale = await staleWrites(db, prepared.writes, true);
          if (stale.length > 0) {
            throw new WriteError(`Invoice ${stale[0]?.number ?? ''} changed in the book while the file was being checked, so nothing was imported. Import the file again.`, 'conflict');
          }
          for (let start = 0; start < prepared.writes.length; start += chunkSize) {
            const chunk = prepared.writes.slice(start, start + chunkSize);
            await putChunk(db, chunk);
            done += rowsOf(chunk);
            onProgress?.({ done, total, stage: 'writing' });
          }
        }),
      );
    } catch (error) {
      if (error instanceof WriteError) return notWritten([], error.message);
      throw error;
    }
    onProgress?.({ done: total, total, stage: 'writing' });
    return { ...base, written: prepared.writes.length > 0, ...counts(prepared), skippedRows: 0, errors: [], stopped: null };
  }

  const errors = [...plan.errors, ...prepared.errors];
  let done = total - rowsOf(prepared.writes);
  let { created, updated, customersCreated } = prepared;
  const undo = (w: Write) => {
    if (w.expectedUpdatedAt === null) created--;
    else updated--;
    if (w.customer) customersCreated--;
  };
  let stopped: string | null = null;
  onProgress?.({ done, total, stage: 'writing' });
  for (let start = 0; start < prepared.writes.length; start += chunkSize) {
    const chunk = prepared.writes.slice(start, start + chunkSize);
    try {
      const stale = await guardedWrite(WHAT, () =>
        db.transaction('rw', [db.customers, db.invoices], async () => {
          const changed = await staleWrites(db, chunk, false);
          const skip = new Set(changed);
          await putChunk(db, changed.length === 0 ? chunk : chunk.filter((w) => !skip.has(w)));
          return changed;
        }),
      );
      for (const w of stale) {
        undo(w);
        for (const row of w.rows) errors.push({ row, column: plan.columns.number, message: `Invoice ${w.number} was changed in the book while importing; import the file again to update it` });
      }
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      // Earlier chunks are saved; this one and the rest are not.
      stopped = `${error.message} The rows before row ${chunk[0]?.rows[0] ?? ''} were imported.`;
      prepared.writes.slice(start).forEach(undo);
      break;
    }
    done += rowsOf(chunk);
    onProgress?.({ done, total, stage: 'writing' });
    await yieldToEventLoop();
  }
  const sorted = errors.sort((a, b) => a.row - b.row);
  return {
    ...base,
    written: created + updated > 0,
    created,
    updated,
    unchanged: prepared.unchanged,
    skippedRows: stopped === null ? distinctRows(sorted) : total - done + distinctRows(sorted),
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

function uniqueCustomers(invoices: readonly PlannedInvoice[]) {
  // The plan shares one object per customer of the file, so a Set of them is the distinct list.
  return new Set(invoices.map((inv) => inv.customer));
}

/** Decides every planned invoice's outcome against what was read, writing nothing. */
async function decideAll(plan: InvoicePlan, keys: readonly string[], stored: readonly InvoiceRow[], matcher: CustomerMatcher, stamp: Stamp): Promise<Prepared> {
  const existing = new Map<string, InvoiceRow>();
  for (const row of stored) existing.set(row.numberKey, row);

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
    // Deciding 100,000 invoices takes a second or more: let the page breathe meanwhile.
    if (i > 0 && i % DECIDE_SLICE === 0) await yieldToEventLoop();
    const inv = plan.invoices[i]!;
    const raw = existing.get(keys[i]!);
    // Checked here rather than up front, so a re-import's 100,000 checks happen between yields.
    const parsed = raw === undefined ? undefined : InvoiceRow.safeParse(raw);
    if (parsed !== undefined && !parsed.success) {
      // Writing over a stored row that fails its schema, or beside it under the same number,
      // could lose what it holds: its rows are refused instead.
      fail(inv, plan.columns.number, `Invoice ${inv.number} in the book could not be read, so it is left as it is`);
      continue;
    }
    const current = parsed?.data;
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

/**
 * The writes that what was read no longer supports, checked inside the write transaction: an
 * update whose invoice was edited (or deleted) since, and — with `creates` — a new invoice
 * whose number has been taken since. Creates are checked only where the whole import is one
 * transaction; per chunk it would mean an index read per chunk for a race a person can hardly
 * provoke.
 */
async function staleWrites(db: BookDb, writes: readonly Write[], creates: boolean): Promise<Write[]> {
  const updates = writes.filter((w) => w.expectedUpdatedAt !== null);
  const stale: Write[] = [];
  if (updates.length > 0) {
    const now = await db.invoices.bulkGet(updates.map((w) => w.invoice.id));
    updates.forEach((w, i) => {
      if (now[i]?.updatedAt !== w.expectedUpdatedAt) stale.push(w);
    });
  }
  if (creates) {
    const news = writes.filter((w) => w.expectedUpdatedAt === null);
    const taken = new Set((await storedInvoicesByNumberKey(db, news.map((w) => w.invoice.numberKey))).map((r) => r.numberKey));
    for (const w of news) if (taken.has(w.invoice.numberKey)) stale.push(w);
  }
  return stale;
}

/** Writes one chunk; must run inside a rw transaction on customers and invoices. */
async function putChunk(db: BookDb, chunk: readonly Write[]): Promise<void> {
  const customers: CustomerRow[] = [];
  const invoices: InvoiceRow[] = [];
  for (const w of chunk) {
    if (w.customer) customers.push(w.customer);
    invoices.push(w.invoice);
  }
  if (customers.length > 0) await db.customers.bulkAdd(customers);
  await db.invoices.bulkPut(invoices);
}
