import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, ReminderPlan, ReminderSteps, stepKind, stepOffsets } from './plan';

describe('the reminder plan', () => {
  it('defaults to −3, +1, +7, +14, +30 with no late fee', () => {
    expect(DEFAULT_PLAN.steps.map((s) => s.offsetDays)).toEqual([-3, 1, 7, 14, 30]);
    expect(DEFAULT_PLAN.lateFee).toBeNull();
    expect(ReminderPlan.parse(DEFAULT_PLAN)).toEqual(DEFAULT_PLAN);
  });

  it('sorts steps, and refuses duplicates, an empty ladder or offsets out of range', () => {
    expect(ReminderSteps.parse([{ offsetDays: 14 }, { offsetDays: -1 }])).toEqual([{ offsetDays: -1 }, { offsetDays: 14 }]);
    expect(ReminderSteps.safeParse([{ offsetDays: 7 }, { offsetDays: 7 }]).success).toBe(false);
    expect(ReminderSteps.safeParse([]).success).toBe(false);
    expect(ReminderSteps.safeParse([{ offsetDays: 366 }]).success).toBe(false);
    expect(ReminderSteps.safeParse([{ offsetDays: 1.5 }]).success).toBe(false);
  });

  it('gives the evaluation loop ascending offsets', () => {
    expect([...stepOffsets([{ offsetDays: 30 }, { offsetDays: -3 }, { offsetDays: 7 }])]).toEqual([-3, 7, 30]);
  });

  it.each([
    [-3, 'beforeDue'],
    [0, 'beforeDue'],
    [1, 'afterDue'],
  ] as const)('a step at %i uses the %s template', (offset, kind) => {
    expect(stepKind(offset)).toBe(kind);
  });
});
