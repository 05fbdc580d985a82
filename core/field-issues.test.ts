import { describe, expect, it } from 'vitest';
import { withoutIssue } from './field-issues';

describe('withoutIssue', () => {
  const issues = [
    { path: ['number'], message: 'Enter an invoice number' },
    { path: ['scores', 'respect'], message: 'Choose a score' },
    { path: ['scores', 'overall'], message: 'Choose a score' },
  ];

  it('drops only the exact field', () => {
    expect(withoutIssue(issues, 'scores', 'respect').map((i) => i.path.join('.'))).toEqual(['number', 'scores.overall']);
    expect(withoutIssue(issues, 'scores')).toHaveLength(3);
    expect(withoutIssue(issues, 'number')).toHaveLength(2);
  });
});
