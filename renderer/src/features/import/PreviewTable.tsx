import type { RowError } from '@core/csv-import';

export interface PreviewColumn {
  /** The book's field, e.g. "Issue date". */
  label: string;
  /** The file's column it is read from. */
  column: number;
  source: string;
}

export interface PreviewRow {
  line: number;
  cells: readonly string[];
}

interface Props {
  columns: readonly PreviewColumn[];
  rows: readonly PreviewRow[];
  problems: ReadonlyMap<number, readonly RowError[]>;
  /** False while the date format is not chosen: the rows cannot be checked yet. */
  checked: boolean;
}

/** The first rows as the mapping reads them, each with its problems, before anything is written. */
export function PreviewTable({ columns, rows, problems, checked }: Props) {
  return (
    <div className="import-table-wrap">
      <table className="import-preview">
        <caption>The first {rows.length} rows, as they will be read</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
                <span className="import-source">{c.source}</span>
              </th>
            ))}
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const found = problems.get(r.line) ?? [];
            return (
              <tr key={r.line} className={found.length > 0 ? 'import-row-bad' : undefined}>
                <th scope="row" className="num">
                  {r.line}
                </th>
                {columns.map((c) => (
                  <td key={c.label}>{r.cells[c.column] ?? ''}</td>
                ))}
                <td>
                  {!checked ? (
                    <span className="muted">Choose the date format to check</span>
                  ) : found.length === 0 ? (
                    <span className="import-ok">OK</span>
                  ) : (
                    <ul className="import-problems">
                      {found.map((e, i) => (
                        <li key={i}>
                          <strong>{e.column}:</strong> {e.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
