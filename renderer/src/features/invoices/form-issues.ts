import type { FieldIssue } from '@core/field-issues';

/**
 * The issues without those at one field: once a person edits a field its old message is
 * about text that is gone, so it goes too. The other fields keep theirs until the next save.
 */
export function withoutIssue(issues: readonly FieldIssue[], ...path: (string | number)[]): FieldIssue[] {
  return issues.filter((i) => !(i.path.length === path.length && i.path.every((p, k) => p === path[k])));
}
