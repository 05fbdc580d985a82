import { INVOICE_FIELD_INFO, INVOICE_FIELDS, isBlankRecord, PAYMENT_FIELD_INFO, PAYMENT_FIELDS, recordLines, type CsvRecords, type FieldInfo, type RowError } from '@core/csv-import';
import type { ImportSettings } from './import-settings';
import type { PreviewColumn, PreviewRow } from './PreviewTable';

export const PREVIEW_ROWS = 10;

/** The first `count` rows that hold anything, with their line in the file. */
export function previewRows(records: CsvRecords, count = PREVIEW_ROWS): PreviewRow[] {
  const rows: PreviewRow[] = [];
  // Line numbers of the first records only: recordLines on a slice, not the whole file.
  const head = records.slice(0, Math.min(records.length, 1 + count * 4));
  const lines = recordLines(head);
  for (let i = 1; i < head.length && rows.length < count; i++) {
    const r = head[i] ?? [];
    if (!isBlankRecord(r)) rows.push({ line: lines[i] ?? i + 1, cells: r });
  }
  return rows;
}

/** The mapped fields in the book's order, each with the file column it reads. */
export function previewColumns(header: readonly string[], s: ImportSettings): PreviewColumn[] {
  const fields: readonly string[] = s.kind === 'invoices' ? INVOICE_FIELDS : PAYMENT_FIELDS;
  const info: Readonly<Record<string, FieldInfo>> = s.kind === 'invoices' ? INVOICE_FIELD_INFO : PAYMENT_FIELD_INFO;
  const mapping: Readonly<Record<string, number | null>> = s.kind === 'invoices' ? s.invoiceMapping : s.paymentMapping;
  const out: PreviewColumn[] = [];
  for (const f of fields) {
    const column = mapping[f] ?? null;
    const label = info[f]?.label;
    if (column === null || label === undefined) continue;
    const source = header[column]?.trim() || `Column ${column + 1}`;
    out.push({ label, column, source });
  }
  return out;
}

/** Problems by row, for the rows shown. */
export function problemsByRow(errors: readonly RowError[], rows: readonly PreviewRow[]): Map<number, RowError[]> {
  const wanted = new Set(rows.map((r) => r.line));
  const map = new Map<number, RowError[]>();
  for (const e of errors) {
    if (!wanted.has(e.row)) continue;
    const list = map.get(e.row);
    if (list) list.push(e);
    else map.set(e.row, [e]);
  }
  return map;
}

/** Problems with the mapping itself (reported against the header), by field label. */
export function mappingProblems(errors: readonly RowError[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of errors) if (e.row === 1 && !map.has(e.column)) map.set(e.column, e.message);
  return map;
}
