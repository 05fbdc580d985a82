import type { z } from 'zod';

/**
 * Every row read back from IndexedDB is parsed before use: a row written by an older build,
 * a half-finished migration or a hand edit must not reach the screens as a silent `undefined`.
 * A bad row is reported (table, id, what is wrong) and left out, so one broken customer never
 * blanks the whole list.
 */
export interface RowProblem {
  table: string;
  id: string;
  issues: string[];
}

type Listener = (problems: readonly RowProblem[]) => void;

const problems = new Map<string, RowProblem>();
const listeners = new Set<Listener>();

export function reportRowProblem(problem: RowProblem): void {
  const key = `${problem.table}/${problem.id}`;
  if (problems.has(key)) return;
  problems.set(key, problem);
  // Ids only: row contents may hold personal data and never go to the console.
  console.error(`Rateback: row ${problem.id} in table "${problem.table}" failed validation`);
  const snapshot = [...problems.values()];
  for (const l of listeners) l(snapshot);
}

export function subscribeRowProblems(listener: Listener): () => void {
  listeners.add(listener);
  listener([...problems.values()]);
  return () => listeners.delete(listener);
}

export function clearRowProblems(): void {
  problems.clear();
  for (const l of listeners) l([]);
}

function idOf(row: unknown): string {
  if (typeof row === 'object' && row !== null && 'id' in row) return String((row as { id: unknown }).id);
  if (typeof row === 'object' && row !== null && 'key' in row) return String((row as { key: unknown }).key);
  return '(no id)';
}

function describe(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`);
}

/** Parses one row; returns undefined (and reports it) when it does not match its schema. */
export function parseRow<S extends z.ZodType>(table: string, schema: S, row: unknown): z.infer<S> | undefined {
  if (row === undefined) return undefined;
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  reportRowProblem({ table, id: idOf(row), issues: describe(parsed.error) });
  return undefined;
}

/** Parses many rows, keeping the good ones in order. */
export function parseRows<S extends z.ZodType>(table: string, schema: S, rows: readonly unknown[]): z.infer<S>[] {
  const out: z.infer<S>[] = [];
  for (const row of rows) {
    const value = parseRow(table, schema, row);
    if (value !== undefined) out.push(value);
  }
  return out;
}
