import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Invoice } from '@core/invoice';
import { creditedMinor, daysLate, invoiceStatus, openBalanceMinor, paidMinor } from '@core/invoice-status';
import { useBook } from '../../app/book-context';
import { Link, useRoute } from '../../app/router';
import { getCustomer } from '../../db/customers-repo';
import { getInvoice } from '../../db/invoices-repo';
import { day, instant, money } from '../../ui/format';
import { InvoiceActions } from './InvoiceActions';
import { InvoiceStatusPill } from './InvoiceStatusPill';
import { PaymentForm } from './PaymentForm';
import { CreditNotesTable, PaymentsTable } from './PaymentsAndCredits';
import './invoices.css';

/**
 * One invoice: what was billed, what came in, what is still owed and how late, with the
 * actions a back office takes on it. Read live, so a payment recorded here or in another
 * window shows at once.
 */
export function InvoiceDetail({ invoiceId }: { invoiceId: string }) {
  const { db } = useBook();
  // Wrapped so "still loading" (undefined) and "no such invoice" ({ invoice: undefined }) differ.
  const loaded = useLiveQuery(async () => ({ invoice: await getInvoice(db, invoiceId) }), [db, invoiceId]);

  if (!loaded) return <p className="loading">Loading the invoice…</p>;
  if (!loaded.invoice) {
    return (
      <section aria-labelledby="invoice-missing">
        <h1 id="invoice-missing">Invoice not found</h1>
        <p>This invoice is not in the book; it may have been deleted.</p>
        <Link to="/invoices">Back to invoices</Link>
      </section>
    );
  }
  return <InvoiceView invoice={loaded.invoice} />;
}

function InvoiceView({ invoice }: { invoice: Invoice }) {
  const { db, today, profile } = useBook();
  const locale = profile.locale;
  const customer = useLiveQuery(() => getCustomer(db, invoice.customerId), [db, invoice.customerId]);
  // The counter's "Record payment" opens the invoice with ?pay=1: the form is then already open.
  const { params } = useRoute();
  const [paying, setPaying] = useState(() => params.get('pay') === '1');
  const [notice, setNotice] = useState('');
  const status = invoiceStatus(invoice, today);
  const late = daysLate(invoice, today);
  const m = (minor: number) => money(minor, invoice.currency, locale);

  return (
    <article className="inv-detail" aria-labelledby="invoice-title">
      <p className="inv-breadcrumb">
        <Link to="/invoices">Invoices</Link>
      </p>
      <div className="screen-head">
        <h1 id="invoice-title">Invoice {invoice.number}</h1>
        <InvoiceStatusPill status={status} />
      </div>

      <section className="detail-grid" aria-label="Invoice details">
      <dl>
        <dt>Customer</dt>
        <dd>
          <Link to={`/customers/${invoice.customerId}`}>{customer?.displayName ?? 'Open the customer'}</Link>
          {customer?.company ? <span className="muted"> · {customer.company}</span> : null}
        </dd>
        <dt>Issued</dt>
        <dd>{day(invoice.issueDate, locale)}</dd>
        <dt>Due</dt>
        <dd>
          {day(invoice.dueDate, locale)}
          {late > 0 ? <strong className="inv-late"> · {late === 1 ? '1 day late' : `${late} days late`}</strong> : null}
        </dd>
        <dt>Total</dt>
        <dd>{m(invoice.totalMinor)}</dd>
        <dt>Paid</dt>
        <dd>{m(paidMinor(invoice))}</dd>
        {invoice.creditNotes.length > 0 ? (
          <>
            <dt>Credited</dt>
            <dd>{m(creditedMinor(invoice))}</dd>
          </>
        ) : null}
        <dt>Open balance</dt>
        <dd>
          <strong>{m(openBalanceMinor(invoice))}</strong>
          {invoice.state === 'draft' ? <span className="muted"> (a draft is not owed until it is issued)</span> : null}
        </dd>
        <dt>Currency</dt>
        <dd>{invoice.currency}</dd>
        <dt>Notes</dt>
        <dd className="inv-notes">{invoice.notes || <span className="muted">None</span>}</dd>
        <dt>Recorded</dt>
        <dd>
          {instant(invoice.createdAt, locale)}
          {invoice.updatedAt !== invoice.createdAt ? <span className="muted"> · last changed {instant(invoice.updatedAt, locale)}</span> : null}
        </dd>
      </dl>
      </section>

      <InvoiceActions
        invoice={invoice}
        onRecordPayment={() => {
          setNotice('');
          setPaying(true);
        }}
      />
      <p role="status" className="inv-notice">
        {notice}
      </p>
      {paying ? (
        <PaymentForm
          invoice={invoice}
          onDone={(saved) => {
            setPaying(false);
            if (saved) setNotice('Payment recorded.');
          }}
        />
      ) : null}

      <section aria-labelledby="payments-title">
        <h2 id="payments-title">Payments</h2>
        <PaymentsTable invoice={invoice} locale={locale} />
      </section>
      <section aria-labelledby="credits-title">
        <h2 id="credits-title">Credit notes</h2>
        <CreditNotesTable invoice={invoice} locale={locale} />
      </section>
    </article>
  );
}
