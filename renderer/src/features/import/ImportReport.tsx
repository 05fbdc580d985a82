import { downloadText } from './download';
import { problemsCsv } from './export-csv';
import { distinctRows, type ImportResult } from './import-result';

/** Problems shown on screen; the download holds them all. */
const SHOWN = 500;

/** What an import did: the counts, and every row left out with its line, column and reason. */
export function ImportReport({ result, locale, fileName }: { result: ImportResult; locale: string; fileName: string }) {
  const n = (x: number) => new Intl.NumberFormat(locale).format(x);
  const things = result.kind === 'invoices' ? 'invoices' : 'payments';
  const nothing = !result.written && result.errors.length > 0 && result.mode === 'all-or-nothing';
  const bad = distinctRows(result.errors);
  return (
    <section className="import-report" aria-labelledby="import-report-title" aria-live="polite">
      <h2 id="import-report-title">{nothing ? 'Nothing was imported' : result.stopped ? 'The import stopped' : 'Import finished'}</h2>
      {nothing ? (
        <p className="error-notice">
          {bad === 0
            ? 'The file cannot be read with these choices (see below), so nothing was written.'
            : `${n(bad)} ${bad === 1 ? 'row has' : 'rows have'} problems, so nothing was written. Fix them in the file, or choose “Skip rows with problems”.`}
        </p>
      ) : null}
      {result.stopped ? <p className="error-notice">{result.stopped}</p> : null}
      <dl className="import-counts">
        <div>
          <dt>Created</dt>
          <dd>{n(result.created)}</dd>
        </div>
        {result.kind === 'invoices' ? (
          <div>
            <dt>Updated</dt>
            <dd>{n(result.updated)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Unchanged</dt>
          <dd>{n(result.unchanged)}</dd>
        </div>
        <div>
          <dt>Rows skipped</dt>
          <dd>{n(result.skippedRows)}</dd>
        </div>
        {result.kind === 'invoices' ? (
          <div>
            <dt>New customers</dt>
            <dd>{n(result.customersCreated)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="import-summary">
        {n(result.created)} {things} created, {n(result.updated)} updated, {n(result.unchanged)} unchanged, {n(result.skippedRows)}{' '}
        {result.skippedRows === 1 ? 'row' : 'rows'} skipped.
      </p>
      {result.errors.length > 0 ? (
        <>
          <div className="toolbar">
            <button type="button" onClick={() => downloadText(`problems-${fileName.replace(/\.[^.]*$/, '')}.csv`, problemsCsv(result.errors))}>
              Download the problems (CSV)
            </button>
            {result.errors.length > SHOWN ? (
              <span className="muted">
                The first {n(SHOWN)} of {n(result.errors.length)} problems are shown; the download has them all.
              </span>
            ) : null}
          </div>
          <div className="import-table-wrap">
            <table className="import-errors">
              <caption>Rows with problems</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.slice(0, SHOWN).map((e, i) => (
                  <tr key={i}>
                    <td className="num">{e.row}</td>
                    <td>{e.column}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
