import { epochDay, isValidIsoDate } from '../dates';
import type { Member } from '../member';
import { minorDigits } from '../money';
import type { Book, DemoBook, DemoBookOptions } from './book';
import { COUNTRY_PROFILES, countryProfile } from './countries';
import { addCustomer } from './customers';
import { DateTexts } from './date-texts';
import { numberInvoices } from './invoices';
import { DEFAULT_TEAM } from './names';
import { createRng } from './random';
import type { Rng } from './random';
import { workshopDays } from './ratings';

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

export type { DemoBook, DemoBookOptions } from './book';

/** Invoices go back two years before `today`. */
const WINDOW_DAYS = 730;

function defaultMembers(rng: Rng, texts: DateTexts, day: number): Member[] {
  return DEFAULT_TEAM.map((m) => ({ id: rng.uuid(), name: m.name, role: m.role, createdAt: texts.instant(rng, day) }));
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
