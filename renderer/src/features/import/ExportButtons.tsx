import { useState } from 'react';
import { useBook } from '../../app/book-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { downloadText } from './download';
import { agingCsv, invoicesCsv, loadBookForExport } from './export-csv';

type Make = typeof invoicesCsv;

/** A button that reads the whole book, makes a CSV and downloads it, saying so while it works. */
function ExportButton({ label, file, make }: { label: string; file: string; make: Make }) {
  const { db, today } = useBook();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      const { invoices, customerNames } = await loadBookForExport(db);
      downloadText(`${file}-${today}.csv`, make(invoices, customerNames, today));
    } catch (e) {
      setError(e instanceof Error ? new Error(`The export could not be made: ${e.message}`) : e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        {busy ? 'Preparing…' : label}
      </button>
      <ErrorNotice error={error} />
    </>
  );
}

/** Every invoice with its paid amount, open balance, status and days late, as CSV. */
export function ExportInvoicesButton() {
  return <ExportButton label="Export invoices (CSV)" file="invoices" make={invoicesCsv} />;
}

/** Each customer's open balances in the five aging buckets on today's date, as CSV. */
export function ExportAgingButton() {
  return <ExportButton label="Export aging report (CSV)" file="aging" make={agingCsv} />;
}
