import { useLiveQuery } from 'dexie-react-hooks';
import { useBook } from '../../app/book-context';
import { Link } from '../../app/router';
import { getCustomer } from '../../db/customers-repo';
import { invoicesOfCustomer } from '../../db/invoices-repo';
import { day, money } from '../../ui/format';
import { addressLines, statementRows, statementTotals } from './statement';
import './chase.css';

/**
 * A printable statement of everything a customer has open today. The app's header, the
 * buttons and anything marked `no-print` are hidden on paper (chase.css).
 */
export function StatementScreen({ customerId }: { customerId: string }) {
  const { db, profile, today } = useBook();
  const customer = useLiveQuery(() => getCustomer(db, customerId).then((c) => c ?? null), [db, customerId]);
  const invoices = useLiveQuery(() => invoicesOfCustomer(db, customerId), [db, customerId]);

  if (customer === undefined || invoices === undefined) return <p className="loading">Loading…</p>;
  if (customer === null)
    return (
      <p>
        This customer does not exist (any more). <Link to="/chase">Back to Chase</Link>
      </p>
    );

  const { locale } = profile;
  const rows = statementRows(invoices, today);
  const totals = statementTotals(rows, profile.currency);
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const address = addressLines(customer.address, profile.country, (code) => regions.of(code) ?? code);

  return (
    <article className="statement-sheet" aria-labelledby="statement-title">
      <div className="toolbar no-print" role="toolbar" aria-label="Statement actions">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
        <Link className="button" to={`/customers/${customer.id}`}>
          Back to customer
        </Link>
        <Link className="button" to="/chase">
          Back to Chase
        </Link>
      </div>

      <header className="statement-head">
        <div>
          <p className="statement-business">{profile.name}</p>
          <h1 id="statement-title">Statement of account</h1>
          <p>
            Date: <time dateTime={today}>{day(today, locale)}</time>
          </p>
        </div>
        <address className="statement-to" aria-label="Customer">
          <strong>{customer.displayName}</strong>
          {customer.company && customer.company !== customer.displayName ? <span>{customer.company}</span> : null}
          {address.map((line, i) => (
            <span key={i}>{line}</span>
          ))}
        </address>
      </header>

      {rows.length === 0 ? (
        <p className="statement-nothing">
          Nothing is open: {customer.displayName} owes nothing on {day(today, locale)}.
        </p>
      ) : (
        <table className="statement-table">
          <caption>Open invoices on {day(today, locale)}</caption>
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">Issued</th>
              <th scope="col">Due</th>
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col" className="num">
                Paid
              </th>
              <th scope="col" className="num">
                Open
              </th>
              <th scope="col" className="num">
                Days late
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.invoiceId}>
                <th scope="row">
                  {r.number}
                  {r.disputed ? <span className="muted"> (in dispute)</span> : null}
                </th>
                <td>{day(r.issueDate, locale)}</td>
                <td>{day(r.dueDate, locale)}</td>
                <td className="num">{money(r.totalMinor, r.currency, locale)}</td>
                <td className="num">{money(r.paidMinor, r.currency, locale)}</td>
                <td className="num">{money(r.openMinor, r.currency, locale)}</td>
                <td className="num">{r.daysLate > 0 ? r.daysLate : '—'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {totals.map(([currency, minor]) => (
              <tr key={currency} className="statement-total">
                <th scope="row" colSpan={5}>
                  Total owed{totals.length > 1 ? ` in ${currency}` : ''}
                </th>
                <td className="num">{money(minor, currency, locale)}</td>
                <td />
              </tr>
            ))}
          </tfoot>
        </table>
      )}
      <p className="statement-foot muted">Paid includes payments and credit notes. Days late are counted to {day(today, locale)}.</p>
    </article>
  );
}
