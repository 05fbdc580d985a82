import type { Address, Customer, CustomerStatus, CustomerStatusValue, StatusChange } from '../customer';
import { epochDay, fromEpochDay, isValidIsoDate } from '../dates';
import { foldText } from '../identifiers';
import type { CreditNote, Invoice, InvoiceState, Payment, PaymentMethod } from '../invoice';
import type { Member } from '../member';
import { minorDigits } from '../money';
import type { IsoDate, IsoInstant } from '../primitives';
import type { IncidentTag, PositiveTag, Rating, Scores } from '../rating';
import { COUNTRY_PROFILES, countryProfile } from './countries';
import type { CountryProfile } from './countries';
import { COMPANY_WORDS, DEFAULT_TEAM, NOTES, STREETS, TOWNS, TRADES } from './names';
import { createRng } from './random';
import type { Rng } from './random';

/**
 * A sample business's book, made up but believable: the app's "load sample business" (a few
 * hundred customers) and the benchmarks (100,000 customers, 300,000 invoices) both use it.
 *
 * Everything comes from one seeded generator, ids included, so a seed always gives the same
 * book. Customers are made one at a time with their invoices, ratings and status history, and
 * nothing is kept beyond the output arrays; the only whole-book pass is the final sort that
 * numbers invoices in date order, as a real invoice run would.
 *
 * Each customer gets a payer profile (prompt, usually late, bad) that drives how their invoices
 * get paid, how the team scores them and whether they end up on watch or blacklisted, so the
 * lists, aging and workshop screens all have something true-looking to show. Payments dated
 * after `today` are left out: the ledger only holds what has happened.
 *
 * E-mail addresses use the reserved example.com/.net/.org and *.example domains, so nothing
 * the app might one day send from a sample book can reach a real mailbox.
 */

export type DemoBookOptions = {
  seed: number;
  customers: number;
  /** Average; individual customers have from none to many. */
  invoicesPerCustomer: number;
  today: IsoDate;
  country: string;
  currency: string;
  members?: Member[];
};

export type DemoBook = {
  members: Member[];
  customers: Customer[];
  invoices: Invoice[];
  ratings: Rating[];
  statusChanges: StatusChange[];
};

type PayerProfile = 'prompt' | 'late' | 'bad';

/** What the whole book shares while customers are generated. */
type Book = {
  rng: Rng;
  out: DemoBook;
  home: CountryProfile;
  abroad: readonly CountryProfile[];
  currency: string;
  scale: number;
  todayDay: number;
  windowStart: number;
  invoicesPerCustomer: number;
  /** Names of the people who set statuses (owner and managers, else anyone). */
  setters: readonly string[];
  workshopDays: readonly number[];
  texts: DateTexts;
  /** Each invoice's issue day, by position in out.invoices, for numbering at the end. */
  issueDays: number[];
};

/** Invoices go back two years before `today`. */
const WINDOW_DAYS = 730;
const PAYMENT_METHODS: readonly (readonly [PaymentMethod, number])[] = [
  ['bank_transfer', 50],
  ['card', 25],
  ['cash', 15],
  ['cheque', 5],
  ['other', 5],
];
const PERSON_TAGS = ['regular', 'referral', 'new', 'vip', 'cash only', 'weekend'];
const PERSON_DOMAINS = ['example.com', 'example.net', 'example.org'];

const WATCH_REASONS = [
  'Two invoices paid over 30 days late',
  'Cheque returned unpaid',
  'Disputes most invoices',
  'Cancelled three bookings at short notice',
  'Rude to staff on the phone',
  'Owes on an old invoice; cash only until settled',
  'Asked for credit beyond the agreed limit',
];
const BLACKLIST_REASONS = [
  'Invoice written off after six months of chasing',
  'Abusive to staff at the counter',
  'Refused to pay; passed to debt collection',
  'Damaged hired equipment and would not pay',
  'Two cheques bounced',
  'Threatened a member of staff',
];
const RECOVERED_REASON = 'Paid up and on time since; back to normal terms';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Times of day in five-minute steps, 08:00–18:55, as the tail of an instant. */
const TIMES_OF_DAY: readonly string[] = Array.from({ length: 11 * 12 }, (_, i) => `T${pad2(8 + Math.floor(i / 12))}:${pad2((i % 12) * 5)}:00Z`);

/**
 * Dates and instants repeat endlessly across 300,000 invoices (issue, due, payment, recorded),
 * so each distinct one is built once and shared: fewer strings for the collector to trace.
 */
class DateTexts {
  private readonly firstDay: number;
  private readonly dates: (IsoDate | undefined)[];
  private readonly instants: (IsoInstant | undefined)[];

  /** Days from `firstDay` to `lastDay` are kept; any outside are built each time. */
  constructor(firstDay: number, lastDay: number) {
    this.firstDay = firstDay;
    // Sized up front: filling a growing array at scattered indexes would make it a slow dictionary.
    const days = Math.max(0, lastDay - firstDay + 1);
    this.dates = new Array<IsoDate | undefined>(days).fill(undefined);
    this.instants = new Array<IsoInstant | undefined>(days * TIMES_OF_DAY.length).fill(undefined);
  }

  date(day: number): IsoDate {
    const i = day - this.firstDay;
    let text = this.dates[i];
    if (text === undefined) {
      text = fromEpochDay(day);
      if (i >= 0 && i < this.dates.length) this.dates[i] = text;
    }
    return text;
  }

  /** An instant during working hours on `day`. */
  instant(rng: Rng, day: number): IsoInstant {
    const slot = rng.int(0, TIMES_OF_DAY.length - 1);
    const i = (day - this.firstDay) * TIMES_OF_DAY.length + slot;
    let text = this.instants[i];
    if (text === undefined) {
      text = `${this.date(day)}${TIMES_OF_DAY[slot] ?? 'T12:00:00Z'}`;
      if (i >= 0 && i < this.instants.length) this.instants[i] = text;
    }
    return text;
  }
}

function clampScore(n: number): number {
  return Math.min(5, Math.max(1, Math.round(n)));
}

function slug(s: string): string {
  return foldText(s).replace(/[^a-z0-9]/g, '');
}

/** The 15th of the last month of each quarter, inside the window: the team's workshop days. */
function workshopDays(today: IsoDate, windowStart: number, todayDay: number): number[] {
  const days: number[] = [];
  const year = Number(today.slice(0, 4));
  for (let y = year - 3; y <= year; y++) {
    for (const m of ['03', '06', '09', '12']) {
      const day = epochDay(`${String(y).padStart(4, '0')}-${m}-15`);
      if (day >= windowStart && day <= todayDay) days.push(day);
    }
  }
  return days;
}

function defaultMembers(rng: Rng, texts: DateTexts, day: number): Member[] {
  return DEFAULT_TEAM.map((m) => ({ id: rng.uuid(), name: m.name, role: m.role, createdAt: texts.instant(rng, day) }));
}

/** Roughly geometric: many customers with one or two invoices, a few regulars with dozens. */
function invoiceCount(rng: Rng, average: number): number {
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

/** A business name in the customer's language, and the trade tag it brings. */
function companyName(rng: Rng, cp: CountryProfile, last: string, town: string): { name: string; base: string; tag: string } {
  const trade = rng.pick(TRADES);
  const suffix = rng.pick(cp.legalSuffixes);
  let base: string;
  if (cp.language === 'de') {
    base = rng.chance(0.5) ? `${trade.de} ${last}` : `${last} ${trade.de}`;
  } else if (cp.language === 'fr') {
    base = rng.chance(0.6) ? `${trade.fr} ${last}` : `${trade.fr} ${town}`;
  } else {
    const kind = rng.int(0, 3);
    if (kind === 0) base = `${rng.pick(COMPANY_WORDS)} ${trade.en}`;
    else if (kind === 1) base = `${last} ${trade.en}`;
    else if (kind === 2) base = `${last} & Sons`;
    else base = `${town} ${trade.en}`;
  }
  return { name: suffix === '' ? base : `${base} ${suffix}`, base, tag: trade.tag };
}

function personEmail(rng: Rng, first: string, last: string, domain: string): string {
  const f = slug(first) || 'customer';
  const l = slug(last) || 'mail';
  const local = [`${f}.${l}`, `${f}.${l}`, `${f}${l}`, `${f.charAt(0)}${l}`, `${f}.${l}${rng.int(1, 99)}`, `${f}_${l}`][rng.int(0, 5)];
  return `${local ?? f}@${domain}`;
}

function makeAddress(rng: Rng, cp: CountryProfile, isCompany: boolean, town: readonly [string, string, string]): Address {
  const street = rng.pick(STREETS[cp.code]);
  const num = rng.int(1, 240);
  const line2 = isCompany ? (rng.chance(0.3) ? `Unit ${rng.int(1, 30)}` : '') : rng.chance(0.1) ? `Flat ${rng.int(1, 12)}` : '';
  return {
    line1: cp.numberFirst ? `${num} ${street}` : `${street} ${num}`,
    line2,
    city: town[0],
    postcode: cp.postcode(rng, town[1]),
    region: town[2],
    country: cp.code,
  };
}

const EMPTY_ADDRESS: Address = { line1: '', line2: '', city: '', postcode: '', region: '', country: '' };

/** 20–70% of a total, at least 1 and leaving at least 1. */
function partOf(rng: Rng, total: number): number {
  return Math.min(total - 1, Math.max(1, Math.round(total * (0.2 + 0.5 * rng.next()))));
}

type InvoiceOutcome = { invoice: Invoice; wasLate: boolean };

/** One invoice and what the customer did about it, cut off at today. */
function makeInvoice(
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

/** Scores one rater might give a customer of this profile; staff, who deal with them most, are harsher on manners. */
function makeScores(rng: Rng, profile: PayerProfile, temperament: number, raterRole: Member['role']): Scores {
  const noise = (): number => rng.weighted([
    [-1, 20],
    [0, 60],
    [1, 20],
  ] as const);
  const base = {
    timelyPayment: profile === 'prompt' ? rng.int(4, 5) : profile === 'late' ? rng.int(2, 3) : rng.int(1, 2),
    reliability: profile === 'prompt' ? rng.int(3, 5) : profile === 'late' ? rng.int(2, 4) : rng.int(1, 3),
    respect: temperament,
    effortToServe: Math.max(1, temperament - (profile === 'bad' ? 1 : 0)),
  };
  const staffBias = raterRole === 'staff' && temperament <= 3 && rng.chance(0.5) ? -1 : 0;
  const timelyPayment = clampScore(base.timelyPayment + (rng.chance(0.3) ? noise() : 0));
  const reliability = clampScore(base.reliability + noise());
  const respect = clampScore(base.respect + noise() + staffBias);
  const effortToServe = clampScore(base.effortToServe + noise() + staffBias);
  const overall = clampScore((timelyPayment + reliability + respect + effortToServe) / 4 + (rng.chance(0.3) ? noise() : 0));
  return { timelyPayment, reliability, respect, effortToServe, overall };
}

function incidentsFor(rng: Rng, s: Scores, profile: PayerProfile): IncidentTag[] {
  const tags: IncidentTag[] = [];
  if (s.timelyPayment <= 2 && rng.chance(0.8)) tags.push('late_payment');
  if (s.reliability <= 2 && rng.chance(0.5)) tags.push('last_minute_cancellation');
  if (s.respect <= 1 && rng.chance(0.6)) tags.push('offensive_or_abusive');
  else if (s.respect === 2 && rng.chance(0.4)) tags.push('unjustified_complaint');
  if (profile === 'bad' && rng.chance(0.05)) tags.push('property_damage');
  if (profile === 'bad' && rng.chance(0.05)) tags.push('policy_breach');
  return tags;
}

function positivesFor(rng: Rng, s: Scores, invoices: number): PositiveTag[] {
  const tags: PositiveTag[] = [];
  if (s.timelyPayment === 5 && rng.chance(0.5)) tags.push('pays_early');
  if (s.overall >= 4 && invoices >= 4 && rng.chance(0.6)) tags.push('loyal');
  if (s.overall >= 4 && rng.chance(0.15)) tags.push('refers_others');
  if (s.respect >= 4 && rng.chance(0.5)) tags.push('pleasant');
  return tags;
}

function addRatings(
  book: Book,
  customerId: string,
  profile: PayerProfile,
  createdDay: number,
  invoiceCount: number,
  lateInvoiceIds: readonly string[],
): void {
  const { rng, out } = book;
  const members = out.members;
  const eligible = book.workshopDays.filter((d) => d >= createdDay);
  if (members.length === 0 || eligible.length === 0) return;
  // One of the last three workshops since the customer arrived.
  const sessionDay = eligible[eligible.length - 1 - rng.int(0, Math.min(2, eligible.length - 1))];
  if (sessionDay === undefined) return;
  const temperament = rng.weighted([
    [2, 10],
    [3, 25],
    [4, 40],
    [5, 25],
  ] as const);
  const count = rng.int(1, Math.min(3, members.length));
  // A partial shuffle picks `count` different raters.
  const order = members.map((_, i) => i);
  for (let k = 0; k < count; k++) {
    const j = rng.int(k, order.length - 1);
    const a = order[k] ?? 0;
    order[k] = order[j] ?? 0;
    order[j] = a;
    const rater = members[order[k] ?? 0];
    if (!rater) continue;
    // Now and then a rating comes from an earlier workshop, so trends have two points.
    const earlier = eligible.filter((d) => d < sessionDay);
    const day = k > 0 && earlier.length > 0 && rng.chance(0.25) ? rng.pick(earlier) : sessionDay;
    const scores = makeScores(rng, profile, temperament, rater.role);
    const incidents = incidentsFor(rng, scores, profile);
    const positives = positivesFor(rng, scores, invoiceCount);
    const invoiceId = incidents.includes('late_payment') && lateInvoiceIds.length > 0 ? rng.pick(lateInvoiceIds) : null;
    out.ratings.push({
      id: rng.uuid(),
      customerId,
      raterId: rater.id,
      raterName: rater.name,
      date: book.texts.date(day),
      scores,
      incidents,
      positives,
      invoiceId,
      note: incidents.length > 1 && rng.chance(0.3) ? 'Discussed at the workshop; keep an eye on this one.' : '',
      createdAt: book.texts.instant(rng, day),
    });
  }
}

/** The customer's current status, and the history that led to it (appended to the book). */
function makeStatus(book: Book, customerId: string, profile: PayerProfile, createdDay: number, createdAt: IsoInstant): CustomerStatus {
  const { rng } = book;
  const [watch, black, recovered] = profile === 'prompt' ? [0.01, 0, 0.02] : profile === 'late' ? [0.1, 0.01, 0.04] : [0.28, 0.22, 0];
  const r = rng.next();
  const path: CustomerStatusValue[] =
    r < black ? (rng.chance(0.5) ? ['watch', 'blacklisted'] : ['blacklisted'])
    : r < black + watch ? ['watch']
    : r < black + watch + recovered ? ['watch', 'ok']
    : [];
  let status: CustomerStatus = { value: 'ok', reason: '', setBy: '', setAt: createdAt };
  let day = Math.max(createdDay, book.windowStart);
  for (const to of path) {
    day = rng.int(Math.min(day, book.todayDay), book.todayDay);
    const reason = to === 'watch' ? rng.pick(WATCH_REASONS) : to === 'blacklisted' ? rng.pick(BLACKLIST_REASONS) : RECOVERED_REASON;
    const setBy = book.setters.length > 0 ? rng.pick(book.setters) : '';
    let setAt = book.texts.instant(rng, day);
    if (setAt < status.setAt) setAt = status.setAt;
    book.out.statusChanges.push({ id: rng.uuid(), customerId, from: status.value, to, reason, setBy, setAt });
    status = { value: to, reason, setBy, setAt };
  }
  return status;
}

function addCustomer(book: Book): void {
  const { rng, out } = book;
  const profile = rng.weighted<PayerProfile>([
    ['prompt', 60],
    ['late', 28],
    ['bad', 12],
  ]);
  const cp = book.abroad.length > 0 && rng.chance(0.03) ? rng.pick(book.abroad) : book.home;
  const pool = rng.weighted(cp.pools);
  const first = rng.pick(pool.first);
  const last = rng.pick(pool.last);
  const isCompany = rng.chance(0.3);
  const town = rng.pick(TOWNS[cp.code]);
  const company = isCompany ? companyName(rng, cp, last, town[0]) : null;

  const phones = [isCompany && rng.chance(0.5) ? cp.landline(rng) : cp.mobile(rng)];
  if (rng.chance(0.2)) {
    const second = isCompany ? cp.mobile(rng) : cp.landline(rng);
    if (second !== phones[0]) phones.push(second);
  }
  const emails: string[] = [];
  if (rng.chance(0.8)) {
    emails.push(
      company && rng.chance(0.7)
        ? `${rng.pick(['accounts', 'info', 'office', slug(first) || 'hello'])}@${slug(company.base) || 'business'}.example`
        : personEmail(rng, first, last, rng.pick(PERSON_DOMAINS)),
    );
  }
  const address = rng.chance(0.85) ? makeAddress(rng, cp, isCompany, town) : EMPTY_ADDRESS;
  const tags: string[] = [];
  if (company) {
    tags.push(company.tag);
    if (rng.chance(0.3)) tags.push('trade account');
  } else if (rng.chance(0.35)) tags.push(rng.pick(PERSON_TAGS));

  // Invoices first: the customer must exist before their first invoice.
  const id = rng.uuid();
  const n = invoiceCount(rng, book.invoicesPerCustomer);
  const issueDays: number[] = [];
  for (let k = 0; k < n; k++) issueDays.push(rng.int(book.windowStart, book.todayDay));
  const firstDay = issueDays.length > 0 ? Math.min(...issueDays) : rng.int(book.windowStart, book.todayDay);
  const createdDay = firstDay - rng.int(0, 90);
  const createdAt = book.texts.instant(rng, createdDay);

  const termDays = isCompany ? rng.pick([14, 30, 30]) : rng.pick([14, 14, 30]);
  const usualMethod = rng.weighted(PAYMENT_METHODS);
  const lateInvoiceIds: string[] = [];
  for (const day of issueDays) {
    const { invoice, wasLate } = makeInvoice(book, id, profile, termDays, usualMethod, day);
    out.invoices.push(invoice);
    book.issueDays.push(day);
    if (wasLate) lateInvoiceIds.push(invoice.id);
  }

  if (rng.chance(0.6)) addRatings(book, id, profile, createdDay, n, lateInvoiceIds);
  const status = makeStatus(book, id, profile, createdDay, createdAt);

  out.customers.push({
    id,
    displayName: `${first} ${last}`,
    company: company?.name ?? '',
    phones,
    emails,
    taxId: company && rng.chance(0.6) ? cp.vatId(rng) : '',
    address: { ...address },
    tags,
    notes: rng.chance(0.1) ? rng.pick(NOTES) : '',
    status,
    createdAt,
    updatedAt: status.setAt > createdAt ? status.setAt : createdAt,
  });
}

/**
 * Puts invoices in issue-date order and numbers them INV-<year>-<sequence of 5+ digits>, as
 * they would have been issued. A counting sort on the day numbers kept beside the invoices:
 * linear, stable (one day's invoices keep their order) and no string comparisons.
 */
function numberInvoices(invoices: readonly Invoice[], issueDays: readonly number[], firstDay: number, lastDay: number): Invoice[] {
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

export function generateDemoBook(opts: DemoBookOptions): DemoBook {
  if (!Number.isSafeInteger(opts.customers) || opts.customers < 0) throw new RangeError('customers must be a whole number ≥ 0');
  if (!Number.isFinite(opts.invoicesPerCustomer) || opts.invoicesPerCustomer < 0) {
    throw new RangeError('invoicesPerCustomer must be a number ≥ 0');
  }
  if (!isValidIsoDate(opts.today)) throw new RangeError(`today is not a date: "${opts.today}"`);
  const scale = 10 ** minorDigits(opts.currency);

  const rng = createRng(opts.seed);
  const todayDay = epochDay(opts.today);
  const windowStart = todayDay - WINDOW_DAYS;
  const membersSince = windowStart - 365;
  const texts = new DateTexts(membersSince, todayDay + 60);
  const members = opts.members ?? defaultMembers(rng, texts, membersSince);
  const leaders = members.filter((m) => m.role !== 'staff').map((m) => m.name);
  const home = countryProfile(opts.country);
  const book: Book = {
    rng,
    out: { members, customers: [], invoices: [], ratings: [], statusChanges: [] },
    home,
    abroad: COUNTRY_PROFILES.filter((p) => p !== home && p.code !== 'US'),
    currency: opts.currency,
    scale,
    todayDay,
    windowStart,
    invoicesPerCustomer: opts.invoicesPerCustomer,
    setters: leaders.length > 0 ? leaders : members.map((m) => m.name),
    workshopDays: workshopDays(opts.today, windowStart, todayDay),
    texts,
    issueDays: [],
  };
  for (let i = 0; i < opts.customers; i++) addCustomer(book);
  book.out.invoices = numberInvoices(book.out.invoices, book.issueDays, windowStart, todayDay);
  return book.out;
}
