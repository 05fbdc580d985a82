import { describe, expect, it } from 'vitest';
import { benchEvaluate } from './bench-evaluate';

describe('benchEvaluate', () => {
  it('measures a small seeded book the same way every time', () => {
    const a = benchEvaluate(2_000, { runs: 3 });
    const b = benchEvaluate(2_000, { runs: 3 });
    expect(a).toMatchObject({ n: 2_000, customers: 200, runs: 3 });
    // Same seed, same book: the same steps found on first sight and on the next day.
    expect(a.firstSight.found).toBe(b.firstSight.found);
    expect(a.firstSight.found).toBeGreaterThan(2_000);
    expect(a.evaluate.found).toBe(0); // everything already recorded
    expect(a.nextDay.found).toBe(b.nextDay.found);
    for (const t of [a.evaluate, a.loopOnly, a.nextDay, a.floor]) expect(t.minMs).toBeLessThanOrEqual(t.medianMs);
  });
});
