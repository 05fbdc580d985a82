import type { CreditNote, Invoice, InvoiceState, Payment, PaymentMethod } from '../invoice';
import type { Book, PayerProfile } from './book';
import type { Rng } from './random';

/** A customer's invoices: how many, how large, how (and whether) they get paid, and their numbers. */
export const PAYMENT_METHODS: readonly (readonly [PaymentMethod, number])[] = [
  ['bank_transfer', 50],
  ['card', 25],
  ['cash', 15],
  ['cheque', 5],
  ['other', 5],
];

/** Roughly geometric: many customers with one or two invoices, a few regulars with dozens. */
export function invoiceCount(rng: Rng, average: number): number {
  if (average <= 0) return 0;
  // floor(Exp(mean μ)) has mean 1/(e^(1/μ) − 1) ≈ μ − ½, so μ = average + ½.
  const n = Math.floor(-Math.log(1 - rng.next()) * (average + 0.5));
  return Math.min(n, Math.ceil(average * 12));
}

/** A total between 20 and 5,000 in major units, log-uniform (small jobs are common), often whole. */
function invoiceTotal(rng: Rng, scale: number): number {
  const major = Math.exp(Math.log(20) + rng.next() * (Math.log(5000) - Math.log(20)));
  const minor = Math.round(major * scale);
  return rng.chance(0.5) ? Math.max(scale, Math.round(minor / scale) * scale) : Math.max(1, minor);
}

/** 20–70% of a total, at least 1 and leaving at least 1. */
function partOf(rng: Rng, total: number): number {
  return Math.min(total - 1, Math.max(1, Math.round(total * (0.2 + 0.5 * rng.next()))));
}

type InvoiceOutcome = { invoice: Invoice; wasLate: boolean };

/** One invoice and what the customer did about it, cut off at today. */
export function makeInvoice(
  book: Book,
  customerId: string,
  profile: PayerProfile,
  termDays: number,
  usualMethod: PaymentMethod,
  issueDay: number,
): InvoiceOutcome {
  const { rng, todayDay } = book;
  const dueDay = issueDay + termDays;
  const total = invoiceTotal(rng, book.scale);

  let state: InvoiceState = 'issued';
  // [day, amount] payments planned; trimmed at today below.
  const plan: [number, number][] = [];
  let credit: [number, number] | null = null;
  let settles = true;

  if (issueDay > todayDay - 10 && rng.chance(0.15)) {
    state = 'draft';
    settles = false;
  } else if (profile === 'prompt') {
    const r = rng.next();
    if (r < 0.9) plan.push([issueDay + rng.int(0, termDays), total]);
    else if (r < 0.95) {
      // A deposit on the day, the rest by the due date.
      const deposit = partOf(rng, total);
      plan.push([issueDay, deposit], [issueDay + rng.int(1, termDays), total - deposit]);
    } else plan.push([dueDay + rng.int(1, 10), total]);
  } else if (profile === 'late') {
    const r = rng.next();
    if (r < 0.8) plan.push([dueDay + rng.int(3, 45), total]);
    else {
      const first = partOf(rng, total);
      plan.push([issueDay + rng.int(0, termDays + 20), first]);
      if (r < 0.92) plan.push([dueDay + rng.int(21, 75), total - first]);
      else settles = false;
    }
  } else {
    const r = rng.next();
    if (r < 0.3) plan.push([dueDay + rng.int(30, 120), total]);
    else if (r < 0.55) {
      plan.push([dueDay + rng.int(15, 60), partOf(rng, total)]);
      settles = false;
    } else if (r < 0.9) settles = false;
    else {
      // A dispute: some are settled with a credit note and payment of the rest, some drag on.
      const creditDay = dueDay + rng.int(5, 40);
      if (rng.chance(0.4) && creditDay <= todayDay) {
        const amount = Math.min(total - 1, Math.max(1, Math.round(total * (0.1 + 0.4 * rng.next()))));
        credit = [creditDay, amount];
        plan.push([creditDay + rng.int(0, 20), total - amount]);
      } else {
        state = 'disputed';
        settles = false;
      }
    }
  }
  if (!settles && state === 'issued' && dueDay < todayDay - 180 && rng.chance(0.4)) state = 'written_off';
  // Trades often take a deposit when the job is booked.
  const firstPlanned = plan[0];
  if (firstPlanned && firstPlanned[0] > issueDay && rng.chance(0.08)) {
    const deposit = Math.min(firstPlanned[1] - 1, partOf(rng, total));
    if (deposit > 0) {
      firstPlanned[1] -= deposit;
      plan.unshift([issueDay, deposit]);
    }
  }

  const createdAt = book.texts.instant(rng, issueDay);
  let updatedAt = createdAt;
  const payments: Payment[] = [];
  let lastPaymentDay = -Infinity;
  for (const [day, amount] of plan) {
    if (day > todayDay || amount <= 0) continue;
    const recordedAt = book.texts.instant(rng, Math.min(day + (rng.chance(0.2) ? 1 : 0), todayDay));
    payments.push({
      id: rng.uuid(),
      date: book.texts.date(day),
      amountMinor: amount,
      method: rng.chance(0.8) ? usualMethod : rng.weighted(PAYMENT_METHODS),
      recordedBy: book.out.members.length > 0 ? rng.pick(book.out.members).name : '',
      recordedAt,
    });
    lastPaymentDay = day;
    if (recordedAt > updatedAt) updatedAt = recordedAt;
  }
  const creditNotes: CreditNote[] = [];
  if (credit) {
    creditNotes.push({ id: rng.uuid(), date: book.texts.date(credit[0]), amountMinor: credit[1], reason: 'Agreed reduction after a complaint' });
    const at = book.texts.instant(rng, credit[0]);
    if (at > updatedAt) updatedAt = at;
  }
  const paidInFull = payments.length === plan.length && settles;
  const wasLate = state !== 'draft' && (paidInFull ? lastPaymentDay > dueDay : dueDay < todayDay);

  return {
    invoice: {
      id: rng.uuid(),
      number: '', // given in date order once the whole book exists
      customerId,
      issueDate: book.texts.date(issueDay),
      dueDate: book.texts.date(dueDay),
      currency: book.currency,
      totalMinor: total,
      state,
      payments,
      creditNotes,
      notes: rng.chance(0.1) ? `PO ${rng.digits(5)}` : '',
      createdAt,
      updatedAt,
    },
    wasLate,
  };
}

/**
 * Puts invoices in issue-date order and numbers them INV-<year>-<sequence of 5+ digits>, as
 * they would have been issued. A counting sort on the day numbers kept beside the invoices:
 * linear, stable (one day's invoices keep their order) and no string comparisons.
 */
export function numberInvoices(invoices: readonly Invoice[], issueDays: readonly number[], firstDay: number, lastDay: number): Invoice[] {
  const starts = new Array<number>(lastDay - firstDay + 1).fill(0);
  for (const day of issueDays) starts[day - firstDay] = (starts[day - firstDay] ?? 0) + 1;
  let offset = 0;
  for (let i = 0; i < starts.length; i++) {
    const count = starts[i] ?? 0;
    starts[i] = offset;
    offset += count;
  }
  const sorted = new Array<Invoice>(invoices.length);
  invoices.forEach((inv, k) => {
    const slot = (issueDays[k] ?? firstDay) - firstDay;
    const at = starts[slot] ?? 0;
    sorted[at] = inv;
    starts[slot] = at + 1;
  });
  let year = '';
  let seq = 0;
  for (const inv of sorted) {
    const y = inv.issueDate.slice(0, 4);
    if (y !== year) {
      year = y;
      seq = 0;
    }
    seq++;
    inv.number = `INV-${y}-${String(seq).padStart(5, '0')}`;
  }
  return sorted;
}
