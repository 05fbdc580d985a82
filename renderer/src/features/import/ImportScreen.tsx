import { useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { countDataRows, type DateFormat, type ImportKind, type InvoiceMapping, type PaymentMapping } from '@core/csv-import';
import { useBook } from '../../app/book-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ExportAgingButton, ExportInvoicesButton } from './ExportButtons';
import { applyFilePlan, planFile, plannedCount } from './file-plan';
import { ImportReport } from './ImportReport';
import { distinctRows, type ImportMode, type ImportResult, type ImportStepProgress } from './import-result';
import { amountKindFor, changeSettings, guessSettings, type ImportSettings } from './import-settings';
import { MappingFields } from './MappingFields';
import { parseCsvText, type ParsedCsv } from './parse-csv';
import { PreviewTable } from './PreviewTable';
import { mappingProblems, previewColumns, previewRows, problemsByRow } from './preview-rows';
import { ReadingFields } from './ReadingFields';
import { readCsvFile } from './read-file';
import './import.css';

interface LoadedFile {
  name: string;
  csv: ParsedCsv;
  rows: number;
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

/**
 * CSV import of invoices or payments exported by an accounting tool: choose the file, say
 * what it holds, check the column mapping and how dates and amounts are written against a
 * preview, choose what happens to rows with problems, import, and read the report. Every
 * choice stays as it was when something fails, so the person fixes one thing and tries again.
 */
export function ImportScreen() {
  const { db, profile, today, write } = useBook();
  const fileInputId = useId();
  const progressId = useId();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<unknown>(null);
  const [settings, setSettings] = useState<ImportSettings | null>(null);
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<ImportStepProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [runError, setRunError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const reportRef = useRef<HTMLDivElement>(null);
  const readingRef = useRef<HTMLDivElement>(null);

  const n = (x: number) => new Intl.NumberFormat(profile.locale).format(x);
  const plan = useMemo(
    () => (file && settings ? planFile(file.csv, settings, profile.currency, today) : null),
    [file, settings, profile.currency, today],
  );
  const header = file?.csv.records[0] ?? [];
  const preview = useMemo(() => (file ? previewRows(file.csv.records) : []), [file]);

  async function chooseFile(e: ChangeEvent<HTMLInputElement>) {
    const chosen = e.target.files?.[0];
    if (!chosen) return;
    setReading(true);
    setReadError(null);
    setResult(null);
    setRunError(null);
    setProgress(null);
    setDateError(undefined);
    try {
      const csv = parseCsvText(await readCsvFile(chosen));
      setFile({ name: chosen.name, csv, rows: countDataRows(csv.records) });
      setSettings(guessSettings(csv.records, settings?.kind ?? 'invoices', profile.locale));
    } catch (error) {
      setReadError(new Error(`"${chosen.name}" could not be read as a CSV file (${error instanceof Error ? error.message : String(error)})`));
    } finally {
      setReading(false);
    }
  }

  function change(patch: Parameters<typeof changeSettings>[2]) {
    if (!file || !settings) return;
    setSettings(changeSettings(file.csv.records, settings, patch, profile.locale));
    setResult(null);
  }

  function changeColumn(field: string, column: number | null) {
    if (!settings) return;
    if (settings.kind === 'invoices') {
      const invoiceMapping: InvoiceMapping = { ...settings.invoiceMapping, [field]: column };
      change(field === 'amount' ? { invoiceMapping, amountIs: amountKindFor(header, invoiceMapping) } : { invoiceMapping });
    } else {
      const paymentMapping: PaymentMapping = { ...settings.paymentMapping, [field]: column };
      change({ paymentMapping });
    }
  }

  function setReadingChoice(patch: Partial<Pick<ImportSettings, 'decimalStyle' | 'amountIs'>> | { dateFormat: DateFormat }) {
    if (!settings) return;
    if ('dateFormat' in patch) setDateError(undefined);
    setSettings({ ...settings, ...patch });
    setResult(null);
  }

  async function runImport() {
    if (!settings || !file) return;
    if (!plan) {
      setDateError('Choose how the dates are written before importing');
      readingRef.current?.querySelector('select')?.focus();
      return;
    }
    setResult(null);
    setRunError(null);
    setRunning(true);
    setProgress({ done: 0, total: plan.plan.rows, stage: 'checking' });
    try {
      const r = await applyFilePlan(db, plan, { mode, ctx: write }, setProgress);
      // Refused before anything was written: a bar stuck at "checking" would only confuse.
      if (!r.written && r.created + r.updated === 0) setProgress((p) => (p?.stage === 'checking' ? null : p));
      setResult(r);
      requestAnimationFrame(() => reportRef.current?.scrollIntoView({ block: 'start' }));
    } catch (error) {
      setRunError(error);
    } finally {
      setRunning(false);
    }
  }

  const kind: ImportKind = settings?.kind ?? 'invoices';
  const columnProblems = mappingProblems(plan?.plan.errors ?? []);
  const badRows = plan ? distinctRows(plan.plan.errors) : 0;

  return (
    <section className="screen import-screen" aria-labelledby="import-title">
      <h1 id="import-title">Import and export</h1>

      <section className="import-step" aria-labelledby="import-file-title">
        <h2 id="import-file-title">1. The file</h2>
        <p className="muted">A CSV file exported by an accounting tool: invoices, or payments against invoices already in the book.</p>
        <div className="field">
          <label htmlFor={fileInputId}>CSV file to import</label>
          <input id={fileInputId} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => void chooseFile(e)} disabled={running} />
        </div>
        {reading ? <p className="muted">Reading the file…</p> : null}
        <ErrorNotice error={readError} />
        {file ? (
          <p className="import-file-facts">
            <strong>{file.name}</strong>: {n(file.rows)} rows, {header.length} columns, separated by {DELIMITER_NAMES[file.csv.delimiter] ?? `"${file.csv.delimiter}"`}.
          </p>
        ) : null}
      </section>

      {file && settings ? (
        <>
          <section className="import-step" aria-labelledby="import-kind-title">
            <h2 id="import-kind-title">2. What it holds and how to read it</h2>
            <fieldset className="import-kind">
              <legend>The file contains</legend>
              {(['invoices', 'payments'] as const).map((k) => (
                <label key={k} className="import-radio">
                  <input type="radio" name="import-kind" value={k} checked={kind === k} onChange={() => change({ kind: k })} disabled={running} />
                  {k === 'invoices' ? 'Invoices' : 'Payments'}
                </label>
              ))}
            </fieldset>
            <MappingFields
              kind={kind}
              header={header}
              mapping={kind === 'invoices' ? settings.invoiceMapping : settings.paymentMapping}
              problems={columnProblems}
              onChange={changeColumn}
              disabled={running}
            />
            <div ref={readingRef}>
              <ReadingFields
              kind={kind}
              dateDetection={settings.dateDetection}
              dateFormat={settings.dateFormat}
              decimalStyle={settings.decimalStyle}
              amountIs={settings.amountIs}
              dateError={dateError}
              onDateFormat={(dateFormat) => setReadingChoice({ dateFormat })}
              onDecimalStyle={(decimalStyle) => setReadingChoice({ decimalStyle })}
              onAmountIs={(amountIs) => setReadingChoice({ amountIs })}
                disabled={running}
              />
            </div>
          </section>

          <section className="import-step" aria-labelledby="import-preview-title">
            <h2 id="import-preview-title">3. Preview</h2>
            {plan && columnProblems.size > 0 ? (
              <p className="import-plan-facts field-error" aria-live="polite">
                Choose the columns marked above; until then nothing can be read.
              </p>
            ) : plan ? (
              <p className="import-plan-facts" aria-live="polite">
                {n(plan.plan.rows)} rows: {n(plannedCount(plan))} {kind === 'invoices' ? 'invoices' : 'payments'} ready,{' '}
                {badRows === 0 ? 'no rows with problems' : `${n(badRows)} ${badRows === 1 ? 'row' : 'rows'} with problems`}. The book is checked for existing
                invoices and customers when you import.
              </p>
            ) : null}
            <PreviewTable columns={previewColumns(header, settings)} rows={preview} problems={problemsByRow(plan?.plan.errors ?? [], preview)} checked={plan !== null} />
          </section>

          <section className="import-step" aria-labelledby="import-run-title">
            <h2 id="import-run-title">4. Import</h2>
            <fieldset className="import-mode">
              <legend>If some rows have problems</legend>
              <label className="import-radio">
                <input type="radio" name="import-mode" value="all-or-nothing" checked={mode === 'all-or-nothing'} onChange={() => setMode('all-or-nothing')} disabled={running} />
                Import nothing if any row has a problem
              </label>
              <label className="import-radio">
                <input type="radio" name="import-mode" value="skip-bad-rows" checked={mode === 'skip-bad-rows'} onChange={() => setMode('skip-bad-rows')} disabled={running} />
                Skip rows with problems
              </label>
            </fieldset>
            <div className="form-actions import-actions">
              <button type="button" className="primary" onClick={() => void runImport()} disabled={running}>
                Import
              </button>
            </div>
            {progress !== null ? (
              <div className="import-progress">
                <label htmlFor={progressId}>
                  {progress.stage === 'checking'
                    ? `Checking ${n(progress.total)} rows against the book…`
                    : `${running ? 'Importing' : 'Imported'}: ${n(progress.done)} of ${n(progress.total)} rows`}
                </label>
                {/* No value while checking: an indeterminate bar, since nothing is done yet. */}
                {progress.stage === 'checking' ? <progress id={progressId} /> : <progress id={progressId} max={Math.max(1, progress.total)} value={progress.done} />}
              </div>
            ) : null}
            <ErrorNotice error={runError} />
            <div ref={reportRef}>{result ? <ImportReport result={result} locale={profile.locale} fileName={file.name} /> : null}</div>
          </section>
        </>
      ) : null}

      <section className="import-step" aria-labelledby="export-title">
        <h2 id="export-title">Export</h2>
        <p className="muted">The whole book as CSV for a spreadsheet or an accountant: amounts as plain decimals, dates as 2025-12-31.</p>
        <div className="toolbar">
          <ExportInvoicesButton />
          <ExportAgingButton />
        </div>
      </section>
    </section>
  );
}
