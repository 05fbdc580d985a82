import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopK } from './top-k';

describe('TopK', () => {
  it('keeps the k best of a stream, best first, as a full sort would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: 1, max: 20 }), (values, k) => {
        const top = new TopK<number>(k, (a, b) => b - a);
        for (const v of values) top.offer(v);
        expect(top.best()).toEqual([...values].sort((a, b) => b - a).slice(0, k));
      }),
    );
  });

  it('keeps the first of equals (a stable order)', () => {
    const top = new TopK<{ p: number; name: string }>(2, (a, b) => b.p - a.p);
    for (const item of [{ p: 1, name: 'a' }, { p: 2, name: 'b' }, { p: 2, name: 'c' }, { p: 2, name: 'd' }]) top.offer(item);
    expect(top.best().map((i) => i.name)).toEqual(['b', 'c']);
  });
});
