import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerMatches, customerTokens, parseSearchQuery } from './search-tokens';
import type { CustomerTokenSource } from './search-tokens';

const zoe: CustomerTokenSource = {
  displayName: 'Zoë Brontë',
  company: 'Riverside Plumbing',
  phones: ['+447700900123'],
  emails: ['zoe.bronte@example.com'],
  taxId: '',
};

/**
 * What the counter does with IndexedDB, in memory: one prefix range on the multi-entry token
 * index for the query's primary word, then customerMatches on the rows that come back.
 */
function lookup(customers: readonly CustomerTokenSource[], raw: string): number[] {
  const q = parseSearchQuery(raw);
  if (q.kind === 'empty') return [];
  const hits = new Set<number>();
  customers.forEach((c, i) => {
    const tokens = customerTokens(c);
    const inRange = tokens.some((t) => t >= q.primary && t <= `${q.primary}\uffff`);
    if (inRange && customerMatches(tokens, q)) hits.add(i);
  });
  return [...hits];
}

describe('customerTokens', () => {
  it('makes few tokens for a typical customer, without duplicates', () => {
    const tokens = customerTokens(zoe);
    // 2 name words + 1 company word… (2 here) + 9 phone suffixes + national form + e-mail.
    expect(tokens).toEqual([
      'zoe',
      'bronte',
      'riverside',
      'plumbing',
      '447700900123',
      '47700900123',
      '7700900123',
      '700900123',
      '00900123',
      '0900123',
      '900123',
      '00123',
      '0123',
      '07700900123',
      'zoe.bronte@example.com',
    ]);
    const typical = customerTokens({ ...zoe, company: 'Plumbing' });
    console.info(`tokens for a typical customer: ${typical.length}`);
    expect(typical.length).toBeLessThanOrEqual(16);
    expect(new Set(typical).size).toBe(typical.length);
  });

  it('splits names on punctuation and also keeps the joined form of a name like O’Brien', () => {
    const tokens = customerTokens({ displayName: "Seán O'Brien-Smith", company: 'B&Q', phones: [], emails: [], taxId: '' });
    expect(tokens).toEqual(['sean', 'o', 'brien', 'smith', 'obriensmith', 'b', 'q', 'bq']);
  });

  it('drops a US national form that is already a suffix', () => {
    const tokens = customerTokens({ displayName: 'Al', company: '', phones: ['+14155550134'], emails: [], taxId: '' });
    expect(tokens.filter((t) => t === '4155550134')).toHaveLength(1);
  });

  it('keeps the tax id, lower-cased, with and without its country prefix', () => {
    const tokens = customerTokens({ displayName: 'Al', company: '', phones: [], emails: [], taxId: 'gb 123 4567 89' });
    expect(tokens).toEqual(['al', 'gb123456789', '123456789']);
    expect(customerTokens({ displayName: 'Al', company: '', phones: [], emails: [], taxId: '' })).toEqual(['al']);
  });

  it('never yields an empty token and never repeats one', () => {
    fc.assert(
      fc.property(
        fc.record({
          displayName: fc.string(),
          company: fc.string(),
          phones: fc.array(fc.stringMatching(/^\+[1-9]\d{6,14}$/), { maxLength: 3 }),
          emails: fc.array(fc.emailAddress(), { maxLength: 3 }),
          taxId: fc.string({ maxLength: 20 }),
        }),
        (c) => {
          const tokens = customerTokens(c);
          expect(tokens.every((t) => t.length > 0)).toBe(true);
          expect(new Set(tokens).size).toBe(tokens.length);
        },
      ),
    );
  });
});

describe('parseSearchQuery', () => {
  it('reads an empty box as empty', () => {
    expect(parseSearchQuery('')).toEqual({ kind: 'empty' });
    expect(parseSearchQuery('   ')).toEqual({ kind: 'empty' });
    expect(parseSearchQuery(' -- ')).toEqual({ kind: 'empty' });
  });

  it('reads text as folded words with the longest as primary', () => {
    expect(parseSearchQuery('  Zoë  Brontë ')).toEqual({ kind: 'text', words: ['zoe', 'bronte'], primary: 'bronte', invoiceNumber: null });
    expect(parseSearchQuery("o'brien")).toEqual({ kind: 'text', words: ['o', 'brien'], primary: 'brien', invoiceNumber: null });
  });

  it('reads digits and phone punctuation as a phone number', () => {
    expect(parseSearchQuery('07700 900')).toEqual({ kind: 'phone', digits: '07700900', primary: '07700900', invoiceNumber: '07700 900' });
    expect(parseSearchQuery('+44 (0)7700 900123')).toMatchObject({ kind: 'phone', digits: '447700900123' });
    expect(parseSearchQuery('0044 7700')).toMatchObject({ kind: 'phone', digits: '447700', primary: '447700' });
    expect(parseSearchQuery('(415) 555-0134')).toMatchObject({ kind: 'phone', digits: '4155550134' });
    expect(parseSearchQuery('0123')).toMatchObject({ kind: 'phone', digits: '0123' });
    // Too few digits after 00 for an international number: a run from inside one.
    expect(parseSearchQuery('0045')).toMatchObject({ kind: 'phone', digits: '0045' });
    expect(parseSearchQuery('00441')).toMatchObject({ kind: 'phone', digits: '00441' });
    expect(parseSearchQuery('004477')).toMatchObject({ kind: 'phone', digits: '4477' });
    // Fewer than three digits is too little to be a phone number.
    expect(parseSearchQuery('12')).toEqual({ kind: 'text', words: ['12'], primary: '12', invoiceNumber: '12' });
  });

  it('reads anything with @ as an e-mail', () => {
    expect(parseSearchQuery(' Zoe.Bronte@ ')).toEqual({ kind: 'email', primary: 'zoe.bronte@', invoiceNumber: null });
    expect(parseSearchQuery('jo2@x')).toEqual({ kind: 'email', primary: 'jo2@x', invoiceNumber: 'JO2@X' });
  });

  it('offers an invoice number whenever there is a digit', () => {
    expect(parseSearchQuery(' inv-2025-00042 ')).toEqual({
      kind: 'text',
      words: ['inv', '2025', '00042'],
      primary: '00042',
      invoiceNumber: 'INV-2025-00042',
    });
    expect(parseSearchQuery('smith')).toMatchObject({ invoiceNumber: null });
  });
});

describe('the counter lookup', () => {
  const book: CustomerTokenSource[] = [
    zoe,
    { displayName: 'Seán Murphy', company: '', phones: ['+353851234567'], emails: ['sean@example.ie'], taxId: '' },
    { displayName: 'Jürgen Müller', company: 'Sanitär Müller GmbH', phones: ['+4915123456789', '+493012345678'], emails: [], taxId: 'DE123456789' },
    { displayName: 'Zoe Smith', company: '', phones: ['+14155550134'], emails: ['zoe@example.com'], taxId: '' },
    { displayName: 'Pat Jones', company: '', phones: ['+442079460958'], emails: [], taxId: '' },
  ];

  it('finds a customer by any four digits from anywhere in the number', () => {
    expect(lookup(book, '0090')).toEqual([0]);
    expect(lookup(book, '9001')).toEqual([0]);
    expect(lookup(book, '0123')).toEqual([0, 2]); // …90 0123, and +49 30 12345678
    expect(lookup(book, '4567')).toEqual([1, 2]);
    expect(lookup(book, '5550')).toEqual([3]);
    expect(lookup(book, '7946')).toEqual([4]);
    expect(lookup(book, '0090')).toEqual([0]);
    expect(lookup(book, '00900')).toEqual([0]);
    expect(lookup(book, '009001')).toEqual([0]);
  });

  it('finds a number typed nationally or internationally', () => {
    expect(lookup(book, '07700 900123')).toEqual([0]);
    expect(lookup(book, '07700')).toEqual([0]);
    expect(lookup(book, '+44 7700 900123')).toEqual([0]);
    expect(lookup(book, '0044 7700 900')).toEqual([0]);
    expect(lookup(book, '+44 (0)7700 900123')).toEqual([0]);
    expect(lookup(book, '020 7946 0958')).toEqual([4]);
    expect(lookup(book, '085 123')).toEqual([1]);
    expect(lookup(book, '+353 85')).toEqual([1]);
    expect(lookup(book, '(415) 555-0134')).toEqual([3]);
    expect(lookup(book, '+1 415')).toEqual([3]);
    expect(lookup(book, '030 1234')).toEqual([2]);
  });

  it('finds names without their accents, and with them', () => {
    expect(lookup(book, 'zoe')).toEqual([0, 3]);
    expect(lookup(book, 'Zoë')).toEqual([0, 3]);
    expect(lookup(book, 'zoe bron')).toEqual([0]);
    expect(lookup(book, 'BRONTË')).toEqual([0]);
    expect(lookup(book, 'sean')).toEqual([1]);
    expect(lookup(book, 'muller')).toEqual([2]);
    expect(lookup(book, 'Müller sanit')).toEqual([2]);
    expect(lookup(book, 'river plu')).toEqual([0]);
    expect(lookup(book, 'zoe jones')).toEqual([]);
  });

  it('finds e-mail addresses and tax ids by prefix', () => {
    expect(lookup(book, 'zoe@')).toEqual([3]);
    expect(lookup(book, 'ZOE.BRONTE@EX')).toEqual([0]);
    expect(lookup(book, 'de1234')).toEqual([2]);
    expect(lookup(book, '123456789')).toEqual([2]);
  });

  it('finds a customer by any 4+ digit run of any of their numbers', () => {
    fc.assert(
      fc.property(
        // Zero-heavy numbers too, so runs starting with 00 come up.
        fc.oneof(fc.stringMatching(/^[1-9]\d{9,13}$/), fc.stringMatching(/^[1-9][05]{9,13}$/)),
        fc.nat(),
        fc.integer({ min: 4, max: 14 }),
        (digits, startSeed, length) => {
          const start = startSeed % (digits.length - 3);
          const run = digits.slice(start, start + length);
          fc.pre(run.length >= 4);
          const c = { displayName: 'X', company: '', phones: [`+${digits}`], emails: [], taxId: '' };
          expect(lookup([c], run)).toEqual([0]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds a customer by the prefix of any word of their name', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.nat(), fc.integer({ min: 1, max: 12 }), (words, pick, len) => {
        const name = words.join(' ');
        const chosen = words[pick % words.length] ?? '';
        const c = { displayName: name, company: '', phones: [], emails: [], taxId: '' };
        const typed = chosen.slice(0, len);
        fc.pre(parseSearchQuery(typed).kind === 'text');
        expect(lookup([c], typed)).toEqual([0]);
      }),
    );
  });

  it('matches nothing for an empty query', () => {
    expect(customerMatches(customerTokens(zoe), { kind: 'empty' })).toBe(false);
  });
});
