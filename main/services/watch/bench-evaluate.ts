import { createRng } from '@core/demo/random';
import { fromDayNumber } from '@core/lateness/day-number';
import type { CustomerOverride } from '@core/watch/customer-override';
import { evaluateReminders, RaiseBuffer } from '@core/watch/evaluate';
import { chaseHolds } from '@core/watch/holds';
import { MirrorTable, NO_STEP } from '@core/watch/mirror-table';
import { DEFAULT_PLAN } from '@core/watch/plan';
import { reviewPromises } from '@core/watch/promise-review';
import type { PaymentPromise } from '@core/watch/promises';

/**
 * How long the watch's evaluation takes over a big mirror, against the floor of a bare loop
 * over the same two columns. Run by bench-evaluate-run.mjs (not by vitest).
 *
 * The book: `n` open invoices over n/10 customers, seeded; due dates from 400 days ago to 60
 * days ahead, 3 % disputed, 1 % of customers paused or on their own ladder, promises on 0.5 %
 * of invoices. The first evaluation sees everything for the first time; its findings are
 * recorded, as the service does, and the timed evaluations then run:
 *
 *   evaluate  one full evaluation as the service runs it after a change: promises reviewed,
 *             holds built, the reminder loop, on the same day (nothing new is found)
 *   loopOnly  the reminder loop alone, with the holds already built
 *   nextDay   the same on the following day, when about 1 % of invoices reach a step
 *   floor     a bare loop over dueDay and openMinor counting overdue invoices: memory
 *             bandwidth, the least any evaluation can cost
 */
export interface EvalBenchResult {
  n: number;
  customers: number;
  runs: number;
  buildMs: number;
  firstSight: { ms: number; found: number };
  evaluate: Timing & { found: number };
  /** The reminder loop alone, same day (what `evaluate` spends outside holds and promises). */
  loopOnly: Timing;
  nextDay: Timing & { found: number };
  floor: Timing;
}

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
}

const TODAY = 20_200; // 2025-04-22, a fixed day so every run is the same

export function benchEvaluate(n: number, options: { runs?: number; seed?: number } = {}): EvalBenchResult {
  const runs = options.runs ?? 9;
  const rng = createRng(options.seed ?? 20_250_422);
  const customers = Math.max(1, Math.floor(n / 10));
  const today = fromDayNumber(TODAY);

  const started = performance.now();
  const table = new MirrorTable();
  const customerIds = Array.from({ length: customers }, () => rng.uuid());
  const promises: PaymentPromise[] = [];
  for (let i = 0; i < n; i++) {
    const id = rng.uuid();
    const dueDay = TODAY - rng.int(-60, 400);
    const customerId = customerIds[rng.int(0, customers - 1)]!;
    const openMinor = rng.int(100, 500_000);
    table.upsertInvoice(
      {
        id,
        customerId,
        number: `INV-${i}`,
        currency: 'GBP',
        issueDate: fromDayNumber(dueDay - 30),
        dueDate: fromDayNumber(dueDay),
        totalMinor: openMinor,
        openMinor,
        disputed: rng.chance(0.03),
      },
      { firstSeenDay: TODAY, highest: NO_STEP },
    );
    if (rng.chance(0.005)) {
      promises.push({
        id: rng.uuid(),
        customerId,
        invoiceId: id,
        invoiceIds: [id],
        promisedDate: fromDayNumber(TODAY + rng.int(0, 20)),
        amountMinor: null,
        note: '',
        recordedAt: '2025-04-01T09:00:00.000Z',
        openMinorAtPromise: openMinor,
        status: 'open',
        resolvedOn: null,
      });
    }
  }
  const overrides: CustomerOverride[] = [];
  for (const customerId of customerIds) {
    if (!rng.chance(0.01)) continue;
    const own = rng.chance(0.5);
    overrides.push({
      customerId,
      planOverride: own ? [{ offsetDays: 3 }, { offsetDays: 10 }, { offsetDays: 45 }] : null,
      pausedUntil: own ? null : fromDayNumber(TODAY + 10),
      stopped: false,
      updatedAt: '2025-04-01T09:00:00.000Z',
    });
  }
  const buildMs = performance.now() - started;

  const out = new RaiseBuffer();
  const inputs = (day: string) => ({ businessSteps: DEFAULT_PLAN.steps, overrides, promises, today: day });
  let holds = chaseHolds(table, inputs(today));

  // First sight: everything is new. Record what was found, as ChaseLedger.record does.
  const t0 = performance.now();
  const firstFound = evaluateReminders(table, holds, TODAY, out);
  const firstMs = performance.now() - t0;
  for (let k = 0; k < out.length; k++) {
    const slot = out.slot[k]!;
    if (out.offset[k]! > table.highest[slot]!) table.highest[slot] = out.offset[k]!;
  }

  const fullEvaluation = (day: number): number => {
    const iso = fromDayNumber(day);
    reviewPromises(promises, table, iso);
    holds = chaseHolds(table, inputs(iso), holds);
    return evaluateReminders(table, holds, day, out);
  };

  let sameDayFound = 0;
  let nextDayFound = 0;
  const evaluate = time(runs, () => (sameDayFound = fullEvaluation(TODAY)));
  const loopOnly = time(runs, () => evaluateReminders(table, holds, TODAY, out));
  const nextDay = time(runs, () => (nextDayFound = fullEvaluation(TODAY + 1)));

  const due = table.dueDay;
  const open = table.openMinor;
  const end = table.invoiceEnd;
  let overdue = 0;
  const floor = time(runs, () => {
    let count = 0;
    for (let i = 0; i < end; i++) if (open[i]! > 0 && TODAY - due[i]! > 0) count++;
    overdue = count;
  });
  if (overdue < 0) throw new Error('unreachable: keeps the floor loop from being optimised away');

  return {
    n,
    customers,
    runs,
    buildMs: round(buildMs),
    firstSight: { ms: round(firstMs), found: firstFound },
    evaluate: { ...evaluate, found: sameDayFound },
    loopOnly,
    nextDay: { ...nextDay, found: nextDayFound },
    floor,
  };
}

/** Median, min and max of `runs` timed calls, after one untimed warm-up call. */
function time(runs: number, run: () => void): Timing {
  run();
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { medianMs: round(ms[Math.floor(ms.length / 2)]!), minMs: round(ms[0]!), maxMs: round(ms[ms.length - 1]!) };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
