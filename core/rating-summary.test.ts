import { describe, expect, it } from 'vitest';
import type { Rating, Scores } from './rating';
import { disagreement, quarterOf, summariseRatings } from './rating-summary';

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const all = (n: number): Scores => ({ timelyPayment: n, reliability: n, respect: n, effortToServe: n, overall: n });

let next = 1;
function rating(rater: number, date: string, scores: Partial<Scores> | number, more: Partial<Rating> = {}): Rating {
  return {
    id: uuid(next++),
    customerId: uuid(999),
    raterId: uuid(rater),
    raterName: `Rater ${rater}`,
    date,
    scores: typeof scores === 'number' ? all(scores) : { ...all(3), ...scores },
    incidents: [],
    positives: [],
    invoiceId: null,
    note: '',
    createdAt: `${date}T12:00:00Z`,
    ...more,
  };
}

describe('summariseRatings', () => {
  it('is empty for no ratings', () => {
    expect(summariseRatings([])).toEqual({
      count: 0,
      raters: 0,
      averages: { timelyPayment: null, reliability: null, respect: null, effortToServe: null, overall: null },
      overall: null,
      incidents: [],
      positives: [],
      byQuarter: [],
    });
  });

  it('averages each criterion and the five means', () => {
    const s = summariseRatings([
      rating(1, '2025-03-15', { timelyPayment: 1, reliability: 2, respect: 5, effortToServe: 4, overall: 2 }),
      rating(2, '2025-03-15', { timelyPayment: 2, reliability: 2, respect: 4, effortToServe: 4, overall: 3 }),
      rating(1, '2025-06-15', { timelyPayment: 3, reliability: 5, respect: 3, effortToServe: 4, overall: 4 }),
    ]);
    expect(s.count).toBe(3);
    expect(s.raters).toBe(2);
    expect(s.averages).toEqual({ timelyPayment: 2, reliability: 3, respect: 4, effortToServe: 4, overall: 3 });
    expect(s.overall).toBe(3.2);
  });

  it('counts incidents, most recent first, and positives, most frequent first', () => {
    const s = summariseRatings([
      rating(1, '2025-01-10', 2, { incidents: ['late_payment', 'unjustified_complaint'] }),
      rating(2, '2025-05-02', 2, { incidents: ['late_payment'], positives: ['pleasant'] }),
      rating(3, '2024-11-20', 2, { incidents: ['property_damage'], positives: ['loyal', 'pleasant'] }),
      rating(3, '2025-01-10', 2, { incidents: ['offensive_or_abusive'] }),
    ]);
    expect(s.incidents).toEqual([
      { tag: 'late_payment', count: 2, lastDate: '2025-05-02' },
      // Same last date and count: the schema's order.
      { tag: 'offensive_or_abusive', count: 1, lastDate: '2025-01-10' },
      { tag: 'unjustified_complaint', count: 1, lastDate: '2025-01-10' },
      { tag: 'property_damage', count: 1, lastDate: '2024-11-20' },
    ]);
    expect(s.positives).toEqual([
      { tag: 'pleasant', count: 2 },
      { tag: 'loyal', count: 1 },
    ]);
  });

  it('groups by calendar quarter, ascending', () => {
    const s = summariseRatings([
      rating(1, '2025-08-14', 4),
      rating(2, '2024-12-31', 2),
      rating(1, '2025-01-01', 3),
      rating(2, '2025-09-30', 5),
    ]);
    expect(s.byQuarter.map((q) => [q.quarter, q.count, q.averages.overall])).toEqual([
      ['2024-Q4', 1, 2],
      ['2025-Q1', 1, 3],
      ['2025-Q3', 2, 4.5],
    ]);
  });

  it('names quarters', () => {
    expect(quarterOf('2025-01-01')).toBe('2025-Q1');
    expect(quarterOf('2025-03-31')).toBe('2025-Q1');
    expect(quarterOf('2025-04-01')).toBe('2025-Q2');
    expect(quarterOf('2025-12-31')).toBe('2025-Q4');
  });
});

describe('disagreement', () => {
  it('is null with fewer than two raters', () => {
    expect(disagreement([])).toEqual({ timelyPayment: null, reliability: null, respect: null, effortToServe: null, overall: null });
    expect(disagreement([rating(1, '2025-01-01', 1), rating(1, '2025-02-01', 5)]).overall).toBeNull();
  });

  it("spreads each rater's latest score", () => {
    const d = disagreement([
      rating(1, '2024-12-15', { respect: 1 }), // superseded by rater 1's later rating
      rating(1, '2025-03-15', { respect: 4, timelyPayment: 2 }),
      rating(2, '2025-03-15', { respect: 2, timelyPayment: 2 }),
      rating(3, '2025-03-15', { respect: 5, timelyPayment: 2 }),
    ]);
    expect(d).toEqual({ timelyPayment: 0, reliability: 0, respect: 3, effortToServe: 0, overall: 0 });
  });

  it('breaks same-day ties by the later creation time, compared as instants', () => {
    const d = disagreement([
      rating(1, '2025-03-15', { overall: 1 }, { createdAt: '2025-03-15T12:00:00.500Z' }),
      rating(1, '2025-03-15', { overall: 5 }, { createdAt: '2025-03-15T12:00:00Z' }),
      rating(2, '2025-03-15', { overall: 5 }),
    ]);
    expect(d.overall).toBe(4);
  });
});
