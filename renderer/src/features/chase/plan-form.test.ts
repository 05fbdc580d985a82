import { describe, expect, it } from 'vitest';
import { parseOffsets, parsePercent, planFormOf, readPlanForm, type PlanForm } from './plan-form';

const base: PlanForm = { steps: '-3, 1, 7, 14, 30', feeKind: 'none', feeAmount: '', feePercent: '', feeRepeat: 'once', feeEveryDays: '30' };

describe('parseOffsets', () => {
  it('reads days in any order, with commas, semicolons or spaces', () => {
    expect(parseOffsets('14, -3;1 7  30')).toEqual({ ok: true, offsets: [-3, 1, 7, 14, 30] });
    expect(parseOffsets('+7, −2')).toEqual({ ok: true, offsets: [-2, 7] });
  });

  it.each([
    ['', 'Give at least one day'],
    ['1, two', '“two” is not a whole number of days'],
    ['1.5', '“1.5” is not a whole number of days'],
    ['7, 7', '7 appears twice'],
    ['-90', '-90 is out of range'],
    ['400', '400 is out of range'],
    ['1 2 3 4 5 6 7 8 9 10 11 12 13', 'At most 12 reminders'],
  ])('refuses %j', (text, message) => {
    const result = parseOffsets(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});

describe('parsePercent', () => {
  it.each([
    ['2.5', 250],
    ['2,5', 250],
    ['1 %', 100],
    ['0.01', 1],
    ['100', 10_000],
  ])('%s → %i basis points', (text, bp) => {
    expect(parsePercent(text)).toEqual({ ok: true, basisPoints: bp });
  });

  it.each(['', '0', '101', '2.555', 'abc', '-1'])('refuses %j', (text) => {
    expect(parsePercent(text).ok).toBe(false);
  });
});

describe('readPlanForm', () => {
  it('reads a plan without a fee', () => {
    expect(readPlanForm(base, 'GBP', 'en-GB')).toEqual({
      ok: true,
      patch: { steps: [-3, 1, 7, 14, 30].map((offsetDays) => ({ offsetDays })), lateFee: null },
    });
  });

  it('reads a fixed fee once, in the business currency and locale', () => {
    const result = readPlanForm({ ...base, feeKind: 'fixed', feeAmount: '25,00' }, 'EUR', 'de-DE');
    expect(result).toEqual({ ok: true, patch: expect.objectContaining({ lateFee: { amount: { kind: 'fixed', amountMinor: 2_500, currency: 'EUR' }, everyDays: null } }) });
  });

  it('reads a percentage charged every N days', () => {
    const result = readPlanForm({ ...base, feeKind: 'percent', feePercent: '1.5', feeRepeat: 'every', feeEveryDays: '30' }, 'GBP', 'en-GB');
    expect(result).toEqual({ ok: true, patch: expect.objectContaining({ lateFee: { amount: { kind: 'percent', basisPoints: 150 }, everyDays: 30 } }) });
  });

  it('reports every problem at its own field', () => {
    const result = readPlanForm({ ...base, steps: '1, 1', feeKind: 'fixed', feeAmount: 'lots', feeRepeat: 'every', feeEveryDays: '0' }, 'GBP', 'en-GB');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['feeAmount', 'feeEveryDays', 'steps']);
  });

  it('ignores the fields of the fee kinds not chosen', () => {
    expect(readPlanForm({ ...base, feeAmount: 'junk', feePercent: 'junk', feeEveryDays: 'junk' }, 'GBP', 'en-GB').ok).toBe(true);
  });
});

describe('planFormOf', () => {
  it('shows a saved plan the way the form reads it back', () => {
    const form = planFormOf({ steps: [{ offsetDays: -3 }, { offsetDays: 7 }], lateFee: { amount: { kind: 'percent', basisPoints: 250 }, everyDays: 14 } }, 'de-DE');
    expect(form).toEqual({ steps: '-3, 7', feeKind: 'percent', feeAmount: '', feePercent: '2,5', feeRepeat: 'every', feeEveryDays: '14' });
    expect(readPlanForm(form, 'EUR', 'de-DE')).toEqual({
      ok: true,
      patch: { steps: [{ offsetDays: -3 }, { offsetDays: 7 }], lateFee: { amount: { kind: 'percent', basisPoints: 250 }, everyDays: 14 } },
    });
  });

  it('writes a fixed fee as a plain decimal', () => {
    const form = planFormOf({ steps: [{ offsetDays: 1 }], lateFee: { amount: { kind: 'fixed', amountMinor: 1_050, currency: 'GBP' }, everyDays: null } }, 'en-GB');
    expect(form).toMatchObject({ feeKind: 'fixed', feeAmount: '10.50', feeRepeat: 'once' });
  });
});
