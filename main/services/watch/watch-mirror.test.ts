import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cid, iid, mirrorCustomer, mirrorInvoice } from '@core/watch/test-rows';
import { FakeClock } from './test-clock';
import { delta, LONDON, sendSnapshot, startTestWatch, type TestWatch } from './test-watch';

/** The mirror protocol (snapshot chunks, deltas) and the alerts raised from mirror changes and events. */

let dir: string;
let clock: FakeClock;
let t: TestWatch;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rateback-watch-mirror-'));
  clock = new FakeClock('2025-01-15T09:00:00Z');
  t = await startTestWatch(dir, clock);
  t.watch.configure(LONDON);
});
afterEach(async () => {
  await t.watch.close();
  await rm(dir, { recursive: true, force: true });
});

const chunk = (generation: string, part: number, final: boolean, rows: { customers?: ReturnType<typeof mirrorCustomer>[]; invoices?: ReturnType<typeof mirrorInvoice>[] }) =>
  t.watch.mirrorReplace({ generation, part, final, customers: rows.customers ?? [], invoices: rows.invoices ?? [] });

describe('watch.mirror.replace', () => {
  it('takes a snapshot in chunks and, on the final one, drops what the snapshot did not have', () => {
    sendSnapshot(t.watch, [mirrorCustomer(1), mirrorCustomer(9)], [mirrorInvoice(1, 1), mirrorInvoice(9, 9)]);
    const g = randomUUID();
    expect(chunk(g, 0, false, { invoices: [mirrorInvoice(1, 1), mirrorInvoice(2, 2)] })).toMatchObject({ invoices: 3 });
    expect(chunk(g, 1, true, { customers: [mirrorCustomer(1), mirrorCustomer(2)] })).toEqual({ customers: 2, invoices: 2, dropped: { customers: 1, invoices: 1 } });
    expect(t.watch.mirrorDelta(delta({}))).toMatchObject({ customers: 2, invoices: 2 });
  });

  it('refuses a chunk out of order (CONFLICT), so a snapshot cut short never drops rows it did not send', () => {
    const g = randomUUID();
    chunk(g, 0, false, { invoices: [mirrorInvoice(1, 1)] });
    expect(() => chunk(g, 2, true, {})).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    // After a restart of the watch the generation is unknown: refused too.
    expect(() => chunk(randomUUID(), 1, true, {})).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(chunk(g, 1, true, { customers: [mirrorCustomer(1)] })).toMatchObject({ invoices: 1 });
  });

  it('keeps rows changed by deltas while a snapshot is being sent', () => {
    const g = randomUUID();
    chunk(g, 0, false, { customers: [mirrorCustomer(1)], invoices: [mirrorInvoice(1, 1)] });
    t.watch.mirrorDelta(delta({ invoices: [mirrorInvoice(2, 1)] })); // created meanwhile
    expect(chunk(g, 1, true, {})).toEqual({ customers: 1, invoices: 2, dropped: { customers: 0, invoices: 0 } });
  });

  it('lets two pages send snapshots at once without one dropping the other', () => {
    const a = randomUUID();
    const b = randomUUID();
    chunk(a, 0, false, { customers: [mirrorCustomer(1)] });
    chunk(b, 0, false, { customers: [mirrorCustomer(1)] });
    chunk(a, 1, false, { invoices: [mirrorInvoice(1, 1)] });
    chunk(b, 1, false, { invoices: [mirrorInvoice(1, 1)] });
    expect(chunk(a, 2, true, {})).toMatchObject({ customers: 1, invoices: 1 });
    expect(chunk(b, 2, true, {})).toMatchObject({ customers: 1, invoices: 1 });
  });
});

describe('blacklisted_owing', () => {
  const blacklisted = (setAt: string) => mirrorCustomer(1, { status: 'blacklisted', statusReason: 'Bounced cheques', statusSetBy: 'Sam', statusSetAt: setAt });

  it('alerts once when a customer who owes money is blacklisted, again only for a new status change', () => {
    sendSnapshot(t.watch, [mirrorCustomer(1)], [mirrorInvoice(1, 1, { openMinor: 12_345 }), mirrorInvoice(2, 1, { openMinor: 655 })]);
    t.watch.mirrorDelta(delta({ customers: [blacklisted('2025-01-15T09:00:00.000Z')] }));
    expect(t.notices).toEqual([
      { title: 'Customer 1 was blacklisted and owes £130.00', body: '2 open invoices. Reason: Bounced cheques. Set by Sam.', severity: 'critical' },
    ]);
    // The same status sent again (another delta, the next snapshot): nothing new.
    t.watch.mirrorDelta(delta({ customers: [blacklisted('2025-01-15T09:00:00.000Z')] }));
    sendSnapshot(t.watch, [blacklisted('2025-01-15T09:00:00.000Z')], [mirrorInvoice(1, 1), mirrorInvoice(2, 1)]);
    expect(t.notices).toHaveLength(1);
    // Cleared, then blacklisted again: a new status change, a new alert.
    t.watch.mirrorDelta(delta({ customers: [mirrorCustomer(1, { statusSetAt: '2025-01-16T09:00:00.000Z' })] }));
    t.watch.mirrorDelta(delta({ customers: [blacklisted('2025-01-17T09:00:00.000Z')] }));
    expect(t.notices).toHaveLength(2);
    expect(t.watch.alerts({ unacknowledgedOnly: true }).map((a) => a.kind)).toEqual(['blacklisted_owing', 'blacklisted_owing']);
  });

  it('does not alert for a blacklisted customer who owes nothing, nor for statuses already there at the first snapshot', () => {
    sendSnapshot(t.watch, [blacklisted('2024-06-01T00:00:00.000Z')], [mirrorInvoice(1, 1)]);
    t.watch.mirrorDelta(delta({ customers: [mirrorCustomer(2, { status: 'blacklisted', statusSetAt: '2025-01-15T09:00:00.000Z' })] }));
    expect(t.notices).toEqual([]);
  });

  it('counts the invoices of the same delta: blacklisted and invoiced at once', () => {
    sendSnapshot(t.watch, [mirrorCustomer(5)], []);
    t.watch.mirrorDelta(delta({ customers: [mirrorCustomer(1, { status: 'blacklisted', statusSetAt: '2025-01-15T09:00:00.000Z' })], invoices: [mirrorInvoice(1, 1)] }));
    expect(t.notices.map((n) => n.severity)).toEqual(['critical']);
  });
});

describe('events from the counter', () => {
  beforeEach(() => {
    sendSnapshot(
      t.watch,
      [mirrorCustomer(1, { status: 'watch', statusReason: 'Slow payer' }), mirrorCustomer(2, { status: 'blacklisted' }), mirrorCustomer(3)],
      [mirrorInvoice(3, 3)],
    );
  });

  it('counter_open: once per flagged customer per day', () => {
    const first = t.watch.event({ kind: 'customer_opened', customerId: cid(1) });
    expect(first.alert).toMatchObject({ kind: 'counter_open', severity: 'warning', customerId: cid(1), title: 'Customer 1 is on the watch list', body: 'Opened at the counter. Reason: Slow payer.' });
    expect(t.watch.event({ kind: 'customer_opened', customerId: cid(1) })).toEqual({ alert: null });
    expect(t.watch.event({ kind: 'customer_opened', customerId: cid(2) }).alert).toMatchObject({ severity: 'critical', title: 'Customer 2 is blacklisted' });
    expect(t.watch.event({ kind: 'customer_opened', customerId: cid(3) })).toEqual({ alert: null }); // ok
    expect(t.watch.event({ kind: 'customer_opened', customerId: cid(99) })).toEqual({ alert: null }); // unknown
    clock.advanceTo('2025-01-16T00:00:00Z'); // the next day in London
    expect(t.watch.event({ kind: 'customer_opened', customerId: cid(1) }).alert).not.toBeNull();
    expect(t.notices).toHaveLength(3);
  });

  it('new_invoice: once per invoice of a flagged customer', () => {
    t.watch.mirrorDelta(delta({ invoices: [mirrorInvoice(7, 2)] }));
    expect(t.watch.event({ kind: 'invoice_created', invoiceId: iid(7), customerId: cid(2) }).alert).toMatchObject({
      kind: 'new_invoice',
      invoiceId: iid(7),
      body: 'Invoice INV-7 was just created. No reason was given.',
    });
    expect(t.watch.event({ kind: 'invoice_created', invoiceId: iid(7), customerId: cid(2) })).toEqual({ alert: null });
    // Before the delta arrives the number is not known yet; the alert still fires.
    expect(t.watch.event({ kind: 'invoice_created', invoiceId: iid(8), customerId: cid(1) }).alert?.body).toMatch(/^An invoice was just created/);
    expect(t.watch.event({ kind: 'invoice_created', invoiceId: iid(9), customerId: cid(3) })).toEqual({ alert: null });
  });

  it('acknowledging records who and when, once', () => {
    const { alert } = t.watch.event({ kind: 'customer_opened', customerId: cid(1) });
    clock.advanceBy(5 * 60_000);
    const acked = t.watch.acknowledge({ alertId: alert!.id, by: 'Kim' });
    expect(acked).toMatchObject({ acknowledgedBy: 'Kim', acknowledgedAt: '2025-01-15T09:05:00.000Z' });
    clock.advanceBy(60_000);
    expect(t.watch.acknowledge({ alertId: alert!.id, by: 'Sam' })).toEqual(acked);
    expect(t.watch.counts().unacknowledgedAlerts).toBe(0);
    expect(t.watch.alerts({ unacknowledgedOnly: true })).toEqual([]);
    expect(() => t.watch.acknowledge({ alertId: randomUUID(), by: 'Kim' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('watch.changes', () => {
  it('yields each change of the counts with the alerts just raised, merging what the reader has not taken yet', async () => {
    sendSnapshot(t.watch, [mirrorCustomer(1, { status: 'blacklisted' })], [mirrorInvoice(1, 1)]);
    const abort = new AbortController();
    const stream = t.watch.changes(abort.signal)[Symbol.asyncIterator]();
    t.watch.event({ kind: 'customer_opened', customerId: cid(1) });
    const first = await stream.next();
    expect(first.value).toMatchObject({ counts: { dueReminders: 0, unacknowledgedAlerts: 1 }, newAlerts: [{ kind: 'counter_open' }] });

    clock.advanceTo('2025-01-28T00:00:00Z'); // −3 raised
    t.watch.event({ kind: 'invoice_created', invoiceId: iid(2), customerId: cid(1) });
    t.watch.event({ kind: 'invoice_created', invoiceId: iid(2), customerId: cid(1) }); // deduplicated: no change
    const second = await stream.next();
    expect(second.value).toMatchObject({ counts: { dueReminders: 1, unacknowledgedAlerts: 2 }, newAlerts: [{ kind: 'new_invoice' }] });

    abort.abort();
    await expect(stream.next()).resolves.toMatchObject({ done: true });
  });

  it('ends every stream when the watch closes', async () => {
    const stream = t.watch.changes()[Symbol.asyncIterator]();
    const next = stream.next();
    await t.watch.close();
    await expect(next).resolves.toMatchObject({ done: true });
    expect(() => t.watch.counts()).toThrow(expect.objectContaining({ code: 'PRECONDITION_FAILED' }));
  });
});
