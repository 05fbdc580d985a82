import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { dayNumber } from '../lateness/day-number';
import type { IsoDate } from '../primitives';
import type { CustomerOverride } from './customer-override';
import { evaluateReminders, RAISE, RaiseBuffer } from './evaluate';
import { chaseHolds } from './holds';
import { MirrorTable, NO_STEP } from './mirror-table';
import { DEFAULT_PLAN, type ReminderStep } from './plan';
import type { PaymentPromise } from './promises';
import { cid, iid, mirrorInvoice } from './test-rows';

const DUE: IsoDate = '2025-01-31';
const on = (days: number): IsoDate => addDays(DUE, days);

interface Spec {
  n?: number;
  customer?: number;
  /** Days from DUE to the day the watch first saw the invoice. */
  seen: number;
  highest?: number;
  disputed?: boolean;
}

function found(specs: Spec[], todayOffset: number, extra: { steps?: ReminderStep[]; overrides?: CustomerOverride[]; promises?: PaymentPromise[] } = {}): string[] {
  const table = new MirrorTable();
  specs.forEach((s, i) => {
    table.upsertInvoice(mirrorInvoice(s.n ?? i + 1, s.customer ?? 1, { dueDate: DUE, disputed: s.disputed ?? false }), {
      firstSeenDay: dayNumber(on(s.seen)),
      highest: s.highest ?? NO_STEP,
    });
  });
  const today = on(todayOffset);
  const holds = chaseHolds(table, { businessSteps: extra.steps ?? DEFAULT_PLAN.steps, overrides: extra.overrides ?? [], promises: extra.promises ?? [], today });
  const out = new RaiseBuffer(1);
  const count = evaluateReminders(table, holds, dayNumber(today), out);
  const result: string[] = [];
  for (let k = 0; k < count; k++) {
    const n = table.invoiceIdAt(out.slot[k]!) === iid(specs[0]?.n ?? 1) ? 'a' : 'b';
    result.push(`${n}${out.offset[k]! > 0 ? '+' : ''}${out.offset[k]} ${out.kind[k] === RAISE ? 'raise' : 'supersede'}`);
  }
  return result;
}

describe('evaluateReminders: the ladder −3, +1, +7, +14, +30', () => {
  it.each([
    // seen (days from due), highest raised, today (days from due), found
    ['seen a month before, nothing due yet', -30, undefined, -4, []],
    ['the −3 step on its day', -30, undefined, -3, ['a-3 raise']],
    ['−3 already raised, due day', -30, -3, 0, []],
    ['+1 the day after due', -30, -3, 1, ['a+1 raise']],
    ['PC off from −2 to +8: +1 and +7 each once', -30, -3, 8, ['a+1 raise', 'a+7 raise']],
    ['off for two months: every step once', -30, NO_STEP, 60, ['a-3 raise', 'a+1 raise', 'a+7 raise', 'a+14 raise', 'a+30 raise']],
    ['everything raised: nothing more, ever', -30, 30, 400, []],
    ['first seen 20 days late: only +14 raised, the rest superseded', 20, undefined, 20, ['a-3 supersede', 'a+1 supersede', 'a+7 supersede', 'a+14 raise']],
    ['first seen at +20, evaluated at +31: +14 as history, +30 as catch-up', 20, undefined, 31, ['a-3 supersede', 'a+1 supersede', 'a+7 supersede', 'a+14 raise', 'a+30 raise']],
    ['first seen exactly on the +7 day', 7, undefined, 7, ['a-3 supersede', 'a+1 supersede', 'a+7 raise']],
    ['first seen two years late', 730, undefined, 730, ['a-3 supersede', 'a+1 supersede', 'a+7 supersede', 'a+14 supersede', 'a+30 raise']],
  ] as const)('%s', (_label, seen, highest, today, expected) => {
    expect(found([{ seen, ...(highest === undefined ? {} : { highest }) }], today)).toEqual(expected);
  });

  it('does not chase a disputed invoice', () => {
    expect(found([{ seen: -30, disputed: true }], 10)).toEqual([]);
  });

  it('holds back a stopped customer, and a paused one up to and including the pause day', () => {
    const override = (patch: Partial<CustomerOverride>): CustomerOverride => ({
      customerId: cid(1),
      planOverride: null,
      pausedUntil: null,
      stopped: false,
      updatedAt: '2025-01-01T00:00:00.000Z',
      ...patch,
    });
    expect(found([{ seen: -30, highest: -3 }], 2, { overrides: [override({ stopped: true })] })).toEqual([]);
    expect(found([{ seen: -30, highest: -3 }], 5, { overrides: [override({ pausedUntil: on(5) })] })).toEqual([]);
    // Resumes the next day; what fell due during the pause comes out then, once each.
    expect(found([{ seen: -30, highest: -3 }], 8, { overrides: [override({ pausedUntil: on(7) })] })).toEqual(['a+1 raise', 'a+7 raise']);
    // Another customer's override changes nothing here.
    expect(found([{ seen: -30, highest: -3 }], 2, { overrides: [override({ customerId: cid(2), stopped: true })] })).toEqual(['a+1 raise']);
  });

  it("follows a customer's own ladder", () => {
    const own: CustomerOverride = { customerId: cid(1), planOverride: [{ offsetDays: 3 }, { offsetDays: 10 }], pausedUntil: null, stopped: false, updatedAt: '2025-01-01T00:00:00.000Z' };
    expect(found([{ seen: -30 }], 2, { overrides: [own] })).toEqual([]);
    expect(found([{ seen: -30 }], 10, { overrides: [own] })).toEqual(['a+3 raise', 'a+10 raise']);
    expect(found([{ seen: -30, customer: 2 }, { seen: -30, customer: 1, n: 2 }], 1, { overrides: [own] })).toEqual(['a-3 raise', 'a+1 raise']);
  });

  it('holds back invoices a live promise covers, and only those', () => {
    const promise: PaymentPromise = {
      id: '00000000-0000-4000-8000-00000000aaaa',
      customerId: cid(1),
      invoiceId: iid(1),
      invoiceIds: [iid(1)],
      promisedDate: on(10),
      amountMinor: null,
      note: '',
      recordedAt: '2025-02-01T10:00:00.000Z',
      openMinorAtPromise: 10_000,
      status: 'open',
      resolvedOn: null,
    };
    const specs: Spec[] = [{ n: 1, seen: -30, highest: -3 }, { n: 2, seen: -30, highest: -3 }];
    expect(found(specs, 8, { promises: [promise] })).toEqual(['b+1 raise', 'b+7 raise']);
    expect(found(specs, 10, { promises: [promise] })).toEqual(['b+1 raise', 'b+7 raise']);
    // The day after the promised day, the promise no longer holds (it is broken or kept).
    expect(found(specs, 11, { promises: [promise] })).toEqual(['a+1 raise', 'a+7 raise', 'b+1 raise', 'b+7 raise']);
    expect(found(specs, 8, { promises: [{ ...promise, status: 'broken' }] })).toEqual(['a+1 raise', 'a+7 raise', 'b+1 raise', 'b+7 raise']);
  });

  it('skips freed slots', () => {
    const table = new MirrorTable();
    table.upsertInvoice(mirrorInvoice(1, 1, { dueDate: DUE }), { firstSeenDay: dayNumber(on(-30)), highest: NO_STEP });
    table.removeInvoice(iid(1));
    const today = on(40);
    const holds = chaseHolds(table, { businessSteps: DEFAULT_PLAN.steps, overrides: [], promises: [], today });
    expect(evaluateReminders(table, holds, dayNumber(today), new RaiseBuffer())).toBe(0);
  });
});

describe('evaluateReminders: the catch-up rule, for any ladder and any evaluation days', () => {
  it('raises each step at most once: the latest already due at first sight, then every later one', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -60, max: 365 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: -100, max: 400 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 12 }),
        (offsets, seen, gaps) => {
          const steps = offsets.map((offsetDays) => ({ offsetDays }));
          const table = new MirrorTable();
          const dueDay = dayNumber(DUE);
          const { slot } = table.upsertInvoice(mirrorInvoice(1, 1, { dueDate: DUE }), { firstSeenDay: dueDay + seen, highest: NO_STEP });
          const holds = chaseHolds(table, { businessSteps: steps, overrides: [], promises: [], today: DUE });
          const out = new RaiseBuffer(1);
          const raised: number[] = [];
          const superseded: number[] = [];
          // Evaluations on increasing days from first sight on, recording back as the service does.
          let day = dueDay + seen;
          for (const gap of gaps) {
            day += gap;
            const n = evaluateReminders(table, holds, day, out);
            for (let k = 0; k < n; k++) {
              (out.kind[k] === RAISE ? raised : superseded).push(out.offset[k]!);
              table.highest[slot] = Math.max(table.highest[slot]!, out.offset[k]!);
            }
          }
          const late = day - dueDay;
          const sorted = [...offsets].sort((a, b) => a - b);
          const history = sorted.filter((s) => s <= seen && s <= late);
          const later = sorted.filter((s) => s > seen && s <= late);
          expect(raised).toEqual([...history.slice(-1), ...later]);
          expect(superseded).toEqual(history.slice(0, -1));
        },
      ),
    );
  });
});
