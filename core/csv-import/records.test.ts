import { describe, expect, it } from 'vitest';
import { columnName, countDataRows, recordLines, sortRowErrors } from './records';

describe('recordLines', () => {
  it('starts each record on its line, counting line breaks inside quoted cells', () => {
    expect(recordLines([['h'], ['a'], [''], ['b\nc', 'd\r\ne'], ['f']])).toEqual([1, 2, 3, 4, 7]);
  });
});

describe('countDataRows', () => {
  it('counts non-blank records after the header', () => {
    expect(countDataRows([['h'], ['a'], ['', '  '], ['b']])).toBe(2);
    expect(countDataRows([])).toBe(0);
  });
});

describe('columnName', () => {
  it('names a column by its header, or by the field and position when it has none', () => {
    expect(columnName(['Total'], 0, 'Amount')).toBe('Total');
    expect(columnName([' '], 0, 'Amount')).toBe('Amount (column 1)');
    expect(columnName(['Total'], null, 'Amount')).toBe('Amount');
  });
});

describe('sortRowErrors', () => {
  it('orders by row and keeps the order of discovery within a row', () => {
    const e = (row: number, message: string) => ({ row, column: 'c', message });
    expect(sortRowErrors([e(5, 'a'), e(2, 'b'), e(5, 'c'), e(2, 'd')]).map((x) => x.message)).toEqual(['b', 'd', 'a', 'c']);
  });
});
