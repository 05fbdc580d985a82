import type { ImportKind, RowError } from '@core/csv-import';
import type { ImportProgress } from '../../db/import-records';
import type { WriteContext } from '../../db/write-context';

/**
 * - all-or-nothing: any row with a problem and nothing is written; otherwise everything is
 *   written in one IndexedDB transaction, so a failure half-way (a full disk) leaves the book
 *   as it was;
 * - skip-bad-rows: rows with problems are reported and left out; the rest is written in
 *   chunks, one transaction each, so a long import keeps the screen responsive.
 *
 * Either way the book is read first and every outcome decided in memory, yielding to the
 * browser now and then; the writes then check that what was read has not changed meanwhile
 * (an invoice edited in another part of the app during a long import).
 */
export type ImportMode = 'all-or-nothing' | 'skip-bad-rows';

export interface ApplyOptions {
  readonly mode: ImportMode;
  readonly ctx: WriteContext;
  /** Invoices (or invoices with new payments) per bulkPut; a few thousand keeps bulkPut at full speed. */
  readonly chunkSize?: number;
}

/**
 * Rows done of the rows in the file. While `stage` is 'checking' the file is being compared
 * with the book and nothing is done yet; 'writing' moves `done` chunk by chunk.
 */
export interface ImportStepProgress extends ImportProgress {
  readonly stage: 'checking' | 'writing';
}

export type ProgressListener = (progress: ImportStepProgress) => void;

export interface ImportResult {
  readonly kind: ImportKind;
  readonly mode: ImportMode;
  /** False when nothing was written (an all-or-nothing import with problems, or a failed write). */
  readonly written: boolean;
  /** Rows after the header that hold anything. */
  readonly rows: number;
  /** Invoices (or payments) added to the book. */
  readonly created: number;
  /** Existing invoices whose imported fields differed from the file (never for payments). */
  readonly updated: number;
  /** Invoices (or payments) already in the book exactly as the file has them. */
  readonly unchanged: number;
  /** Rows not imported: those with a problem (all rows, when nothing was written). */
  readonly skippedRows: number;
  readonly customersCreated: number;
  readonly errors: readonly RowError[];
  /** Why writing stopped early (a full disk…), or null. Rows written before it stay written in skip mode. */
  readonly stopped: string | null;
}

export const DEFAULT_CHUNK_SIZE = 5000;

export function distinctRows(errors: readonly RowError[]): number {
  return new Set(errors.map((e) => e.row).filter((r) => r > 1)).size;
}

/** Work between two yields to the browser while deciding outcomes: well under a frame's worth. */
export const DECIDE_SLICE = 2000;

/** Lets the browser paint the progress bar and handle input between two chunks. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
