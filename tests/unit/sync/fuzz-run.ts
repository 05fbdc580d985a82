import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { toRecord } from '@core/sync/merge';
import { isSyncedTable } from '@core/sync/tables';
import type { WriteContext } from '../../../renderer/src/db/write-context';
import { toLocalRow } from '../../../renderer/src/sync/local-rows';
import { createSyncEngine, type SyncEngine, type SyncTransport } from '../../../renderer/src/sync/sync-engine';
import { bookRecords, manualTimers, openSyncTestDb, outboxRows } from '../../../renderer/src/sync/test-sync-book';
import { BookModel, diffBooks, hiddenLocalEdits, type Book, type Effect } from './book-model';
import { FlakyNetwork, seededRng, type Rng } from './flaky-network';
import { opArbitrary, runOp, TABLES_OF, type Op, type Pc, type Preferred } from './fuzz-ops';

/**
 * One fuzz run: several PCs, each with its own IndexedDB and sync engine, make random local
 * operations while a flaky network loses, duplicates and reorders their pushes and the cloud
 * restarts once; then the network heals, everyone syncs until two quiet rounds in a row, and
 * the books are checked against the cloud and against the model of what the PCs did.
 */
export interface FuzzCloud {
  /** A reliable transport to the cloud as it is now, for PC `pc`. */
  transport(pc: number): SyncTransport;
  restart(): Promise<void>;
}

export interface FuzzConfig {
  pcs: number;
  opsPerPc: number;
  /** Interleaved steps (operations, syncs, network changes); leftover operations run after. */
  steps: number;
}

type Step = { pc: number; action: 'op' | 'sync' | 'toggle' | 'deliver' };

export interface FuzzPlan {
  ops: Op[][];
  steps: Step[];
  restartAt: number;
  faultSeed: number;
}

export function planArbitrary(config: FuzzConfig): fc.Arbitrary<FuzzPlan> {
  const step = fc.record({
    pc: fc.integer({ min: 0, max: config.pcs - 1 }),
    action: fc.oneof(
      { weight: 13, arbitrary: fc.constant('op' as const) },
      { weight: 5, arbitrary: fc.constant('sync' as const) },
      { weight: 1, arbitrary: fc.constant('toggle' as const) },
      { weight: 1, arbitrary: fc.constant('deliver' as const) },
    ),
  });
  return fc.record({
    ops: fc.array(fc.array(opArbitrary, { minLength: config.opsPerPc, maxLength: config.opsPerPc }), { minLength: config.pcs, maxLength: config.pcs }),
    steps: fc.array(step, { minLength: config.steps, maxLength: config.steps }),
    restartAt: fc.integer({ min: Math.floor(config.steps / 4), max: Math.floor((3 * config.steps) / 4) }),
    faultSeed: fc.integer(),
  });
}

export interface FuzzReport {
  ops: number;
  /** Of which made while that PC's sync was waiting for the cloud. */
  opsDuringSync: number;
  /** Syncs of another PC run while a PC's sync was waiting for the cloud. */
  syncsDuringSync: number;
  /** Idle syncs after which the PC's book was compared with the whole cloud book. */
  exactChecks: number;
  restarts: number;
  syncs: number;
  quiescenceRounds: number;
  records: number;
  faults: FlakyNetwork['counts'];
}

interface FuzzPc extends Pc {
  engine: SyncEngine;
}

export async function runFuzz(plan: FuzzPlan, cloud: FuzzCloud, businessId: string): Promise<FuzzReport> {
  // Record ids decide which record an operation picks: seeded too, so a seed replays a run.
  const restoreIds = seedRandomUuids(seededRng(plan.faultSeed ^ 0x5eed));
  try {
    return await run(plan, cloud, businessId);
  } finally {
    restoreIds();
  }
}

async function run(plan: FuzzPlan, cloud: FuzzCloud, businessId: string): Promise<FuzzReport> {
  const network = new FlakyNetwork(seededRng(plan.faultSeed));
  const model = new BookModel();
  const pcs: FuzzPc[] = [];
  for (let index = 0; index < plan.ops.length; index++) {
    const db = await openSyncTestDb({ bind: false, name: `fuzz-pc${index}`, indexedDB: new IDBFactory() });
    const engine = createSyncEngine({ db, transport: network.transport(index, () => cloud.transport(index)), businessId, timers: manualTimers() });
    pcs.push({ index, db, engine, ctx: pcContext(index), rater: { id: crypto.randomUUID(), name: `Rater ${index}` } });
  }
  const report: FuzzReport = { ops: 0, opsDuringSync: 0, syncsDuringSync: 0, exactChecks: 0, restarts: 0, syncs: 0, quiescenceRounds: 0, records: 0, faults: network.counts };
  const next = pcs.map(() => 0);

  /** The PC whose sync the current step runs, and what it did meanwhile (to be seen after). */
  let syncing: number | undefined;
  let duringSync: Effect[] = [];
  const operate = async (pc: FuzzPc, preferred?: Preferred) => {
    const op = plan.ops[pc.index]?.[next[pc.index] ?? 0];
    if (!op) return;
    const serial = (next[pc.index] = (next[pc.index] ?? 0) + 1);
    const before = await bookRecords(pc.db, TABLES_OF[op.kind]);
    await runOp(pc, op, serial, preferred);
    const after = await bookRecords(pc.db, TABLES_OF[op.kind]);
    model.observe(pc.index, before, after);
    report.ops++;
    if (pc.index === syncing) {
      report.opsDuringSync++;
      duringSync.push(diffBooks(before, after));
    }
  };
  // While a PC's sync waits for the cloud, its user keeps working, or another PC edits and
  // syncs: pulls then land on pending edits, and on records another PC changed a moment ago.
  let somethingMeanwhile = false;
  network.meanwhile = async (index, touched) => {
    const pc = pcs[index];
    if (!pc) return;
    somethingMeanwhile = true;
    if (network.draw(2) === 0) {
      await operate(pc, touched);
      return;
    }
    const other = pcs[(index + 1 + network.draw(pcs.length - 1)) % pcs.length];
    if (!other) return;
    await operate(other, touched);
    report.syncsDuringSync++;
    await other.engine.syncNow();
  };

  try {
    for (const [i, step] of plan.steps.entries()) {
      if (i === plan.restartAt) {
        await cloud.restart();
        report.restarts++;
      }
      const pc = pcs[step.pc];
      if (!pc) continue;
      if (step.action === 'op') await operate(pc);
      else if (step.action === 'sync') {
        report.syncs++;
        duringSync = [];
        syncing = pc.index;
        somethingMeanwhile = false;
        const state = await pc.engine.syncNow();
        syncing = undefined;
        const book = await bookRecords(pc.db);
        const hidden = hiddenLocalEdits(duringSync, book);
        if (hidden.length > 0) throw new Error(`PC ${pc.index}'s sync (step ${i}) hid its own edits:\n${hidden.slice(0, 10).join('\n')}`);
        // A run that ended idle with nobody doing anything meanwhile leaves the PC holding
        // exactly the cloud's book: anything else (a stale overlay, a missed record) shows here
        // long before quiescence could paper over it.
        if (state.phase === 'idle' && !somethingMeanwhile) {
          report.exactChecks++;
          const problems = compareBooks(`PC ${pc.index} after its sync at step ${i}`, book, await pullEverything(cloud.transport(pc.index)));
          if (state.pending !== 0) problems.push(`PC ${pc.index} ended an idle sync with ${state.pending} changes waiting`);
          if (problems.length > 0) throw new Error(problems.slice(0, 10).join('\n'));
        }
      } else if (step.action === 'toggle') network.setOnline(pc.index, !network.isOnline(pc.index));
      else await network.deliver();
    }
    while (pcs.some((pc) => (next[pc.index] ?? 0) < (plan.ops[pc.index]?.length ?? 0))) {
      for (const pc of pcs) await operate(pc);
    }

    // Quiescence: the network heals, held-back pushes arrive, everyone syncs until two rounds
    // in a row where nobody had anything to push and every run ended idle.
    network.flaky = false;
    for (const pc of pcs) network.setOnline(pc.index, true);
    await network.deliver(true);
    let quiet = 0;
    while (quiet < 2) {
      if (++report.quiescenceRounds > 12) throw new Error('The PCs did not settle within 12 rounds of syncing');
      let roundQuiet = true;
      for (const pc of pcs) {
        const waiting = (await outboxRows(pc.db)).length;
        const state = await pc.engine.syncNow();
        if (waiting > 0 || state.phase !== 'idle' || state.pending !== 0) roundQuiet = false;
        if (state.phase === 'error') throw new Error(`PC ${pc.index} cannot sync: ${state.error ?? ''}`);
      }
      quiet = roundQuiet ? quiet + 1 : 0;
    }

    const truth = await pullEverything(cloud.transport(0));
    report.records = truth.size;
    const problems: string[] = [];
    for (const pc of pcs) {
      problems.push(...compareBooks(`PC ${pc.index}`, await bookRecords(pc.db), truth));
      problems.push(...(await derivedProblems(pc)));
      if ((await outboxRows(pc.db)).length > 0) problems.push(`PC ${pc.index} still has changes waiting`);
    }
    problems.push(...model.check(truth));
    if (problems.length > 0) throw new Error(`${problems.length} problems:\n${problems.slice(0, 30).join('\n')}`);
    return report;
  } finally {
    for (const pc of pcs) pc.db.close();
  }
}

/** Who writes on PC `index`, with a clock one second per write (renderer's test-db is DOM-typed). */
function pcContext(index: number): WriteContext {
  let t = Date.parse('2026-03-01T09:00:00.000Z');
  return { actor: `PC ${index}`, country: 'GB', locale: 'en-GB', now: () => new Date((t += 1000)).toISOString() };
}

/** Makes `crypto.randomUUID` (behind every new record id and device id) follow `rng`. */
function seedRandomUuids(rng: Rng): () => void {
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(4)]}${hex(3)}-${hex(12)}`;
  Object.defineProperty(crypto, 'randomUUID', { value: uuid, configurable: true, writable: true });
  return () => {
    delete (crypto as { randomUUID?: unknown }).randomUUID;
  };
}

/** The cloud's whole book, pulled from the start: live records only, by `table:id`. */
async function pullEverything(transport: SyncTransport): Promise<Book> {
  const book: Book = new Map();
  let cursor = 0;
  for (;;) {
    const page = await transport.pull({ cursor, limit: 1000 });
    for (const r of page.records) {
      if (r.deleted || !r.data) book.delete(`${r.table}:${r.id}`);
      else book.set(`${r.table}:${r.id}`, r.data);
    }
    cursor = page.cursor;
    if (!page.hasMore) return book;
  }
}

function compareBooks(who: string, mine: Book, truth: Book): string[] {
  const problems: string[] = [];
  for (const [key, record] of truth) {
    const held = mine.get(key);
    if (!held) problems.push(`${who} lacks ${key}`);
    else if (JSON.stringify(sortKeys(held)) !== JSON.stringify(sortKeys(record))) {
      problems.push(`${who} holds ${key} as ${JSON.stringify(held)}; the cloud has ${JSON.stringify(record)}`);
    }
  }
  for (const key of mine.keys()) if (!truth.has(key)) problems.push(`${who} still holds ${key}, which the cloud does not`);
  return problems;
}

/** Every row's derived index keys are the ones its record gives (rebuilt after each pull). */
async function derivedProblems(pc: FuzzPc): Promise<string[]> {
  const problems: string[] = [];
  for (const table of ['customers', 'invoices'] as const) {
    if (!isSyncedTable(table)) continue;
    for (const row of (await pc.db.table(table).toArray()) as Record<string, unknown>[]) {
      const id = String(row['id']);
      const expected = toLocalRow(table, id, toRecord(table, row));
      if (!expected.ok) problems.push(`PC ${pc.index}: ${table} ${id} is not a valid record: ${expected.issues.join('; ')}`);
      else if (JSON.stringify(sortKeys(expected.row)) !== JSON.stringify(sortKeys(row))) problems.push(`PC ${pc.index}: ${table} ${id} has stale index keys`);
    }
  }
  return problems;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
