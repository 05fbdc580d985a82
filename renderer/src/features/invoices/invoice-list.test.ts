import { describe, expect, it } from 'vitest';
import { filterFromParam, nextRowIndex, pageWindow } from './invoice-list';

describe('filterFromParam', () => {
  it('accepts the four filters and falls back to all', () => {
    expect(filterFromParam('overdue')).toBe('overdue');
    expect(filterFromParam('paid')).toBe('paid');
    expect(filterFromParam(null)).toBe('all');
    expect(filterFromParam('everything')).toBe('all');
  });
});

describe('pageWindow', () => {
  it('widens the visible rows by half a page, then to whole pages', () => {
    expect(pageWindow(0, 20, 300_000, 50)).toEqual({ from: 0, to: 50 });
    expect(pageWindow(0, 30, 300_000, 50)).toEqual({ from: 0, to: 100 });
    expect(pageWindow(120_030, 120_040, 300_000, 50)).toEqual({ from: 120_000, to: 120_100 });
    expect(pageWindow(120_013, 120_020, 300_000, 50)).toEqual({ from: 119_950, to: 120_050 });
  });

  it('always covers the visible rows plus the margin', () => {
    for (let first = 0; first < 400; first += 7) {
      const last = first + 24;
      const { from, to } = pageWindow(first, last, 1000, 50);
      expect(from).toBeLessThanOrEqual(Math.max(0, first - 25));
      expect(to).toBeGreaterThanOrEqual(last + 26);
      expect(from % 50).toBe(0);
    }
  });

  it('stays the same while scrolling within a page', () => {
    expect(pageWindow(126, 140, 1000, 50)).toEqual(pageWindow(130, 145, 1000, 50));
  });

  it('never runs past the end of the list', () => {
    expect(pageWindow(290, 304, 305, 50)).toEqual({ from: 250, to: 305 });
    expect(pageWindow(0, 10, 3, 50)).toEqual({ from: 0, to: 3 });
  });

  it('is empty for an empty list or no visible rows', () => {
    expect(pageWindow(0, -1, 100, 50)).toEqual({ from: 0, to: 0 });
    expect(pageWindow(0, 10, 0, 50)).toEqual({ from: 0, to: 0 });
  });
});

describe('nextRowIndex', () => {
  it('moves by one, by a page, and to the ends, within bounds', () => {
    expect(nextRowIndex('ArrowDown', 5, 100, 10)).toBe(6);
    expect(nextRowIndex('ArrowUp', 0, 100, 10)).toBe(0);
    expect(nextRowIndex('PageDown', 95, 100, 10)).toBe(99);
    expect(nextRowIndex('PageUp', 5, 100, 10)).toBe(0);
    expect(nextRowIndex('Home', 50, 100, 10)).toBe(0);
    expect(nextRowIndex('End', 50, 100, 10)).toBe(99);
  });

  it('ignores other keys and empty lists', () => {
    expect(nextRowIndex('Enter', 5, 100, 10)).toBeNull();
    expect(nextRowIndex('ArrowDown', 0, 0, 10)).toBeNull();
  });
});
