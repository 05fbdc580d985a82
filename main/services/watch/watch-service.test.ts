import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cid, iid, mirrorCustomer, mirrorInvoice } from '@core/watch/test-rows';
import { FakeClock } from './test-clock';
import { delta, LONDON, sendSnapshot, startTestWatch, steps, type TestWatch } from './test-watch';

/**
 * The watch over days, restarts and a PC switched off, on a fake clock and a real store in a
 * temp dir. Times are UTC; in January London is on GMT, so local midnight is 00:00Z.
 */

let dir: string;
let clock: FakeClock;
let running: TestWatch[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rateback-watch-'));
  clock = new FakeClock('2025-01-15T09:00:00Z');
  running = [];
});
afterEach(async () => {
  for (const t of running) await t.watch.close();
  await rm(dir, { recursive: true, force: true });
});

async function start(): Promise<TestWatch> {
  const t = await startTestWatch(dir, clock);
  running.push(t);
  return t;
}

/** Stops a watch as quitting the app does (pending writes flushed). */
async function stop(t: TestWatch): Promise<void> {
  await t.watch.close();
  running = running.filter((r) => r !== t);
}

/** One customer with one invoice due 31 Jan 2025, the watch configured for London. */
async function startWithOneInvoice(patch: Parameters<typeof mirrorInvoice>[2] = {}): Promise<TestWatch> {
  const t = await start();
  t.watch.configure(LONDON);
  sendSnapshot(t.watch, [mirrorCustomer(1)], [mirrorInvoice(1, 1, patch)]);
  return t;
}

/** Every reminder raised so far: "INV-1 +7 @ 2025-02-07T00:00:00.000Z". */
function raised(t: TestWatch): string[] {
  return t.watch
    .reminderLog(undefined, 1_000)
    .map((r) => `${r.invoiceNumber} ${r.offsetDays > 0 ? '+' : ''}${r.offsetDays} @ ${r.raisedAt}`)
    .sort();
}

describe('days pass with the watch running', () => {
  it('raises each step at local midnight of the day it falls due, once', async () => {
    const t = await startWithOneInvoice();
    clock.advanceTo('2025-03-10T12:00:00Z');
    expect(raised(t)).toEqual([
      'INV-1 +1 @ 2025-02-01T00:00:00.000Z',
      'INV-1 +14 @ 2025-02-14T00:00:00.000Z',
      'INV-1 +30 @ 2025-03-02T00:00:00.000Z',
      'INV-1 +7 @ 2025-02-07T00:00:00.000Z',
      'INV-1 -3 @ 2025-01-28T00:00:00.000Z',
    ]);
  });

  it('lists what is due today, most pressing first, with a draft', async () => {
    const t = await start();
    t.watch.configure(LONDON);
    sendSnapshot(
      t.watch,
      [mirrorCustomer(1), mirrorCustomer(2, { name: 'Bea', emails: ['bea@example.com'] })],
      [mirrorInvoice(1, 1, { openMinor: 1_000 }), mirrorInvoice(2, 2, { openMinor: 50_000 }), mirrorInvoice(3, 2, { openMinor: 20_000, dueDate: '2025-02-28' })],
    );
    clock.advanceTo('2025-02-03T10:00:00Z');
    const today = t.watch.today();
    expect(today.today).toBe('2025-02-03');
    expect(today.counts).toEqual({ dueReminders: 4, unacknowledgedAlerts: 0 });
    expect(today.dueReminders.map((r) => [r.invoiceNumber, r.step.offsetDays, r.daysLate, r.priority])).toEqual([
      // Same invoice, same priority: the step that fell due first comes first.
      ['INV-2', -3, 3, 150_000],
      ['INV-2', 1, 3, 150_000],
      ['INV-1', -3, 3, 3_000],
      ['INV-1', 1, 3, 3_000],
    ]);
    const top = today.dueReminders[1]!;
    expect(top).toMatchObject({ customerName: 'Bea', dueOn: '2025-02-01', openMinor: 50_000, currency: 'GBP', lateFeeMinor: null });
    expect(top.draft.to).toEqual(['bea@example.com']);
    expect(top.draft.subject).toBe('Overdue: invoice INV-2, due 31 Jan 2025');
    expect(top.draft.body).toContain('Invoice INV-2 for £500.00 was due on 31 Jan 2025');
    expect(top.draft.body).toContain('- INV-3, due 28 Feb 2025, £200.00, not yet late\nTotal: £700.00');
    expect(top.draft.mailto).toMatch(/^mailto:bea@example\.com\?subject=Overdue%3A%20invoice%20INV-2/);
    expect(t.watch.today(1).dueReminders).toHaveLength(1);
  });

  it('marks a reminder sent once (idempotent), and the earlier step it overtakes drops from the list', async () => {
    const t = await startWithOneInvoice();
    clock.advanceTo('2025-02-08T09:00:00Z'); // −3, +1, +7 due
    expect(t.watch.counts().dueReminders).toBe(3);
    const sent = t.watch.markSent({ reminderId: `${iid(1)}:1`, channel: 'mailto', by: 'Sam' });
    expect(sent).toMatchObject({ status: 'sent', sent: [{ channel: 'mailto', by: 'Sam', at: '2025-02-08T09:00:00.000Z' }] });
    clock.advanceBy(60_000);
    expect(t.watch.markSent({ reminderId: `${iid(1)}:1`, channel: 'copy', by: 'Kim' }).sent).toEqual(sent.sent);
    expect(steps(t.watch.today().dueReminders)).toEqual(['INV-1 +7']);
    expect(Object.fromEntries(t.watch.reminderLog(cid(1)).map((r) => [r.offsetDays, r.status]))).toEqual({ '-3': 'superseded', 1: 'sent', 7: 'due' });
  });

  it('closes what is due for an invoice paid off, and never re-raises it if it comes back', async () => {
    const t = await startWithOneInvoice();
    clock.advanceTo('2025-02-02T09:00:00Z');
    t.watch.mirrorDelta(delta({ removedInvoiceIds: [iid(1)] }));
    expect(t.watch.counts().dueReminders).toBe(0);
    expect(t.watch.reminderLog().map((r) => r.status)).toEqual(['closed', 'closed']);
    // A payment undone: the invoice is open again; the steps it had are not raised again.
    t.watch.mirrorDelta(delta({ invoices: [mirrorInvoice(1, 1)] }));
    expect(t.watch.reminderLog()).toHaveLength(2);
    clock.advanceTo('2025-02-07T09:00:00Z');
    expect(steps(t.watch.today().dueReminders)).toEqual(['INV-1 +7']);
  });
});

describe('restarts', () => {
  it('picks up where it was, from its own store, without the renderer', async () => {
    const first = await startWithOneInvoice();
    clock.advanceTo('2025-01-29T09:00:00Z');
    expect(raised(first)).toEqual(['INV-1 -3 @ 2025-01-28T00:00:00.000Z']);
    await stop(first);

    clock.advanceTo('2025-01-29T09:05:00Z');
    const second = await start();
    // No configure, no snapshot: the store has the time zone, the mirror and the ledger.
    expect(raised(second)).toEqual(['INV-1 -3 @ 2025-01-28T00:00:00.000Z']);
    expect(second.watch.today().counts.dueReminders).toBe(1);
    clock.advanceTo('2025-02-02T09:00:00Z');
    expect(raised(second)).toEqual(['INV-1 +1 @ 2025-02-01T00:00:00.000Z', 'INV-1 -3 @ 2025-01-28T00:00:00.000Z']);
    expect(second.notices).toEqual([]);
    expect(second.problems).toEqual([]);
  });

  it('after a week switched off, raises every step that fell due that week exactly once, and a broken promise once', async () => {
    const first = await start();
    first.watch.configure(LONDON);
    sendSnapshot(
      first.watch,
      [mirrorCustomer(1), mirrorCustomer(2)],
      [mirrorInvoice(1, 1), mirrorInvoice(2, 2, { dueDate: '2025-02-03' })],
    );
    clock.advanceTo('2025-01-30T17:00:00Z'); // INV-1 −3 raised on the 28th
    first.watch.addPromise({ customerId: cid(2), invoiceId: iid(2), promisedDate: '2025-02-03', amountMinor: null, note: 'Pays on the 3rd' });
    await stop(first);

    // Off from the evening of 30 January to the morning of 8 February.
    clock.jumpTo('2025-02-08T08:30:00Z');
    const second = await start();
    expect(raised(second)).toEqual([
      'INV-1 +1 @ 2025-02-08T08:30:00.000Z',
      'INV-1 +7 @ 2025-02-08T08:30:00.000Z',
      'INV-1 -3 @ 2025-01-28T00:00:00.000Z',
      // INV-2's −3 (31 Jan) was held by the promise; the promise broke on the 4th, so both steps come out.
      'INV-2 +1 @ 2025-02-08T08:30:00.000Z',
      'INV-2 -3 @ 2025-02-08T08:30:00.000Z',
    ]);
    expect(second.notices).toEqual([{ title: 'Customer 2 did not keep a promise to pay', body: 'Promised payment by 3 Feb 2025. £100.00 is still owed. Note: Pays on the 3rd', severity: 'warning' }]);
    expect(second.watch.alerts({ unacknowledgedOnly: true }).map((a) => a.kind)).toEqual(['broken_promise']);
    expect(second.watch.today().brokenPromises).toMatchObject([{ customerId: cid(2), invoiceId: iid(2), invoiceNumber: 'INV-2', openMinor: 10_000, brokenOn: '2025-02-08' }]);
    await stop(second);

    // Another restart the same day: nothing new, nothing twice.
    const third = await start();
    expect(raised(third)).toHaveLength(5);
    expect(third.notices).toEqual([]);
    clock.advanceTo('2025-02-15T09:00:00Z');
    expect(steps(third.watch.reminderLog(cid(1)))).toEqual(['INV-1 +1', 'INV-1 +14', 'INV-1 +7', 'INV-1 -3']);
    expect(third.watch.alerts({ unacknowledgedOnly: false })).toHaveLength(1);
  });
});

describe('first sight', () => {
  it('raises only the latest step of an old overdue invoice, and supersedes the rest', async () => {
    const t = await start();
    t.watch.configure(LONDON);
    const history = Array.from({ length: 300 }, (_, i) => mirrorInvoice(i + 1, 1, { issueDate: '2023-01-01', dueDate: '2023-06-30' }));
    sendSnapshot(t.watch, [mirrorCustomer(1)], [...history, mirrorInvoice(301, 1, { dueDate: '2025-01-10' })]);
    const log = t.watch.reminderLog(undefined, 1_000);
    expect(log).toHaveLength(301);
    expect(new Set(log.filter((r) => r.invoiceNumber !== 'INV-301').map((r) => r.offsetDays))).toEqual(new Set([30]));
    expect(steps(log.filter((r) => r.invoiceNumber === 'INV-301'))).toEqual(['INV-301 +1']);
    // And the snapshot again (the next app start) changes nothing.
    sendSnapshot(t.watch, [mirrorCustomer(1)], [...history, mirrorInvoice(301, 1, { dueDate: '2025-01-10' })]);
    expect(t.watch.reminderLog(undefined, 1_000)).toHaveLength(301);
  });

  it('treats invoices mirrored before the time zone was known as first seen on the day it is', async () => {
    const t = await start();
    sendSnapshot(t.watch, [mirrorCustomer(1)], [mirrorInvoice(1, 1, { dueDate: '2024-12-01' })]);
    expect(t.watch.reminderLog()).toEqual([]);
    expect(() => t.watch.today()).toThrow(/configure/);
    t.watch.configure(LONDON);
    expect(steps(t.watch.reminderLog())).toEqual(['INV-1 +30']);
  });
});

describe('what is not chased', () => {
  it('a live promise holds chasing; a broken one alerts once and chasing resumes', async () => {
    const t = await startWithOneInvoice();
    clock.advanceTo('2025-02-01T09:00:00Z');
    t.watch.addPromise({ customerId: cid(1), invoiceId: null, promisedDate: '2025-02-10', amountMinor: 5_000, note: '' });
    expect(t.watch.counts().dueReminders).toBe(0);
    clock.advanceTo('2025-02-10T23:00:00Z');
    expect(steps(t.watch.reminderLog())).toEqual(['INV-1 +1', 'INV-1 -3']); // +7 held
    expect(t.notices).toEqual([]);
    clock.advanceTo('2025-02-11T00:00:00Z');
    expect(t.notices.map((n) => n.title)).toEqual(['Customer 1 did not keep a promise to pay']);
    expect(steps(t.watch.today().dueReminders)).toEqual(['INV-1 +1', 'INV-1 +7', 'INV-1 -3']);
    clock.advanceTo('2025-02-20T00:00:00Z');
    expect(t.notices).toHaveLength(1);
    expect(t.watch.promises(cid(1))).toMatchObject([{ status: 'broken', resolvedOn: '2025-02-11', invoiceIds: [iid(1)] }]);
  });

  it('a promise kept (the promised amount paid) resolves quietly', async () => {
    const t = await startWithOneInvoice();
    clock.advanceTo('2025-02-01T09:00:00Z');
    t.watch.addPromise({ customerId: cid(1), invoiceId: iid(1), promisedDate: '2025-02-10', amountMinor: 4_000, note: '' });
    t.watch.mirrorDelta(delta({ invoices: [mirrorInvoice(1, 1, { openMinor: 6_000 })] }));
    expect(t.watch.promises()).toMatchObject([{ status: 'kept', resolvedOn: '2025-02-01' }]);
    clock.advanceTo('2025-02-20T00:00:00Z');
    expect(t.notices).toEqual([]);
  });

  it('a new promise replaces the open one: asking for another week is not a broken promise', async () => {
    const t = await startWithOneInvoice();
    clock.advanceTo('2025-02-01T09:00:00Z');
    t.watch.addPromise({ customerId: cid(1), invoiceId: iid(1), promisedDate: '2025-02-05', amountMinor: null, note: '' });
    clock.advanceTo('2025-02-05T09:00:00Z');
    t.watch.addPromise({ customerId: cid(1), invoiceId: null, promisedDate: '2025-02-12', amountMinor: null, note: 'another week' });
    clock.advanceTo('2025-02-12T09:00:00Z');
    expect(t.watch.promises().map((p) => p.status)).toEqual(['open', 'replaced']);
    expect(t.notices).toEqual([]);
  });

  it('a disputed invoice is not chased until the dispute ends', async () => {
    const t = await startWithOneInvoice({ disputed: true });
    clock.advanceTo('2025-02-09T09:00:00Z');
    expect(t.watch.reminderLog()).toEqual([]);
    t.watch.mirrorDelta(delta({ invoices: [mirrorInvoice(1, 1, { disputed: false })] }));
    expect(steps(t.watch.today().dueReminders)).toEqual(['INV-1 +1', 'INV-1 +7', 'INV-1 -3']);
    // Disputed again: what was raised stays in the log but leaves today's list.
    t.watch.mirrorDelta(delta({ invoices: [mirrorInvoice(1, 1, { disputed: true })] }));
    expect(t.watch.today().dueReminders).toEqual([]);
  });

  it('a paused customer is chased again the day after the pause; a stopped one never', async () => {
    const t = await start();
    t.watch.configure(LONDON);
    sendSnapshot(t.watch, [mirrorCustomer(1), mirrorCustomer(2)], [mirrorInvoice(1, 1), mirrorInvoice(2, 2)]);
    t.watch.updateCustomer({ customerId: cid(1), planOverride: null, pausedUntil: '2025-02-03', stopped: false });
    expect(t.watch.updateCustomer({ customerId: cid(2), planOverride: null, pausedUntil: null, stopped: true })).toMatchObject({ stopped: true, heldToday: true });
    clock.advanceTo('2025-02-03T23:59:00Z');
    expect(t.watch.reminderLog()).toEqual([]);
    clock.advanceTo('2025-02-04T00:00:00Z');
    expect(raised(t)).toEqual(['INV-1 +1 @ 2025-02-04T00:00:00.000Z', 'INV-1 -3 @ 2025-02-04T00:00:00.000Z']);
    clock.advanceTo('2025-03-31T00:00:00Z');
    expect(t.watch.reminderLog(cid(2))).toEqual([]);
    // Un-stopping forgets the override and chases from the next evaluation.
    expect(t.watch.updateCustomer({ customerId: cid(2), planOverride: null, pausedUntil: null, stopped: false })).toMatchObject({ updatedAt: null, heldToday: false });
    expect(steps(t.watch.reminderLog(cid(2)))).toEqual(['INV-2 -3', 'INV-2 +1', 'INV-2 +7', 'INV-2 +14', 'INV-2 +30'].sort());
  });

  it("a customer with their own ladder follows it instead of the business's", async () => {
    const t = await startWithOneInvoice();
    expect(t.watch.updateCustomer({ customerId: cid(1), planOverride: [{ offsetDays: 10 }, { offsetDays: 2 }], pausedUntil: null, stopped: false })).toMatchObject({
      planOverride: [{ offsetDays: 2 }, { offsetDays: 10 }],
      effectiveSteps: [{ offsetDays: 2 }, { offsetDays: 10 }],
    });
    clock.advanceTo('2025-02-20T09:00:00Z');
    expect(raised(t)).toEqual(['INV-1 +10 @ 2025-02-10T00:00:00.000Z', 'INV-1 +2 @ 2025-02-02T00:00:00.000Z']);
  });
});

describe('the day changes at local midnight in the business time zone', () => {
  it.each([
    // Start; the first local midnight, in UTC; a step falling due the day after the clock
    // change; London's midnight that night, in UTC.
    ['spring forward (30 Mar 2025, 23-hour day)', '2025-03-29T12:00:00Z', '2025-03-30T00:00:00.000Z', '2025-03-31', '2025-03-30T23:00:00.000Z'],
    ['fall back (26 Oct 2025, 25-hour day)', '2025-10-25T12:00:00Z', '2025-10-25T23:00:00.000Z', '2025-10-27', '2025-10-27T00:00:00.000Z'],
  ])('%s', async (_label, startAt, firstMidnight, stepDay, midnight) => {
    clock = new FakeClock(startAt);
    const t = await start();
    t.watch.configure(LONDON);
    t.watch.updatePlan({ steps: [{ offsetDays: 1 }] });
    // Due the day before stepDay, so the +1 step falls due on stepDay.
    const due = new Date(Date.parse(`${stepDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    sendSnapshot(t.watch, [mirrorCustomer(1)], [mirrorInvoice(1, 1, { issueDate: '2025-01-01', dueDate: due })]);
    expect(clock.pendingAt().map((d) => d.toISOString())).toContain(firstMidnight);
    clock.advanceTo(firstMidnight);
    expect(clock.pendingAt().map((d) => d.toISOString())).toContain(midnight);

    clock.advanceTo(new Date(Date.parse(midnight) - 1));
    expect(t.watch.reminderLog()).toEqual([]);
    clock.advanceTo(midnight);
    expect(raised(t)).toEqual([`INV-1 +1 @ ${midnight}`]);
    expect(t.watch.today().today).toBe(stepDay);
  });

  it('catches up on the first timer after a machine slept through midnight', async () => {
    const t = await startWithOneInvoice();
    clock.advanceTo('2025-01-27T23:00:00Z');
    // Asleep over midnight: no timer fired; on waking the overdue ones fire at once.
    clock.jumpTo('2025-01-28T06:00:00Z');
    clock.advanceBy(1);
    expect(raised(t)).toEqual(['INV-1 -3 @ 2025-01-28T06:00:00.000Z']);
  });

  it('catches up on the first call of a new day, before any timer', async () => {
    const t = await startWithOneInvoice();
    clock.jumpTo('2025-01-28T06:00:00Z');
    expect(t.watch.counts()).toEqual({ dueReminders: 1, unacknowledgedAlerts: 0 });
  });

  it('re-checks the calendar every ten minutes besides the midnight timer', async () => {
    await startWithOneInvoice();
    // (Besides the store's pending write.)
    expect(clock.pendingAt().map((d) => d.toISOString())).toEqual(expect.arrayContaining(['2025-01-15T09:10:00.000Z', '2025-01-16T00:00:00.000Z']));
  });
});
