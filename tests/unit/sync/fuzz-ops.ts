import fc from 'fast-check';
import { openBalanceMinor } from '@core/invoice-status';
import type { SyncedTable } from '@core/sync/tables';
import type { BookDb } from '../../../renderer/src/db/book-db';
import { createCustomer, deleteCustomer, getCustomer, setCustomerStatus, updateCustomer } from '../../../renderer/src/db/customers-repo';
import { createInvoice, getInvoice, recordPayment, updateInvoice } from '../../../renderer/src/db/invoices-repo';
import { addRating } from '../../../renderer/src/db/ratings-repo';
import type { WriteContext } from '../../../renderer/src/db/write-context';

/**
 * The fuzz's local operations, as a user at one PC would make them through the repositories:
 * customers (create, edit a field, set status, delete), invoices (create, edit, record a
 * payment) and ratings (add). An operation names its target by a number (`pick`), resolved
 * against whatever that PC's book holds when it runs, so any sequence is meaningful.
 * Every written value is unique (PC and operation number), so the model can tell writers apart.
 */
export type Op =
  | { kind: 'createCustomer' }
  | { kind: 'editCustomer'; pick: number; field: 'displayName' | 'company' | 'notes' }
  | { kind: 'setStatus'; pick: number; value: 'ok' | 'watch' | 'blacklisted' }
  | { kind: 'deleteCustomer'; pick: number }
  | { kind: 'createInvoice'; pick: number; totalMinor: number }
  | { kind: 'editInvoice'; pick: number; field: 'notes' | 'totalMinor' | 'state' }
  | { kind: 'recordPayment'; pick: number; percent: number }
  | { kind: 'addRating'; pick: number; score: number };

// Half the picks land on the first few records (by id, the same on every PC once synced), so
// PCs often edit the same records: that is where merges, deletes and overlays meet.
/**
 * The tables an operation can change (with its fallback to creating a customer when there is
 * none to pick): the fuzz snapshots only these around it, which keeps a run fast.
 */
export const TABLES_OF: Record<Op['kind'], SyncedTable[]> = {
  createCustomer: ['customers'],
  editCustomer: ['customers'],
  setStatus: ['customers', 'statusChanges'],
  deleteCustomer: ['customers', 'invoices', 'ratings', 'statusChanges'],
  createInvoice: ['customers', 'invoices'],
  editInvoice: ['invoices'],
  recordPayment: ['invoices'],
  addRating: ['customers', 'ratings'],
};

const pick = fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 1_000_000 }));

export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'createCustomer' as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('editCustomer' as const), pick, field: fc.constantFrom('displayName' as const, 'company' as const, 'notes' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('setStatus' as const), pick, value: fc.constantFrom('ok' as const, 'watch' as const, 'blacklisted' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteCustomer' as const), pick }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('createInvoice' as const), pick, totalMinor: fc.integer({ min: 100, max: 500_000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('editInvoice' as const), pick, field: fc.constantFrom('notes' as const, 'totalMinor' as const, 'state' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('recordPayment' as const), pick, percent: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('addRating' as const), pick, score: fc.integer({ min: 1, max: 5 }) }) },
);

export interface Pc {
  index: number;
  db: BookDb;
  ctx: WriteContext;
  rater: { id: string; name: string };
}

const blankCustomer = (name: string) => ({
  displayName: name,
  company: '',
  phones: [],
  emails: [],
  taxId: '',
  address: { line1: '', line2: '', city: '', postcode: '', region: '', country: 'GB' },
  tags: [],
  notes: '',
});

/** Records an operation should pick among when it can (the fuzz's edits during a sync). */
export type Preferred = { table: string; id: string }[];

async function chooseFrom(db: BookDb, table: 'customers' | 'invoices', n: number, preferred: Preferred): Promise<string | undefined> {
  const wanted = preferred.filter((r) => r.table === table).map((r) => r.id);
  const present = wanted.length === 0 ? [] : ((await db.table(table).bulkGet(wanted)) as unknown[]).flatMap((row, i) => (row ? [wanted[i] as string] : []));
  const ids = present.length > 0 ? present : ((await db.table(table).orderBy(':id').primaryKeys()) as string[]);
  return ids.length === 0 ? undefined : ids[n % ids.length];
}

/** Runs one operation on a PC's book. Refusals the app would show the user are fine: nothing changes. */
export async function runOp(pc: Pc, op: Op, serial: number, preferred: Preferred = []): Promise<void> {
  const { db, ctx } = pc;
  const choose = (table: 'customers' | 'invoices', n: number) => chooseFrom(db, table, n, preferred);
  const tag = `pc${pc.index}-op${serial}`;
  switch (op.kind) {
    case 'createCustomer': {
      await createCustomer(db, blankCustomer(`Customer ${tag}`), ctx);
      return;
    }
    case 'editCustomer': {
      const id = await choose('customers', op.pick);
      const current = id && (await getCustomer(db, id));
      if (!id || !current) return runOp(pc, { kind: 'createCustomer' }, serial);
      const { displayName, company, phones, emails, taxId, address, tags, notes } = current;
      const input = { displayName, company, phones, emails, taxId, address, tags, notes, [op.field]: `${op.field} ${tag}` };
      await updateCustomer(db, id, input, ctx);
      return;
    }
    case 'setStatus': {
      const id = await choose('customers', op.pick);
      if (!id) return runOp(pc, { kind: 'createCustomer' }, serial);
      await setCustomerStatus(db, id, { value: op.value, reason: op.value === 'ok' ? '' : `Reason ${tag}` }, ctx);
      return;
    }
    case 'deleteCustomer': {
      const id = await choose('customers', op.pick);
      if (id) await deleteCustomer(db, id);
      return;
    }
    case 'createInvoice': {
      const customerId = await choose('customers', op.pick);
      if (!customerId) return runOp(pc, { kind: 'createCustomer' }, serial);
      await createInvoice(
        db,
        { number: `INV-${tag}`, customerId, issueDate: '2026-01-01', dueDate: '2026-02-01', currency: 'GBP', totalMinor: op.totalMinor, state: 'issued', notes: '' },
        ctx,
      );
      return;
    }
    case 'editInvoice': {
      const id = await choose('invoices', op.pick);
      const current = id && (await getInvoice(db, id));
      if (!id || !current) return;
      const { number, customerId, issueDate, dueDate, currency, totalMinor, notes } = current;
      // The form offers issued and disputed once an invoice is out; written-off is not an edit.
      const state = current.state === 'written_off' ? 'issued' : current.state;
      const input = { number, customerId, issueDate, dueDate, currency, totalMinor, state, notes };
      if (op.field === 'notes') input.notes = `Notes ${tag}`;
      if (op.field === 'totalMinor') input.totalMinor = totalMinor + 100 + serial;
      if (op.field === 'state') input.state = state === 'disputed' ? 'issued' : 'disputed';
      await updateInvoice(db, id, input, ctx);
      return;
    }
    case 'recordPayment': {
      const id = await choose('invoices', op.pick);
      const current = id && (await getInvoice(db, id));
      if (!id || !current) return;
      const owed = openBalanceMinor({ ...current, state: 'issued' });
      if (owed <= 0) return;
      await recordPayment(db, id, { date: '2026-01-15', amountMinor: Math.max(1, Math.floor((owed * op.percent) / 100)), method: 'cash' }, ctx);
      return;
    }
    case 'addRating': {
      const customerId = await choose('customers', op.pick);
      if (!customerId) return runOp(pc, { kind: 'createCustomer' }, serial);
      const s = op.score;
      await addRating(
        db,
        { customerId, date: '2026-01-20', scores: { timelyPayment: s, reliability: s, respect: s, effortToServe: s, overall: s }, incidents: [], positives: [], invoiceId: null, note: `Rating ${tag}` },
        pc.rater,
        ctx,
      );
      return;
    }
  }
}
