import { Fragment, useId } from 'react';
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

/**
 * The first rows as the mapping reads them. A row's problems go on a line of their own under
 * it, across the whole table, so they are seen however wide the file is.
 */
export function PreviewTable({ columns, rows, problems, checked }: Props) {
  const id = useId();
  return (
    <div className="import-table-wrap">
      <table className="import-preview">
        <caption>
          The first {rows.length} rows, as they will be read{checked ? '' : ' (choose the date format to check them)'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
                <span className="import-source">{c.source}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const found = checked ? (problems.get(r.line) ?? []) : [];
            const problemId = `${id}-${r.line}`;
            return (
              <Fragment key={r.line}>
                <tr className={found.length > 0 ? 'import-row-bad' : undefined} aria-describedby={found.length > 0 ? problemId : undefined}>
                  <th scope="row" className="num">
                    {r.line}
                  </th>
                  {columns.map((c) => (
                    <td key={c.label}>{r.cells[c.column] ?? ''}</td>
                  ))}
                </tr>
                {found.length > 0 ? (
                  <tr className="import-row-problems">
                    <td colSpan={columns.length + 1} id={problemId}>
                      <span className="visually-hidden">Problems in row {r.line}: </span>
                      <ul className="import-problems">
                        {found.map((e, i) => (
                          <li key={i}>
                            <strong>{e.column}:</strong> {e.message}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
