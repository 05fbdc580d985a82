import { createRng, type Rng } from '@core/demo/random';
import type { Customer } from '@core/customer';
import { BookDb } from '../db/book-db';
import type { QueryKind, QuerySets } from './types';

/**
 * What a clerk types, taken from random customers of the seeded book:
 * - name-prefix: the first 3 letters of one word of the name ("Wil");
 * - phone-digits: 4 consecutive digits from anywhere in the first phone number, as stored
 *   (international digits). Runs starting "00" are skipped: the app reads a leading "00" as
 *   an international prefix and would search for 2 digits;
 * - email: the whole first e-mail address.
 */
const MAKERS: Record<QueryKind, (c: Customer, rng: Rng) => string | null> = {
  'name-prefix': (c, rng) => {
    const word = rng.pick(c.displayName.split(' '));
    const letters = [...word];
    return letters.length >= 3 && /^\p{L}{3}$/u.test(letters.slice(0, 3).join('')) ? letters.slice(0, 3).join('') : null;
  },
  'phone-digits': (c, rng) => {
    const digits = (c.phones[0] ?? '').replace(/\D/g, '');
    if (digits.length < 4) return null;
    const start = rng.int(0, digits.length - 4);
    const q = digits.slice(start, start + 4);
    return q.startsWith('00') ? null : q;
  },
  email: (c) => c.emails[0] ?? null,
};

export async function sampleQueries(opts: { perKind: number; seed: number }): Promise<QuerySets> {
  const rng = createRng(opts.seed);
  const db = new BookDb();
  try {
    const keys = (await db.customers.toCollection().primaryKeys()) as string[];
    if (keys.length === 0) throw new Error('The book has no customers to take queries from');
    const out: QuerySets = { 'name-prefix': [], 'phone-digits': [], email: [] };
    for (const kind of Object.keys(MAKERS) as QueryKind[]) {
      const list = out[kind];
      while (list.length < opts.perKind) {
        const ids = Array.from({ length: opts.perKind }, () => rng.pick(keys));
        for (const row of await db.customers.bulkGet(ids)) {
          const q = row ? MAKERS[kind](row, rng) : null;
          if (q !== null && list.length < opts.perKind) list.push(q);
        }
      }
    }
    return out;
  } finally {
    db.close();
  }
}
