import type { Table } from 'dexie';
import type { z } from 'zod';
import { issuesOf } from '@core/field-issues';
import { guardedWrite } from './write-error';

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportReport {
  imported: number;
  /** Records that failed validation, by their position in the input (0-based). */
  rejected: { index: number; issues: string[] }[];
}

/**
 * The book's import path for whole records (sample data now; CSV import and sync later):
 * validates every record, derives its row (index keys), and stores the rows in chunks, one
 * transaction per chunk. A bad record is reported by position and skipped, never half-written.
 * Chunks keep the progress bar moving without giving up bulkPut's speed.
 */
export async function importRecords<S extends z.ZodType, Row>(
  what: string,
  table: Table<Row, string>,
  schema: S,
  toRow: (record: z.infer<S>) => Row,
  records: readonly unknown[],
  opts: { chunkSize?: number; onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportReport> {
  const chunkSize = opts.chunkSize ?? 2000;
  const report: ImportReport = { imported: 0, rejected: [] };
  for (let start = 0; start < records.length; start += chunkSize) {
    const end = Math.min(start + chunkSize, records.length);
    const rows: Row[] = [];
    for (let i = start; i < end; i++) {
      const parsed = schema.safeParse(records[i]);
      if (parsed.success) rows.push(toRow(parsed.data));
      else report.rejected.push({ index: i, issues: issuesOf(parsed.error).map((x) => `${x.path.join('.')}: ${x.message}`) });
    }
    await guardedWrite(what, () => table.bulkPut(rows));
    report.imported += rows.length;
    opts.onProgress?.({ done: end, total: records.length });
  }
  return report;
}
