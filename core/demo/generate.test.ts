import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { Customer, StatusChange } from '../customer';
import { Invoice } from '../invoice';
import { invoiceStatus } from '../invoice-status';
import { Member } from '../member';
import { Rating } from '../rating';
import { generateDemoBook } from './generate';
import type { DemoBookOptions } from './generate';

const TODAY = '2025-06-30';
const options: DemoBookOptions = { seed: 20250630, customers: 500, invoicesPerCustomer: 3, today: TODAY, country: 'GB', currency: 'GBP' };
const book = generateDemoBook(options);

function share(n: number, of: number): number {
  return n / of;
}

describe('generateDemoBook', () => {
  it('makes every row its schema accepts', () => {
    const problems: string[] = [];
    const check = (kind: string, schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, rows: readonly unknown[]) => {
      for (const row of rows) {
        const r = schema.safeParse(row);
        if (!r.success) problems.push(`${kind}: ${JSON.stringify(r.error)} in ${JSON.stringify(row)}`);
      }
    };
    check('member', Member, book.members);
    check('customer', Customer, book.customers);
    check('invoice', Invoice, book.invoices);
    check('rating', Rating, book.ratings);
    check('status change', StatusChange, book.statusChanges);
    expect(problems.slice(0, 3)).toEqual([]);
    expect(book.customers).toHaveLength(500);
  });

  it('is the same book for the same seed, and another for another seed', () => {
    expect(generateDemoBook(options)).toEqual(book);
    const other = generateDemoBook({ ...options, seed: options.seed + 1 });
    expect(other.customers[0]?.displayName === book.customers[0]?.displayName && other.customers[0]?.id === book.customers[0]?.id).toBe(false);
  });

  it('has a team of an owner, a manager and staff by default, or the one it is given', () => {
    expect(book.members.map((m) => m.role)).toEqual(['owner', 'manager', 'staff']);
    const team = [{ id: '00000000-0000-4000-8000-000000000001', name: 'Sam Solo', role: 'owner', createdAt: '2020-01-01T00:00:00Z' }] satisfies Member[];
    const solo = generateDemoBook({ ...options, customers: 50, members: team });
    expect(solo.members).toEqual(team);
    expect(new Set(solo.ratings.map((r) => r.raterName))).toEqual(new Set(['Sam Solo']));
  });

  it('gives customers valid phone numbers, ASCII e-mails on reserved domains, and a believable mix', () => {
    const { customers } = book;
    for (const c of customers) {
      expect(c.phones.length).toBeGreaterThanOrEqual(1);
      for (const p of c.phones) expect(isValidPhoneNumber(p), p).toBe(true);
      for (const e of c.emails) expect(e).toMatch(/^[a-z0-9._]+@([a-z0-9]+\.example|example\.(com|net|org))$/);
    }
    const companies = customers.filter((c) => c.company !== '').length;
    expect(share(companies, customers.length)).toBeGreaterThan(0.22);
    expect(share(companies, customers.length)).toBeLessThan(0.38);
    const withEmail = customers.filter((c) => c.emails.length > 0).length;
    expect(share(withEmail, customers.length)).toBeGreaterThan(0.72);
    expect(share(withEmail, customers.length)).toBeLessThan(0.88);
    expect(customers.some((c) => c.taxId.startsWith('GB'))).toBe(true);
    expect(customers.some((c) => /[^ -~]/.test(c.displayName))).toBe(true); // some names with accents
    expect(customers.filter((c) => c.phones[0]?.startsWith('+44')).length).toBeGreaterThan(450);
  });

  it('gives valid phone numbers in every country it knows', () => {
    for (const country of ['GB', 'IE', 'DE', 'FR', 'US']) {
      const b = generateDemoBook({ ...options, customers: 300, invoicesPerCustomer: 0, country });
      for (const c of b.customers) for (const p of c.phones) expect(isValidPhoneNumber(p), `${country} ${p}`).toBe(true);
      expect(b.customers.filter((c) => c.address.country === country).length).toBeGreaterThan(200);
    }
  });

  it('sets statuses with a reason, who and when, and a matching history', () => {
    const counts = { ok: 0, watch: 0, blacklisted: 0 };
    for (const c of book.customers) {
      counts[c.status.value]++;
      const history = book.statusChanges.filter((s) => s.customerId === c.id);
      if (c.status.value !== 'ok') {
        expect(c.status.reason).not.toBe('');
        expect(book.members.map((m) => m.name)).toContain(c.status.setBy);
      }
      const last = history[history.length - 1];
      if (last) {
        expect([last.to, last.reason, last.setBy, last.setAt]).toEqual([c.status.value, c.status.reason, c.status.setBy, c.status.setAt]);
        history.forEach((h, i) => expect(h.from).toBe(i === 0 ? 'ok' : history[i - 1]?.to));
      } else expect(c.status.value).toBe('ok');
    }
    const total = book.customers.length;
    expect(share(counts.ok, total)).toBeGreaterThan(0.84);
    expect(share(counts.watch, total)).toBeGreaterThan(0.03);
    expect(share(counts.watch, total)).toBeLessThan(0.12);
    expect(share(counts.blacklisted, total)).toBeGreaterThan(0.005);
    expect(share(counts.blacklisted, total)).toBeLessThan(0.07);
  });

  it('numbers invoices uniquely in date order, inside the last two years, for known customers', () => {
    const { invoices } = book;
    expect(share(invoices.length, book.customers.length)).toBeGreaterThan(2.5);
    expect(share(invoices.length, book.customers.length)).toBeLessThan(3.5);
    expect(new Set(invoices.map((i) => i.number)).size).toBe(invoices.length);
    expect(new Set(invoices.map((i) => i.id)).size).toBe(invoices.length);
    const ids = new Set(book.customers.map((c) => c.id));
    const created = new Map(book.customers.map((c) => [c.id, c.createdAt]));
    for (const [k, inv] of invoices.entries()) {
      expect(inv.number).toMatch(/^INV-\d{4}-\d{5,}$/);
      expect(inv.number.slice(4, 8)).toBe(inv.issueDate.slice(0, 4));
      expect(ids.has(inv.customerId)).toBe(true);
      expect(inv.issueDate >= '2023-07-01' && inv.issueDate <= TODAY).toBe(true);
      expect(inv.issueDate >= (created.get(inv.customerId) ?? '').slice(0, 10)).toBe(true);
      expect([14, 30]).toContain((Date.parse(inv.dueDate) - Date.parse(inv.issueDate)) / 86_400_000);
      expect(inv.totalMinor).toBeGreaterThanOrEqual(2000);
      expect(inv.totalMinor).toBeLessThanOrEqual(500000);
      const prev = invoices[k - 1];
      if (prev) expect(prev.issueDate <= inv.issueDate).toBe(true);
      for (const p of inv.payments) expect(p.date <= TODAY && p.date >= inv.issueDate).toBe(true);
      const paid = inv.payments.reduce((s, p) => s + p.amountMinor, 0) + inv.creditNotes.reduce((s, c) => s + c.amountMinor, 0);
      expect(paid).toBeLessThanOrEqual(inv.totalMinor);
    }
  });

  it('has invoices in every state the screens show', () => {
    const statuses = new Set(book.invoices.map((i) => invoiceStatus(i, TODAY)));
    expect(statuses).toEqual(new Set(['draft', 'open', 'partly_paid', 'paid', 'overdue', 'written_off', 'disputed']));
  });

  it('rates about 60% of customers, 1–3 times each, by distinct members, in line with how they pay', () => {
    const byCustomer = new Map<string, typeof book.ratings>();
    for (const r of book.ratings) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r]);
    expect(share(byCustomer.size, book.customers.length)).toBeGreaterThan(0.5);
    expect(share(byCustomer.size, book.customers.length)).toBeLessThan(0.7);
    for (const rs of byCustomer.values()) {
      expect(rs.length).toBeGreaterThanOrEqual(1);
      expect(rs.length).toBeLessThanOrEqual(3);
      expect(new Set(rs.map((r) => r.raterId)).size).toBe(rs.length);
    }
    const blacklisted = new Set(book.customers.filter((c) => c.status.value === 'blacklisted').map((c) => c.id));
    const mean = (rs: readonly Rating[]) => rs.reduce((s, r) => s + r.scores.timelyPayment, 0) / rs.length;
    const bad = book.ratings.filter((r) => blacklisted.has(r.customerId));
    const rest = book.ratings.filter((r) => !blacklisted.has(r.customerId));
    expect(mean(bad)).toBeLessThan(mean(rest));
    expect(book.ratings.some((r) => r.incidents.includes('late_payment') && r.invoiceId !== null)).toBe(true);
    expect(book.ratings.some((r) => r.positives.length > 0)).toBe(true);
    const invoiceIds = new Set(book.invoices.map((i) => i.id));
    for (const r of book.ratings) if (r.invoiceId) expect(invoiceIds.has(r.invoiceId)).toBe(true);
  });

  it('scales money to the currency', () => {
    const yen = generateDemoBook({ ...options, customers: 50, currency: 'JPY' });
    for (const inv of yen.invoices) {
      expect(inv.currency).toBe('JPY');
      expect(inv.totalMinor).toBeGreaterThanOrEqual(20);
      expect(inv.totalMinor).toBeLessThanOrEqual(5000);
    }
  });

  it('refuses options it cannot honour', () => {
    expect(() => generateDemoBook({ ...options, customers: -1 })).toThrow(RangeError);
    expect(() => generateDemoBook({ ...options, customers: 1.5 })).toThrow(RangeError);
    expect(() => generateDemoBook({ ...options, invoicesPerCustomer: Number.NaN })).toThrow(RangeError);
    expect(() => generateDemoBook({ ...options, today: '2025-02-30' })).toThrow(RangeError);
    expect(() => generateDemoBook({ ...options, currency: 'EU' })).toThrow(RangeError);
    expect(generateDemoBook({ ...options, customers: 0 }).customers).toEqual([]);
  });
});
