import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookDb } from './book-db';
import { openTestDb, testContext } from './test-db';
import { createCustomer } from './customers-repo';
import { createInvoice } from './invoices-repo';
import { searchCounter } from './counter-search';

let db: BookDb;
const ids: Record<string, string> = {};

const customer = (displayName: string, phones: string[], emails: string[] = [], company = '') => ({
  displayName,
  company,
  phones,
  emails,
  taxId: '',
  address: { line1: '', line2: '', city: '', postcode: '', region: '', country: 'GB' },
  tags: [],
  notes: '',
});

beforeAll(async () => {
  ({ db } = openTestDb());
  const ctx = testContext();
  for (const [key, input] of Object.entries({
    zoe: customer('Zoë Harper', ['07700 900123'], ['zoe@harper.example']),
    john: customer('John Smith', ['+44 20 7946 0958'], ['john.smith@example.com'], 'Smith Roofing'),
    joan: customer('Joan Smithers', ['+1 415 555 0134']),
  })) {
    const r = await createCustomer(db, input, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    ids[key] = r.value.id;
  }
  await createInvoice(
    db,
    { number: 'INV-2026-00042', customerId: ids['joan'] ?? '', issueDate: '2026-01-01', dueDate: '2026-01-31', currency: 'GBP', totalMinor: 100, state: 'issued', notes: '' },
    ctx,
  );
});
afterAll(() => db.close());

const found = async (q: string) => (await searchCounter(db, q)).map((h) => h.customer.id);

describe('counter lookup', () => {
  it.each([
    ['a name prefix', 'smi', ['john', 'joan']],
    ['a name without its accent', 'zoe', ['zoe']],
    ['two words in any order', 'smith john', ['john']],
    ['a company word', 'roofing', ['john']],
    ['four digits from the middle of a number', '9001', ['zoe']],
    ['a national number with spaces', '07700 900', ['zoe']],
    ['an international number', '+44 7700 900123', ['zoe']],
    ['an 00 international prefix', '0044 20 7946', ['john']],
    ['a US number as written', '(415) 555-0134', ['joan']],
    ['a full e-mail in capitals', 'JOHN.SMITH@EXAMPLE.COM', ['john']],
    ['an invoice number prefix', 'inv-2026-0004', ['joan']],
  ])('finds by %s', async (_what, query, expected) => {
    const got = await found(query);
    expect(new Set(got)).toEqual(new Set(expected.map((k) => ids[k])));
  });

  it('says which invoice found a customer', async () => {
    const [hit] = await searchCounter(db, 'INV-2026-00042');
    expect(hit?.viaInvoice).toBe('INV-2026-00042');
  });

  it('returns nothing for an empty query and for no match', async () => {
    expect(await found('   ')).toEqual([]);
    expect(await found('zzzz')).toEqual([]);
  });
});

describe('counter lookup of numeric invoice numbers', () => {
  it('finds an all-digit invoice number that is no one’s phone number', async () => {
    const ctx = testContext();
    await createInvoice(
      db,
      { number: '58213', customerId: ids['zoe'] ?? '', issueDate: '2026-01-01', dueDate: '2026-01-31', currency: 'GBP', totalMinor: 100, state: 'issued', notes: '' },
      ctx,
    );
    const [hit] = await searchCounter(db, '58213');
    expect(hit?.customer.id).toBe(ids['zoe']);
    expect(hit?.viaInvoice).toBe('58213');
  });
});
