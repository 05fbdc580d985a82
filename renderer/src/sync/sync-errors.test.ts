import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay';
import { classifySyncError } from './sync-errors';

describe('classifySyncError', () => {
  it('reads tRPC client errors by their code, and no answer as offline', () => {
    expect(classifySyncError({ name: 'TRPCClientError', message: 'gap', data: { code: 'CONFLICT' } })).toBe('conflict');
    expect(classifySyncError({ name: 'TRPCClientError', message: 'no', data: { code: 'FORBIDDEN' } })).toBe('refused');
    expect(classifySyncError({ name: 'TRPCClientError', message: 'fetch failed' })).toBe('offline');
    expect(classifySyncError(new TypeError('fetch failed'))).toBe('offline');
    expect(classifySyncError(new Error('IndexedDB is broken'))).toBe('refused');
    expect(classifySyncError('weird')).toBe('refused');
  });
});

describe('retryDelayMs', () => {
  it('starts at 1 s and doubles up to 60 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 100].map((n) => retryDelayMs(n))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(retryDelayMs(0)).toBe(0);
  });
});
