import { describe, expect, it } from 'vitest';
import { gapMessage, sequenceMutations } from './mutation-sequence';
import { edit, mutation } from './test-records';

const m = (id: number) => mutation(id, edit('customers', 'c', {}));

describe('sequenceMutations', () => {
  it('skips what the cloud already holds and keeps the rest', () => {
    expect(sequenceMutations([m(3), m(4), m(5)], 4)).toEqual({ kind: 'ok', replayed: 2, fresh: [m(5)] });
    expect(sequenceMutations([m(1), m(2)], 2)).toEqual({ kind: 'ok', replayed: 2, fresh: [] });
  });

  it('refuses a gap and says where to resend from', () => {
    expect(sequenceMutations([m(7), m(8)], 3)).toEqual({ kind: 'gap', expected: 4, first: 7 });
    expect(gapMessage(4, 7)).toBe('The cloud is missing changes 4–6 from this PC; it will resend them (the next change the cloud expects is 4).');
    expect(gapMessage(4, 5)).toMatch(/missing change 4 from this PC; it will resend it/);
  });

  it('refuses mutations out of order', () => {
    expect(sequenceMutations([m(1), m(3)], 0)).toEqual({ kind: 'unordered', at: 3 });
  });
});
