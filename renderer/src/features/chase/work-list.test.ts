import { describe, expect, it } from 'vitest';
import { CUSTOMER_A, CUSTOMER_B, invoice } from '@core/lateness/test-invoices';
import type { BrokenPromiseView, DueReminderView } from '../../../../main/services/watch/watch-api';
import { buildWorkList, newlyOverdueInvoices, promisedInvoiceIds, remindedAfterDueIds, reasonText, reminderText, stepText, type NewlyOverdue } from './work-list';

const today = '2025-06-10';

function reminder(over: Partial<DueReminderView> & Pick<DueReminderView, 'invoiceId'>): DueReminderView {
  const offsetDays = over.step?.offsetDays ?? 7;
  return {
    id: `${over.invoiceId}:${offsetDays}`,
    customerId: CUSTOMER_A,
    customerName: 'Ada Fitzgerald',
    invoiceNumber: 'INV-1',
    step: { offsetDays },
    dueOn: '2025-06-10',
    openMinor: 10_000,
    currency: 'GBP',
    daysLate: 7,
    priority: 70_000,
    lateFeeMinor: null,
    raisedAt: '2025-06-10T06:00:00.000Z',
    draft: { subject: `Step ${offsetDays}`, body: 'Please pay', to: ['ada@example.com'], mailto: 'mailto:ada@example.com' },
    ...over,
  };
}

function broken(over: Partial<BrokenPromiseView> = {}): BrokenPromiseView {
  return {
    promiseId: 'p1',
    customerId: CUSTOMER_B,
    customerName: 'Brook Builders',
    invoiceId: null,
    invoiceNumber: null,
    promisedDate: '2025-06-05',
    amountMinor: null,
    openMinor: 50_000,
    currency: 'GBP',
    brokenOn: '2025-06-06',
    note: '',
    ...over,
  };
}

function overdue(over: Partial<NewlyOverdue> & Pick<NewlyOverdue, 'invoiceId'>): NewlyOverdue {
  return { customerId: CUSTOMER_A, customerName: 'Ada Fitzgerald', invoiceNumber: 'INV-9', dueDate: '2025-06-08', openMinor: 20_000, currency: 'GBP', ...over };
}

const none = { reminders: [], brokenPromises: [], newlyOverdue: [], dueDates: new Map<string, string>() };

describe('buildWorkList', () => {
  it('orders every source by amount × days late, highest first', () => {
    const list = buildWorkList({
      ...none,
      today,
      reminders: [reminder({ invoiceId: 'i1', priority: 70_000 })],
      // 50,000 × 5 days since the promised day = 250,000
      brokenPromises: [broken()],
      // 20,000 × 2 days = 40,000
      newlyOverdue: [overdue({ invoiceId: 'i2' })],
    });
    expect(list.map((i) => [i.key, i.priority, i.daysLate])).toEqual([
      ['promise:p1', 250_000, 5],
      ['invoice:i1', 70_000, 7],
      ['invoice:i2', 40_000, 2],
    ]);
  });

  it('lists an invoice once with every reason, sending its latest step', () => {
    const list = buildWorkList({
      ...none,
      today,
      reminders: [reminder({ invoiceId: 'i1', step: { offsetDays: 1 }, priority: 10 }), reminder({ invoiceId: 'i1', step: { offsetDays: 7 }, priority: 10 })],
      newlyOverdue: [overdue({ invoiceId: 'i1', dueDate: '2025-06-03' })],
    });
    expect(list).toHaveLength(1);
    const [item] = list;
    expect(item?.reasons.map((r) => r.kind)).toEqual(['reminder', 'reminder', 'newlyOverdue']);
    expect(item?.reminder?.id).toBe('i1:7');
    // The reminder's balance (10,000) is the watch's; 7 days late from the book.
    expect(item?.priority).toBe(70_000);
  });

  it('measures a broken promise on an invoice by how late the invoice is', () => {
    const list = buildWorkList({
      ...none,
      today,
      brokenPromises: [broken({ invoiceId: 'i3', invoiceNumber: 'INV-3', openMinor: 1_000 })],
      dueDates: new Map([['i3', '2025-05-11']]),
    });
    expect(list[0]).toMatchObject({ key: 'invoice:i3', daysLate: 30, priority: 30_000, reminder: null });
  });

  it('is empty when nothing is due', () => {
    expect(buildWorkList({ ...none, today })).toEqual([]);
  });
});

describe('newlyOverdueInvoices', () => {
  it('keeps issued, owed invoices due in the 7 days before today', () => {
    const keep = invoice({ customer: CUSTOMER_A, issue: '2025-05-01', due: '2025-06-03' }); // 7 days late
    const yesterday = invoice({ issue: '2025-05-01', due: '2025-06-09' });
    const tooOld = invoice({ issue: '2025-05-01', due: '2025-06-02' }); // 8 days late
    const dueToday = invoice({ issue: '2025-05-01', due: today });
    const disputed = invoice({ issue: '2025-05-01', due: '2025-06-05', state: 'disputed' });
    const paid = invoice({ issue: '2025-05-01', due: '2025-06-05', total: 500, paid: [['2025-06-01', 500]] });
    const found = newlyOverdueInvoices([keep, yesterday, tooOld, dueToday, disputed, paid], today);
    expect(found.map((i) => i.id)).toEqual([keep.id, yesterday.id]);
  });
});

describe('promisedInvoiceIds', () => {
  it('collects what live promises cover; broken or past ones do not hold', () => {
    const ids = promisedInvoiceIds(
      [
        { status: 'open', promisedDate: '2025-06-12', invoiceIds: ['a', 'b'] },
        { status: 'open', promisedDate: '2025-06-09', invoiceIds: ['c'] },
        { status: 'broken', promisedDate: '2025-06-20', invoiceIds: ['d'] },
        { status: 'open', promisedDate: today, invoiceIds: ['e'] },
      ],
      today,
    );
    expect([...ids].sort()).toEqual(['a', 'b', 'e']);
  });
});

describe('remindedAfterDueIds', () => {
  it('collects invoices with a reminder sent after the due date', () => {
    const ids = remindedAfterDueIds([
      { invoiceId: 'a', offsetDays: 1, status: 'sent' },
      { invoiceId: 'b', offsetDays: -3, status: 'sent' },
      { invoiceId: 'c', offsetDays: 7, status: 'due' },
      { invoiceId: 'd', offsetDays: 7, status: 'closed' },
    ]);
    expect([...ids]).toEqual(['a']);
  });
});

describe('texts', () => {
  it('puts the subject, a blank line and the body together for copying', () => {
    expect(reminderText({ subject: 'Overdue: INV-1', body: 'Hello,\nplease pay.' })).toBe('Overdue: INV-1\n\nHello,\nplease pay.');
  });

  it('says each step in words', () => {
    expect(stepText(-3)).toBe('3 days before the due date');
    expect(stepText(0)).toBe('on the due date');
    expect(stepText(1)).toBe('1 day after the due date');
  });

  it('explains why an item is listed', () => {
    const d = (iso: string) => `[${iso}]`;
    const m = (minor: number) => `£${minor / 100}`;
    expect(reasonText({ kind: 'reminder', offsetDays: 7, dueOn: today }, d, m)).toBe('Reminder due: 7 days after the due date');
    expect(reasonText({ kind: 'brokenPromise', promisedDate: '2025-06-05', amountMinor: 2500, note: 'Friday' }, d, m)).toBe(
      'Broken promise: said they would pay £25 by [2025-06-05] (“Friday”)',
    );
    expect(reasonText({ kind: 'newlyOverdue', dueDate: '2025-06-08' }, d, m)).toBe('Newly overdue: was due [2025-06-08]');
  });
});
