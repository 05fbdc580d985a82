import type { Address } from '../customer';
import { foldText } from '../identifiers';
import type { Book, PayerProfile } from './book';
import type { CountryProfile } from './countries';
import { invoiceCount, makeInvoice, PAYMENT_METHODS } from './invoices';
import { COMPANY_WORDS, NOTES, STREETS, TOWNS, TRADES } from './names';
import type { Rng } from './random';
import { addRatings } from './ratings';
import { makeStatus } from './statuses';

/** One customer: who they are, how to reach them, then their invoices, ratings and status. */
const PERSON_TAGS = ['regular', 'referral', 'new', 'vip', 'cash only', 'weekend'];
const PERSON_DOMAINS = ['example.com', 'example.net', 'example.org'];

function slug(s: string): string {
  return foldText(s).replace(/[^a-z0-9]/g, '');
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

export function addCustomer(book: Book): void {
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
