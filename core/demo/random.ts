/**
 * A small seeded PRNG (mulberry32) and the helpers the demo generator draws with. Seeded so
 * a sample book, a test fixture or a benchmark run is the same every time; not for anything
 * secret. Fast enough that drawing is never the bottleneck of generating 100,000 customers.
 */

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** One of the values, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A UUID v4 drawn from this generator, so generated ids are deterministic too. */
  uuid(): string;
  /** `n` random decimal digits as a string ("0042…"). */
  digits(n: number): string;
};

const HEX = '0123456789abcdef';

export function createRng(seed: number): Rng {
  let state = seed >>> 0;

  function next32(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  function next(): number {
    return next32() / 4294967296;
  }

  function int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`Bad integer range [${min}, ${max}]`);
    }
    return min + Math.floor(next() * (max - min + 1));
  }

  function pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
    // The index is in range by construction; the assertion only satisfies noUncheckedIndexedAccess.
    return items[Math.floor(next() * items.length)] as T;
  }

  function weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    if (!(total > 0)) throw new RangeError('Weights must add up to more than 0');
    let r = next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    // Floating-point rounding can leave r at exactly 0 after the last entry.
    const last = entries[entries.length - 1];
    if (!last) throw new RangeError('Cannot pick from an empty list');
    return last[0];
  }

  // UUIDs are most of the generator's strings (one per customer, invoice, payment, rating),
  // so they are written into one reused buffer and made in one go: a flat 36-character string,
  // not a rope of pieces, which at 750,000 ids is the difference of a few hundred megabytes.
  const uuidCodes: number[] = new Array<number>(36).fill(45); // '-'
  function uuid(): string {
    let pos = 0;
    for (let i = 0; i < 4; i++) {
      let word = next32();
      // Word 1 holds the version nibble, word 2 the variant bits (RFC 9562 §5.4).
      if (i === 1) word = ((word & 0xffff0fff) | 0x00004000) >>> 0;
      if (i === 2) word = ((word & 0x3fffffff) | 0x80000000) >>> 0;
      for (let shift = 28; shift >= 0; shift -= 4) {
        if (pos === 8 || pos === 13 || pos === 18 || pos === 23) pos++;
        uuidCodes[pos++] = HEX.charCodeAt((word >>> shift) & 15);
      }
    }
    return String.fromCharCode(...uuidCodes);
  }

  function digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String(Math.floor(next() * 10));
    return out;
  }

  return { next, int, pick, chance: (p) => next() < p, weighted, uuid, digits };
}
