import type { ChaseHolds } from './holds';
import { NOT_STAMPED, type MirrorTable } from './mirror-table';

/**
 * Which reminder steps fall due, for every open invoice, on one day. This is the loop the
 * watch runs after every change and at every midnight, over the whole mirror, so it reads only
 * typed arrays and writes only into a reusable buffer: no Date, no string, no object per
 * invoice (one million invoices in a few milliseconds; see bench-evaluate.ts in main).
 *
 * A step with offset `s` (days relative to the due date) is due on `dueDate + s`. On `today`
 * an invoice is chased when it is open (open balance > 0), not disputed, its customer is not
 * held (stopped, or paused up to today) and no live promise covers it.
 *
 * The catch-up rule. Per invoice the ledger keeps `highest`, the offset of the highest step
 * already raised (or superseded); only steps above it can come out, so nothing is raised twice,
 * whatever the order of evaluations. Of the steps in (highest, today − dueDate]:
 * - those that fell due after the day the watch first saw the invoice are each raised: a PC
 *   that was off for a week raises every step that fell due that week, once;
 * - those that were already due on that first day are history: only the latest of them is
 *   raised and the older ones are superseded (recorded, never shown), so importing two years
 *   of old invoices gives one reminder each, not five.
 * A step held back (paused customer, live promise) is not lost: it comes out the first day the
 * hold is lifted, by the same rule.
 */

/** The step is to be chased: it becomes a reminder. */
export const RAISE = 1;
/** The step was overtaken by a later one before the watch saw the invoice: recorded only. */
export const SUPERSEDE = 2;

/** Steps found by one evaluation, as three parallel columns; reused between evaluations. */
export class RaiseBuffer {
  slot: Int32Array;
  offset: Int32Array;
  kind: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.slot = new Int32Array(capacity);
    this.offset = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
  }

  push(slot: number, offset: number, kind: number): void {
    if (this.length === this.slot.length) this.grow();
    this.slot[this.length] = slot;
    this.offset[this.length] = offset;
    this.kind[this.length] = kind;
    this.length++;
  }

  private grow(): void {
    const capacity = this.slot.length * 2;
    const slot = new Int32Array(capacity);
    const offset = new Int32Array(capacity);
    const kind = new Uint8Array(capacity);
    slot.set(this.slot);
    offset.set(this.offset);
    kind.set(this.kind);
    this.slot = slot;
    this.offset = offset;
    this.kind = kind;
  }
}

/**
 * Fills `out` with the steps to raise or supersede on `todayDay` (a day number in the
 * business's time zone) and returns how many. Reads the table and holds; writes only `out`:
 * the caller records what it raised (the table's `highest`, the ledger) afterwards.
 */
export function evaluateReminders(table: MirrorTable, holds: ChaseHolds, todayDay: number, out: RaiseBuffer): number {
  out.length = 0;
  const end = table.invoiceEnd;
  const open = table.openMinor;
  const due = table.dueDay;
  const disputed = table.disputed;
  const customerOf = table.customerOf;
  const highest = table.highest;
  const firstSeen = table.firstSeenDay;
  const { ladders, customerLadder, customerHeld, invoiceHeld } = holds;

  for (let i = 0; i < end; i++) {
    if (!(open[i]! > 0) || disputed[i] === 1 || invoiceHeld[i] === 1) continue;
    const customer = customerOf[i]!;
    if (customerHeld[customer] === 1) continue;
    const ladder = ladders[customerLadder[customer]!]!;
    const dueDay = due[i]!;
    const late = todayDay - dueDay;
    // Ladders are short (≤ 12) and most open invoices are past the top step, so scanning down
    // from the top usually stops at once.
    let top = ladder.length - 1;
    while (top >= 0 && ladder[top]! > late) top--;
    if (top < 0) continue;
    const raised = highest[i]!;
    if (ladder[top]! <= raised) continue;
    const seen = firstSeen[i]!;
    emitSteps(out, i, ladder, top, raised, (seen === NOT_STAMPED ? todayDay : seen) - dueDay);
  }
  return out.length;
}

/** The rare path: an invoice with something new. `historyCut` = first-seen day − due day. */
function emitSteps(out: RaiseBuffer, slot: number, ladder: Int32Array, top: number, raised: number, historyCut: number): void {
  let j = 0;
  while (ladder[j]! <= raised) j++;
  for (; j <= top; j++) {
    const offset = ladder[j]!;
    const overtaken = offset <= historyCut && j < top && ladder[j + 1]! <= historyCut;
    out.push(slot, offset, overtaken ? SUPERSEDE : RAISE);
  }
}
