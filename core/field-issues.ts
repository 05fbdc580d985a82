import type { z } from 'zod';

/**
 * A validation problem pointed at a form field, so the form can keep what was typed and put
 * the message next to the right input.
 */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
}

/** The first message for a field path like ['phones', 0], for showing beside that input. */
export function issueAt(issues: readonly FieldIssue[], ...path: (string | number)[]): string | undefined {
  return issues.find((i) => i.path.length === path.length && i.path.every((p, k) => p === path[k]))?.message;
}

/**
 * The issues without those at one field: once a person edits a field its old message is
 * about text that is gone, so it goes too. The other fields keep theirs until the next save.
 */
export function withoutIssue(issues: readonly FieldIssue[], ...path: (string | number)[]): FieldIssue[] {
  return issues.filter((i) => !(i.path.length === path.length && i.path.every((p, k) => p === path[k])));
}
