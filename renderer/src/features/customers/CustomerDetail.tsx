import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { INCIDENT_LABELS, POSITIVE_LABELS, CRITERIA, CRITERION_LABELS } from '@core/rating';
import { INVOICE_STATUS_LABELS, invoiceStatus, openBalanceMinor, daysLate } from '@core/invoice-status';
import { PAYMENT_METHOD_LABELS } from '@core/invoice-input';
import { formatPhone } from '@core/identifiers';
import { useBook } from '../../app/book-context';
import { Link, navigate } from '../../app/router';
import { getCustomer } from '../../db/customers-repo';
import { invoicesOfCustomer } from '../../db/invoices-repo';
import { ratingsOfCustomer } from '../../db/ratings-repo';
import { statusHistory } from '../../db/book-meta';
import { StatusBadge, STATUS_LABELS } from '../../ui/StatusBadge';
import { money, day, instant } from '../../ui/format';
import { StatusBanner } from '../counter/StatusBanner';
import { ScoreSummary } from '../ratings/ScoreSummary';
import { StatusDialog } from './StatusDialog';
import { MergeDialog } from './MergeDialog';
import { DeleteCustomerDialog } from './DeleteCustomerDialog';
import { useReportCustomerOpened } from '../watch/watch-status';

/** Everything the book holds about one customer, with the actions a team takes on them. */
export function CustomerDetail({ customerId }: { customerId: string }) {
  const { db, profile, today } = useBook();
  const customer = useLiveQuery(() => getCustomer(db, customerId).then((c) => c ?? null), [db, customerId]);
  const invoices = useLiveQuery(() => invoicesOfCustomer(db, customerId), [db, customerId]);
  const ratings = useLiveQuery(() => ratingsOfCustomer(db, customerId), [db, customerId]);
  const history = useLiveQuery(() => statusHistory(db, customerId), [db, customerId]);
  const [dialog, setDialog] = useState<'status' | 'merge' | 'delete' | null>(null);
  useReportCustomerOpened(customer ?? undefined);

  if (customer === undefined) return <p className="loading">Loading…</p>;
  if (customer === null)
    return (
      <p>
        This customer does not exist (any more). <Link to="/customers">Back to customers</Link>
      </p>
    );

  const { locale } = profile;
  const open = (invoices ?? []).filter((i) => openBalanceMinor(i) > 0);
  const owed = open.filter((i) => i.currency === profile.currency).reduce((s, i) => s + openBalanceMinor(i), 0);
  const payments = (invoices ?? [])
    .flatMap((inv) => inv.payments.map((p) => ({ ...p, invoice: inv })))
    .sort((a, b) => b.date.localeCompare(a.date));

  return (
    <article className="customer-detail">
      <div className="screen-head">
        <h1>{customer.displayName}</h1>
        <StatusBadge status={customer.status.value} />
      </div>
      <StatusBanner customer={customer} locale={locale} />
      <div className="toolbar" role="toolbar" aria-label="Customer actions">
        <button type="button" onClick={() => navigate(`/customers/${customer.id}/rate`)}>
          Rate
        </button>
        <button type="button" onClick={() => navigate(`/invoices/new?customer=${customer.id}`)}>
          New invoice
        </button>
        <button type="button" onClick={() => setDialog('status')}>
          Set status
        </button>
        <button type="button" onClick={() => navigate(`/customers/${customer.id}/edit`)}>
          Edit
        </button>
        <button type="button" onClick={() => setDialog('merge')}>
          Merge a duplicate…
        </button>
        <button type="button" className="danger" onClick={() => setDialog('delete')}>
          Delete…
        </button>
      </div>

      <section className="detail-grid" aria-label="Contact details">
        <dl>
          {customer.company ? <><dt>Company</dt><dd>{customer.company}</dd></> : null}
          <dt>Phone</dt>
          <dd>{customer.phones.map((p) => formatPhone(p, profile.country)).join(', ') || '—'}</dd>
          <dt>E-mail</dt>
          <dd>{customer.emails.join(', ') || '—'}</dd>
          {customer.taxId ? <><dt>Tax / VAT id</dt><dd>{customer.taxId}</dd></> : null}
          <dt>Address</dt>
          <dd>
            {[customer.address.line1, customer.address.line2, customer.address.city, customer.address.postcode, customer.address.region, customer.address.country]
              .filter(Boolean)
              .join(', ') || '—'}
          </dd>
          {customer.tags.length ? <><dt>Tags</dt><dd>{customer.tags.join(', ')}</dd></> : null}
          <dt>Owes</dt>
          <dd>{money(owed, profile.currency, locale)} on {open.length} open {open.length === 1 ? 'invoice' : 'invoices'}</dd>
          <dt>Customer since</dt>
          <dd>{day(customer.createdAt.slice(0, 10), locale)}</dd>
        </dl>
        {customer.notes ? <p className="notes">{customer.notes}</p> : null}
      </section>

      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">Scores</h2>
        {ratings ? <ScoreSummary ratings={ratings} /> : null}
      </section>

      <section aria-labelledby="invoices-heading">
        <h2 id="invoices-heading">Invoices</h2>
        {invoices && invoices.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th>Number</th><th>Issued</th><th>Due</th><th className="num">Total</th><th className="num">Open</th><th>Status</th>
              </tr>
            </thead>
            <tbody>
              {invoices.map((inv) => {
                const status = invoiceStatus(inv, today);
                const late = daysLate(inv, today);
                return (
                  <tr key={inv.id}>
                    <td><Link to={`/invoices/${inv.id}`}>{inv.number}</Link></td>
                    <td>{day(inv.issueDate, locale)}</td>
                    <td>{day(inv.dueDate, locale)}</td>
                    <td className="num">{money(inv.totalMinor, inv.currency, locale)}</td>
                    <td className="num">{money(openBalanceMinor(inv), inv.currency, locale)}</td>
                    <td><span className={`pill pill-${status}`}>{INVOICE_STATUS_LABELS[status]}{late > 0 ? ` · ${late} d` : ''}</span></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p className="muted">No invoices yet.</p>
        )}
      </section>

      <section aria-labelledby="payments-heading">
        <h2 id="payments-heading">Payments</h2>
        {payments.length > 0 ? (
          <table>
            <thead>
              <tr><th>Date</th><th>Invoice</th><th className="num">Amount</th><th>Method</th><th>Recorded by</th></tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <tr key={p.id}>
                  <td>{day(p.date, locale)}</td>
                  <td><Link to={`/invoices/${p.invoice.id}`}>{p.invoice.number}</Link></td>
                  <td className="num">{money(p.amountMinor, p.invoice.currency, locale)}</td>
                  <td>{PAYMENT_METHOD_LABELS[p.method]}</td>
                  <td>{p.recordedBy || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No payments recorded.</p>
        )}
      </section>

      <section aria-labelledby="ratings-heading">
        <h2 id="ratings-heading">Ratings</h2>
        {ratings && ratings.length > 0 ? (
          <ul className="rating-list">
            {ratings.map((r) => (
              <li key={r.id}>
                <strong>{r.raterName || 'Someone'}</strong> on {day(r.date, locale)}:{' '}
                {CRITERIA.map((c) => `${CRITERION_LABELS[c].label} ${r.scores[c]}`).join(' · ')}
                {r.incidents.length ? <div className="incident">{r.incidents.map((t) => INCIDENT_LABELS[t]).join(', ')}</div> : null}
                {r.positives.length ? <div className="positive">{r.positives.map((t) => POSITIVE_LABELS[t]).join(', ')}</div> : null}
                {r.note ? <div className="muted">{r.note}</div> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nobody has rated this customer yet.</p>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Status history</h2>
        {history && history.length > 0 ? (
          <ol className="status-history">
            {history.map((h) => (
              <li key={h.id}>
                {instant(h.setAt, locale)}: {STATUS_LABELS[h.from]} → <strong>{STATUS_LABELS[h.to]}</strong> by {h.setBy || 'someone'}
                {h.reason ? ` — ${h.reason}` : ''}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">The status has never been changed.</p>
        )}
      </section>

      {dialog === 'status' ? <StatusDialog customer={customer} onClose={() => setDialog(null)} /> : null}
      {dialog === 'merge' ? <MergeDialog keep={customer} onClose={() => setDialog(null)} /> : null}
      {dialog === 'delete' ? <DeleteCustomerDialog customer={customer} onClose={() => setDialog(null)} /> : null}
    </article>
  );
}
