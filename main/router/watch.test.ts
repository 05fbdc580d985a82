import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterEach, describe, expect, it } from 'vitest';
import { cid, iid, mirrorCustomer, mirrorInvoice } from '@core/watch/test-rows';
import { LONDON } from '../services/watch/test-watch';
import { makeTestCaller } from './test-context';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setup(signal?: AbortSignal) {
  const t = await makeTestCaller({}, signal);
  cleanup = t.cleanup;
  return t;
}

/** A configured watch with one blacklisted and one ordinary customer, each owing one invoice due 31 Jan 2025. */
async function withBook(signal?: AbortSignal) {
  const t = await setup(signal);
  await t.caller.watch.configure(LONDON);
  await t.caller.watch.mirror.replace({
    generation: randomUUID(),
    part: 0,
    final: true,
    customers: [mirrorCustomer(1), mirrorCustomer(2, { status: 'blacklisted', statusReason: 'Fraud' })],
    invoices: [mirrorInvoice(1, 1), mirrorInvoice(2, 2, { openMinor: 40_000 })],
  });
  return t;
}

async function expectCode(attempt: Promise<unknown>, code: TRPCError['code']): Promise<void> {
  await expect(attempt).rejects.toBeInstanceOf(TRPCError);
  await expect(attempt).rejects.toMatchObject({ code });
}

describe('watch.configure and watch.today', () => {
  it('needs the time zone before it can say what is due today (PRECONDITION_FAILED)', async () => {
    const { caller } = await setup();
    await expectCode(caller.watch.today(), 'PRECONDITION_FAILED');
    await expect(caller.watch.configure(LONDON)).resolves.toEqual(LONDON);
    await expect(caller.watch.today()).resolves.toEqual({ today: '2025-01-15', dueReminders: [], brokenPromises: [], counts: { dueReminders: 0, unacknowledgedAlerts: 0 } });
  });

  it.each([
    ['an unknown time zone', { ...LONDON, timeZone: 'Mars/Olympus' }],
    ['a malformed currency', { ...LONDON, currency: 'pounds' }],
    ['an invalid locale', { ...LONDON, locale: 'en_GB!' }],
    ['an unknown key', { ...LONDON, country: 'GB' }],
  ])('refuses %s with BAD_REQUEST', async (_label, input) => {
    const { caller } = await setup();
    await expectCode(caller.watch.configure(input as never), 'BAD_REQUEST');
  });

  it('lists due reminders with drafts, and logs who sent them', async () => {
    const { caller, clock } = await withBook();
    clock.advanceTo('2025-02-01T10:00:00Z');
    const today = await caller.watch.today({ limit: 10 });
    expect(today.counts).toEqual({ dueReminders: 4, unacknowledgedAlerts: 0 });
    const top = today.dueReminders[0]!;
    expect(top).toMatchObject({ id: `${iid(2)}:-3`, customerId: cid(2), invoiceNumber: 'INV-2', step: { offsetDays: -3 }, dueOn: '2025-01-28', daysLate: 1, priority: 40_000 });
    expect(top.draft.to).toEqual(['c2@example.com']);

    await expect(caller.watch.reminders.markSent({ reminderId: top.id, channel: 'copy', by: 'Sam' })).resolves.toMatchObject({ status: 'sent' });
    await expect(caller.watch.reminders.log({ customerId: cid(2) })).resolves.toMatchObject([
      { offsetDays: 1, status: 'due', sent: [] },
      { offsetDays: -3, status: 'sent', sent: [{ channel: 'copy', by: 'Sam', at: '2025-02-01T10:00:00.000Z' }] },
    ]);
  });

  it.each([
    ['an unknown reminder', { reminderId: `${randomUUID()}:7`, channel: 'copy', by: 'Sam' }, 'NOT_FOUND'],
    ['a malformed reminder id', { reminderId: 'INV-1', channel: 'copy', by: 'Sam' }, 'BAD_REQUEST'],
    ['an unknown channel', { reminderId: `${randomUUID()}:7`, channel: 'fax', by: 'Sam' }, 'BAD_REQUEST'],
    ['nobody', { reminderId: `${randomUUID()}:7`, channel: 'copy', by: '  ' }, 'BAD_REQUEST'],
  ] as const)('watch.reminders.markSent refuses %s with %s', async (_label, input, code) => {
    const { caller } = await withBook();
    await expectCode(caller.watch.reminders.markSent(input as never), code);
  });
});

describe('watch.mirror', () => {
  it('refuses more than 2,000 rows or 250 customers in one call, and unknown keys, with BAD_REQUEST', async () => {
    const { caller } = await setup();
    const rows = Array.from({ length: 1_801 }, (_, i) => mirrorInvoice(i + 1, 1));
    const customers = Array.from({ length: 250 }, (_, i) => mirrorCustomer(i));
    await expectCode(caller.watch.mirror.replace({ generation: randomUUID(), part: 0, final: true, customers, invoices: rows }), 'BAD_REQUEST');
    await expectCode(caller.watch.mirror.replace({ generation: randomUUID(), part: 0, final: true, customers: [...customers, mirrorCustomer(999)], invoices: [] }), 'BAD_REQUEST');
    await expect(caller.watch.mirror.replace({ generation: randomUUID(), part: 0, final: true, customers, invoices: rows.slice(51) })).resolves.toMatchObject({ invoices: 1_750 });
    await expectCode(caller.watch.mirror.delta({ customers: [], invoices: [{ ...mirrorInvoice(1, 1), state: 'issued' } as never], removedCustomerIds: [], removedInvoiceIds: [] }), 'BAD_REQUEST');
    await expectCode(caller.watch.mirror.delta({ customers: [], invoices: [mirrorInvoice(1, 1, { openMinor: 0 })], removedCustomerIds: [], removedInvoiceIds: [] }), 'BAD_REQUEST');
  });

  it('refuses a snapshot chunk out of order with CONFLICT', async () => {
    const { caller } = await setup();
    await expectCode(caller.watch.mirror.replace({ generation: randomUUID(), part: 3, final: true, customers: [], invoices: [] }), 'CONFLICT');
  });

  it('answers with the mirror size', async () => {
    const { caller } = await withBook();
    await expect(caller.watch.mirror.delta({ customers: [], invoices: [], removedCustomerIds: [], removedInvoiceIds: [iid(1)] })).resolves.toEqual({
      customers: 2,
      invoices: 1,
      dropped: { customers: 0, invoices: 0 },
    });
  });
});

describe('watch.event and watch.alerts', () => {
  it('raises, lists and acknowledges alerts; NOT_FOUND for an unknown one', async () => {
    const { caller, notices } = await withBook();
    const { alert } = await caller.watch.event({ kind: 'customer_opened', customerId: cid(2) });
    expect(alert).toMatchObject({ kind: 'counter_open', severity: 'critical', acknowledgedAt: null });
    expect(notices).toEqual([{ title: 'Customer 2 is blacklisted', body: 'Opened at the counter. Reason: Fraud.', severity: 'critical' }]);
    await expect(caller.watch.alerts.list({ unacknowledgedOnly: true })).resolves.toHaveLength(1);
    await expect(caller.watch.alerts.acknowledge({ alertId: alert!.id, by: 'Kim' })).resolves.toMatchObject({ acknowledgedBy: 'Kim' });
    await expect(caller.watch.alerts.list({ unacknowledgedOnly: true })).resolves.toEqual([]);
    await expectCode(caller.watch.alerts.acknowledge({ alertId: randomUUID(), by: 'Kim' }), 'NOT_FOUND');
    await expectCode(caller.watch.event({ kind: 'customer_deleted', customerId: cid(1) } as never), 'BAD_REQUEST');
  });

  it('streams the counts, then each change with its new alerts', async () => {
    const abort = new AbortController();
    const { caller } = await withBook(abort.signal);
    const stream = (await caller.watch.changes())[Symbol.asyncIterator]();
    await expect(stream.next()).resolves.toEqual({ done: false, value: { counts: { dueReminders: 0, unacknowledgedAlerts: 0 }, newAlerts: [] } });
    await caller.watch.event({ kind: 'invoice_created', invoiceId: iid(5), customerId: cid(2) });
    await expect(stream.next()).resolves.toMatchObject({ value: { counts: { unacknowledgedAlerts: 1 }, newAlerts: [{ kind: 'new_invoice', invoiceId: iid(5) }] } });
    abort.abort();
    await expect(stream.next()).resolves.toMatchObject({ done: true });
  });
});

describe('watch.plan', () => {
  it('reads and changes the ladder, fee and templates; refuses an unknown merge field', async () => {
    const { caller } = await setup();
    const plan = await caller.watch.plan.get();
    expect(plan.steps.map((s) => s.offsetDays)).toEqual([-3, 1, 7, 14, 30]);
    expect(plan.mergeFields).toContain('statement');
    const updated = await caller.watch.plan.update({ steps: [{ offsetDays: 10 }, { offsetDays: 0 }], lateFee: { amount: { kind: 'percent', basisPoints: 200 }, everyDays: 30 } });
    expect(updated.steps).toEqual([{ offsetDays: 0 }, { offsetDays: 10 }]);
    expect(updated.lateFee).toEqual({ amount: { kind: 'percent', basisPoints: 200 }, everyDays: 30 });
    await expectCode(caller.watch.plan.update({ templates: { ...plan.templates, afterDue: { subject: 'Pay {{ammount}}', body: 'x' } } }), 'BAD_REQUEST');
    await expectCode(caller.watch.plan.update({ steps: [{ offsetDays: 7 }, { offsetDays: 7 }] }), 'BAD_REQUEST');
    await expect(caller.watch.plan.update({ lateFee: null })).resolves.toMatchObject({ lateFee: null, steps: [{ offsetDays: 0 }, { offsetDays: 10 }] });
  });

  it('shows the late fee in drafts', async () => {
    const { caller, clock } = await withBook();
    await caller.watch.plan.update({
      lateFee: { amount: { kind: 'fixed', amountMinor: 1_500, currency: 'GBP' }, everyDays: null },
      templates: { beforeDue: { subject: 's', body: 'b' }, afterDue: { subject: 'Late: {{invoice}}', body: 'Fee {{lateFee}}' } },
    });
    clock.advanceTo('2025-02-01T10:00:00Z');
    const { dueReminders } = await caller.watch.today();
    expect(dueReminders.find((r) => r.step.offsetDays === 1)).toMatchObject({ lateFeeMinor: 1_500, draft: { subject: 'Late: INV-2', body: 'Fee £15.00' } });
  });
});

describe('watch.customer and watch.promises', () => {
  it('keeps per-customer settings', async () => {
    const { caller } = await withBook();
    await expect(caller.watch.customer.get({ customerId: cid(1) })).resolves.toMatchObject({ planOverride: null, pausedUntil: null, stopped: false, heldToday: false });
    await expect(caller.watch.customer.update({ customerId: cid(1), planOverride: null, pausedUntil: '2025-02-01', stopped: false })).resolves.toMatchObject({
      pausedUntil: '2025-02-01',
      heldToday: true,
      updatedAt: '2025-01-15T09:00:00.000Z',
    });
    await expectCode(caller.watch.customer.update({ customerId: cid(1), planOverride: [], pausedUntil: null, stopped: false }), 'BAD_REQUEST');
    await expectCode(caller.watch.customer.get({ customerId: 'not-a-uuid' }), 'BAD_REQUEST');
  });

  it('records promises and refuses ones that cannot be kept track of', async () => {
    const { caller } = await withBook();
    const promise = await caller.watch.promises.add({ customerId: cid(1), invoiceId: null, promisedDate: '2025-02-10', amountMinor: null, note: 'Friday' });
    expect(promise).toMatchObject({ invoiceIds: [iid(1)], status: 'open' });
    expect(promise).not.toHaveProperty('openMinorAtPromise');
    await expect(caller.watch.promises.list({ customerId: cid(1) })).resolves.toEqual([promise]);
    await expect(caller.watch.promises.list()).resolves.toHaveLength(1);

    await expectCode(caller.watch.promises.add({ customerId: cid(1), invoiceId: randomUUID(), promisedDate: '2025-02-10', amountMinor: null, note: '' }), 'NOT_FOUND');
    await expectCode(caller.watch.promises.add({ customerId: cid(1), invoiceId: iid(2), promisedDate: '2025-02-10', amountMinor: null, note: '' }), 'BAD_REQUEST');
    await expectCode(caller.watch.promises.add({ customerId: randomUUID(), invoiceId: null, promisedDate: '2025-02-10', amountMinor: null, note: '' }), 'NOT_FOUND');
    await expectCode(caller.watch.promises.add({ customerId: cid(1), invoiceId: null, promisedDate: '2025-01-14', amountMinor: null, note: '' }), 'BAD_REQUEST');
    await expectCode(caller.watch.promises.add({ customerId: cid(1), invoiceId: null, promisedDate: '2025-02-10', amountMinor: -5, note: '' }), 'BAD_REQUEST');
  });
});
