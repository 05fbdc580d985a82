import { paymentAmountIn, type PaymentPlan, type RowError } from '@core/csv-import';
import { Invoice, type Payment } from '@core/invoice';
import { openBalanceMinor } from '@core/invoice-status';
import { formatMoney } from '@core/money';
import { newId } from '@core/primitives';
import type { BookDb } from '../../db/book-db';
import { numberKeyOf } from '../../db/invoice-keys';
import { fromInvoiceRow, toInvoiceRow } from '../../db/invoices-repo';
import { InvoiceRow } from '../../db/rows';
import { guardedWrite, WriteError } from '../../db/write-error';
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

/** An invoice that gains payments, and the file rows those payments came from. */
interface Write {
  readonly invoice: InvoiceRow;
  readonly number: string;
  readonly rows: number[];
  readonly expectedUpdatedAt: string;
}

interface Prepared {
  readonly writes: Write[];
  readonly errors: RowError[];
  readonly created: number;
  readonly unchanged: number;
}

const WHAT = 'the imported payments';

/**
 * Writes a planned payments import into the book. A payment is the same as one already
 * recorded on its invoice when the date and amount agree; matching is one-for-one, so a file
 * with two equal payments on one day adds both the first time and neither the second. Each
 * new payment must fit in what is still owed, counting the file's earlier payments on that
 * invoice, exactly as the payment form refuses to overpay.
 */
export async function applyPaymentPlan(db: BookDb, plan: PaymentPlan, options: ApplyOptions, onProgress?: ProgressListener): Promise<ImportResult> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const total = plan.rows;
  const base = { kind: 'payments' as const, mode: options.mode, rows: total, updated: 0, customersCreated: 0 };
  const notWritten = (errors: readonly RowError[], stopped: string | null): ImportResult => ({
    ...base,
    written: false,
    created: 0,
    unchanged: 0,
    skippedRows: total,
    errors,
    stopped,
  });
  if (options.mode === 'all-or-nothing' && plan.errors.length > 0) return notWritten(plan.errors, null);

  onProgress?.({ done: 0, total, stage: 'checking' });
  const keys = [...new Set(plan.payments.map((p) => numberKeyOf(p.number)))];
  const stored = await db.transaction('r', db.invoices, () => storedInvoicesByNumberKey(db, keys));
  const prepared = await decideAll(plan, stored, options);

  if (options.mode === 'all-or-nothing') {
    if (prepared.errors.length > 0) return notWritten(prepared.errors, null);
    let done = total - rowsOf(prepared.writes);
    try {
      await guardedWrite(WHAT, () =>
        db.transaction('rw', db.invoices, async () => {
          const stale = await staleWrites(db, prepared.writes);
          if (stale.length > 0) {
            throw new WriteError(`Invoice ${stale[0]?.number ?? ''} changed in the book while the file was being checked, so nothing was imported. Import the file again.`, 'conflict');
          }
          for (let start = 0; start < prepared.writes.length; start += chunkSize) {
            const chunk = prepared.writes.slice(start, start + chunkSize);
            await db.invoices.bulkPut(chunk.map((w) => w.invoice));
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
    return { ...base, written: prepared.writes.length > 0, created: prepared.created, unchanged: prepared.unchanged, skippedRows: 0, errors: [], stopped: null };
  }

  const errors = [...plan.errors, ...prepared.errors];
  let created = prepared.created;
  let done = total - rowsOf(prepared.writes);
  let stopped: string | null = null;
  onProgress?.({ done, total, stage: 'writing' });
  for (let start = 0; start < prepared.writes.length; start += chunkSize) {
    const chunk = prepared.writes.slice(start, start + chunkSize);
    try {
      const stale = await guardedWrite(WHAT, () =>
        db.transaction('rw', db.invoices, async () => {
          // An invoice edited since it was read (a payment typed in meanwhile) is left alone
          // rather than overwritten with the older copy.
          const changed = new Set(await staleWrites(db, chunk));
          await db.invoices.bulkPut(chunk.filter((w) => !changed.has(w)).map((w) => w.invoice));
          return [...changed];
        }),
      );
      for (const w of stale) {
        created -= w.rows.length;
        for (const row of w.rows) errors.push({ row, column: plan.columns.number, message: `Invoice ${w.number} was changed in the book while importing; import the file again` });
      }
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      stopped = error.message;
      for (const w of prepared.writes.slice(start)) created -= w.rows.length;
      break;
    }
    done += rowsOf(chunk);
    onProgress?.({ done, total, stage: 'writing' });
    await yieldToEventLoop();
  }
  const sorted = errors.sort((a, b) => a.row - b.row);
  return {
    ...base,
    written: created > 0,
    created,
    unchanged: prepared.unchanged,
    skippedRows: stopped === null ? distinctRows(sorted) : total - done + distinctRows(sorted),
    errors: sorted,
    stopped,
  };
}

/** The writes whose invoice was edited (or deleted) since it was read; run inside the write transaction. */
async function staleWrites(db: BookDb, writes: readonly Write[]): Promise<Write[]> {
  if (writes.length === 0) return [];
  const now = await db.invoices.bulkGet(writes.map((w) => w.invoice.id));
  return writes.filter((w, i) => now[i]?.updatedAt !== w.expectedUpdatedAt);
}

function rowsOf(writes: readonly Write[]): number {
  let n = 0;
  for (const w of writes) n += w.rows.length;
  return n;
}

interface Working {
  readonly stored: Invoice;
  next: Invoice;
  /** Payments already recorded, as "date|amount" → how many, consumed as the file matches them. */
  readonly recorded: Map<string, number>;
  readonly rows: number[];
}

/** Decides every planned payment against the invoices as read, writing nothing. */
async function decideAll(plan: PaymentPlan, stored: readonly InvoiceRow[], options: ApplyOptions): Promise<Prepared> {
  const invoices = new Map<string, Working | null>();
  for (const raw of stored) {
    const parsed = InvoiceRow.safeParse(raw);
    if (!parsed.success) {
      invoices.set(raw.numberKey, null);
      continue;
    }
    const invoice = fromInvoiceRow(parsed.data);
    const recorded = new Map<string, number>();
    for (const p of invoice.payments) {
      const k = `${p.date}|${p.amountMinor}`;
      recorded.set(k, (recorded.get(k) ?? 0) + 1);
    }
    invoices.set(raw.numberKey, { stored: invoice, next: invoice, recorded, rows: [] });
  }

  const errors: RowError[] = [];
  const now = options.ctx.now();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, options.ctx.locale);
  let created = 0;
  let unchanged = 0;
  for (let i = 0; i < plan.payments.length; i++) {
    if (i > 0 && i % DECIDE_SLICE === 0) await yieldToEventLoop();
    const p = plan.payments[i]!;
    const fail = (column: string, message: string) => errors.push({ row: p.row, column, message });
    const w = invoices.get(numberKeyOf(p.number));
    if (w === undefined) {
      fail(plan.columns.number, `There is no invoice ${p.number} in the book; import the invoices first`);
      continue;
    }
    if (w === null) {
      fail(plan.columns.number, `Invoice ${p.number} in the book could not be read, so nothing is added to it`);
      continue;
    }
    const amount = paymentAmountIn(p, plan, w.stored.currency);
    if (!amount.ok) {
      fail(plan.columns.amount, amount.error);
      continue;
    }
    const key = `${p.date}|${amount.minor}`;
    const seen = w.recorded.get(key) ?? 0;
    if (seen > 0) {
      w.recorded.set(key, seen - 1);
      unchanged++;
      continue;
    }
    if (w.next.state === 'draft') {
      fail(plan.columns.number, `Invoice ${w.stored.number} is a draft; issue it before recording payments`);
      continue;
    }
    // As recordPayment: what is owed ignores a dispute or write-off, not payments and credits.
    const owed = openBalanceMinor({ ...w.next, state: 'issued' });
    if (amount.minor > owed) {
      fail(plan.columns.amount, `The payment of ${money(amount.minor, w.stored.currency)} is more than the ${money(owed, w.stored.currency)} still owed on invoice ${w.stored.number}`);
      continue;
    }
    const payment: Payment = { id: newId(), date: p.date, amountMinor: amount.minor, method: p.method, recordedBy: options.ctx.actor, recordedAt: now };
    w.next = { ...w.next, payments: [...w.next.payments, payment], updatedAt: now };
    w.rows.push(p.row);
    created++;
  }

  const writes: Write[] = [];
  for (const w of invoices.values()) {
    if (w === null || w.rows.length === 0) continue;
    const checked = Invoice.safeParse(w.next);
    if (!checked.success) {
      for (const row of w.rows) errors.push({ row, column: plan.columns.number, message: `Invoice ${w.stored.number} cannot be stored: ${checked.error.issues[0]?.message ?? 'invalid'}` });
      created -= w.rows.length;
      continue;
    }
    writes.push({ invoice: toInvoiceRow(checked.data), number: w.stored.number, rows: w.rows, expectedUpdatedAt: w.stored.updatedAt });
  }
  return { writes, errors, created, unchanged };
}
