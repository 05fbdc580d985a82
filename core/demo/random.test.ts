import { describe, expect, it } from 'vitest';
import { Id } from '../primitives';
import { createRng } from './random';

describe('createRng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const r = createRng(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays in range', () => {
    const r = createRng(7);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = r.int(-3, 3);
      expect(Number.isInteger(n) && n >= -3 && n <= 3).toBe(true);
    }
    expect(() => r.int(2, 1)).toThrow(RangeError);
    expect(() => r.pick([])).toThrow(RangeError);
    expect(() => r.weighted([])).toThrow(RangeError);
  });

  it('hits every value of a small range about equally', () => {
    const r = createRng(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[r.int(0, 3)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('follows weights', () => {
    const r = createRng(2);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (r.weighted([['a', 9], ['b', 1]] as const) === 'a') heavy++;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
    expect(r.weighted([['only', 0], ['this', 1]] as const)).toBe('this');
  });

  it('makes UUIDs the schema accepts, without repeats', () => {
    const r = createRng(3);
    const ids = Array.from({ length: 5_000 }, () => r.uuid());
    for (const id of ids.slice(0, 200)) expect(Id.safeParse(id).success).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws digit strings', () => {
    const r = createRng(4);
    expect(r.digits(6)).toMatch(/^\d{6}$/);
    expect(r.digits(0)).toBe('');
  });
});
