import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomically } from '../settings-store';

/**
 * One JSON file of the watch, read and written the way settings.json is (settings-store.ts):
 * - reading never throws: a missing file is null; a file that is not JSON or does not match
 *   its schema is copied to `<file>.bad`, reported, and read as null, so one bad byte cannot
 *   stop the app, and the evidence is kept for a person to look at;
 * - writing is atomic (temp file, fsync, rename), so a crash leaves the old file or the new.
 *
 * If the bad copy could not be made, the file is marked not to be overwritten this run:
 * replacing it would lose the only copy of what was there.
 */

export type JsonFileProblem =
  | { kind: 'invalid-file'; file: string; backup: string | null; detail: string }
  | { kind: 'unreadable-file'; file: string; detail: string }
  | { kind: 'write-failed'; file: string; detail: string }
  | { kind: 'write-refused'; file: string; detail: string };

export interface JsonFile<T> {
  readonly path: string;
  read(): Promise<T | null>;
  write(value: unknown): Promise<void>;
}

export function jsonFile<T>(path: string, schema: z.ZodType<T>, report: (problem: JsonFileProblem) => void): JsonFile<T> {
  let keep = false;

  async function read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return null;
      keep = true;
      report({ kind: 'unreadable-file', file: path, detail: describe(error) });
      return null;
    }
    const detail = problemWith(text, schema);
    if (detail.ok) return detail.value;
    const backup = `${path}.bad`;
    try {
      await copyFile(path, backup);
      report({ kind: 'invalid-file', file: path, backup, detail: detail.detail });
    } catch (error) {
      keep = true;
      report({ kind: 'invalid-file', file: path, backup: null, detail: `${detail.detail}; no copy kept: ${describe(error)}` });
    }
    return null;
  }

  async function write(value: unknown): Promise<void> {
    if (keep) throw new JsonFileRefused(path);
    await mkdir(dirname(path), { recursive: true });
    // Compact: the mirror can hold a million rows, and nobody edits these files by hand.
    await writeFileAtomically(path, `${JSON.stringify(value)}\n`);
  }

  return { path, read, write };
}

/** Thrown by `write` on a file whose bad contents could not be copied aside. */
export class JsonFileRefused extends Error {
  constructor(readonly file: string) {
    super(`not overwriting ${file}: its unreadable contents could not be copied aside`);
    this.name = 'JsonFileRefused';
  }
}

function problemWith<T>(text: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; detail: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, detail: `not JSON: ${describe(error)}` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  // Paths and messages only: the values may be customers' names or emails, which stay out of logs.
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  if (parsed.error.issues.length > 5) issues.push(`… ${parsed.error.issues.length - 5} more`);
  return { ok: false, detail: issues.join('; ') };
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && (error as NodeJS.ErrnoException).code === code;
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
