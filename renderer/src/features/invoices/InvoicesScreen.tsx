import { useBook } from '../../app/book-context';
import { Link, navigate, useRoute } from '../../app/router';
import type { InvoiceFilter } from '../../db/invoices-repo';
import { filterFromParam, INVOICE_FILTERS } from './invoice-list';
import { InvoiceTable } from './InvoiceTable';
import { useInvoiceIds } from './use-invoice-ids';
import './invoices.css';

const EMPTY_TEXT: Record<InvoiceFilter, string> = {
  all: 'No invoices yet.',
  open: 'Nothing is owed: no open invoices.',
  overdue: 'Nothing is overdue.',
  paid: 'No paid invoices yet.',
};

/**
 * Every invoice in the book, filtered (the filter lives in the route, ?filter=overdue, so Back
 * returns to the same list). The list follows the book: a new invoice or a payment anywhere
 * reorders or refilters it without a reload (see use-invoice-ids.ts).
 */
export function InvoicesScreen() {
  const { db, today, profile } = useBook();
  const { params } = useRoute();
  const filter = filterFromParam(params.get('filter'));
  const ids = useInvoiceIds(db, filter, today);
  const label = INVOICE_FILTERS.find((f) => f.value === filter)?.label ?? 'All';
  const count = ids ? new Intl.NumberFormat(profile.locale).format(ids.length) : '';

  return (
    <section className="inv-screen" aria-labelledby="invoices-title">
      <div className="screen-head">
        <h1 id="invoices-title">Invoices</h1>
        <Link to="/invoices/new" className="button primary">
          New invoice
        </Link>
      </div>
      <div className="filters">
        <div role="group" aria-label="Show" className="inv-filter-buttons">
          {INVOICE_FILTERS.map((f) => (
            <button
              key={f.value}
              type="button"
              aria-pressed={f.value === filter}
              onClick={() => navigate(f.value === 'all' ? '/invoices' : `/invoices?filter=${f.value}`)}
            >
              {f.label}
            </button>
          ))}
        </div>
        <p className="inv-count" aria-live="polite">
          {ids === undefined ? 'Loading invoices…' : `${count} ${ids.length === 1 ? 'invoice' : 'invoices'}`}
        </p>
      </div>
      {ids !== undefined && ids.length === 0 ? (
        <p className="inv-empty">{EMPTY_TEXT[filter]}</p>
      ) : ids !== undefined ? (
        <InvoiceTable key={filter} ids={ids} caption={`${label} invoices`} />
      ) : null}
    </section>
  );
}
