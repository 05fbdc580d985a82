import { generateDemoBook, type DemoBook } from '@core/demo/generate';
import type { Member } from '@core/member';
import { SAMPLE_PROFILE } from '../features/demo/load-sample';
import type { BookShape } from './types';

/**
 * The demo book, generated a chunk of customers at a time so the page never holds 100,000
 * customers and 300,000 invoices at once. Every chunk shares the first chunk's team, and
 * invoice numbers continue across chunks (per year) so the book has no duplicate numbers.
 * Chunk seeds are spread apart so chunks draw unrelated ids (the seeder checks the counts).
 */
export function* demoChunks(shape: BookShape, chunkCustomers: number): Generator<DemoBook> {
  let members: Member[] | undefined;
  const lastNumber = new Map<string, number>();
  for (let k = 0, done = 0; done < shape.customers; k++) {
    const customers = Math.min(chunkCustomers, shape.customers - done);
    const book = generateDemoBook({
      seed: (shape.seed + k * 0x9e3779b1) >>> 0,
      customers,
      invoicesPerCustomer: shape.invoicesPerCustomer,
      today: shape.today,
      country: SAMPLE_PROFILE.country,
      currency: SAMPLE_PROFILE.currency,
      ...(members ? { members } : {}),
    });
    members ??= book.members;
    // The generator numbers each chunk from 1 in date order; carry the count on per year.
    for (const inv of book.invoices) {
      const year = inv.issueDate.slice(0, 4);
      const n = (lastNumber.get(year) ?? 0) + 1;
      lastNumber.set(year, n);
      inv.number = `INV-${year}-${String(n).padStart(5, '0')}`;
    }
    done += customers;
    yield k === 0 ? book : { ...book, members: [] };
  }
}
