import { describe, expect, it } from 'vitest';
import { formatScore, isWideSpread, scoreBarPercent, scoreTone } from './score-format';

describe('formatScore', () => {
  it('shows one decimal in the locale, and a dash for nothing', () => {
    expect(formatScore(3.75, 'en-GB')).toBe('3.8');
    expect(formatScore(4, 'en-GB')).toBe('4.0');
    expect(formatScore(2.25, 'de-DE')).toMatch(/^2,[23]$/);
    expect(formatScore(null, 'en-GB')).toBe('—');
  });
});

describe('scoreBarPercent', () => {
  it('maps 1–5 onto 20–100 and clamps', () => {
    expect(scoreBarPercent(1)).toBe(20);
    expect(scoreBarPercent(5)).toBe(100);
    expect(scoreBarPercent(3.5)).toBe(70);
    expect(scoreBarPercent(9)).toBe(100);
  });
});

describe('scoreTone', () => {
  it('splits at 2.5 and 3.5', () => {
    expect(scoreTone(2.4)).toBe('low');
    expect(scoreTone(2.5)).toBe('mid');
    expect(scoreTone(3.49)).toBe('mid');
    expect(scoreTone(3.5)).toBe('high');
  });
});

describe('isWideSpread', () => {
  it('flags two points or more', () => {
    expect(isWideSpread(null)).toBe(false);
    expect(isWideSpread(1)).toBe(false);
    expect(isWideSpread(2)).toBe(true);
    expect(isWideSpread(4)).toBe(true);
  });
});
