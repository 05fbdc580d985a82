import type { Invoice } from '@core/invoice';
import { PAYMENT_METHOD_LABELS } from '@core/invoice-input';
import { day, instant, money } from '../../ui/format';

/** The payments received against an invoice, oldest first, with who recorded each one. */
export function PaymentsTable({ invoice, locale }: { invoice: Invoice; locale: string }) {
  if (invoice.payments.length === 0) return <p className="muted">No payments recorded.</p>;
  const payments = [...invoice.payments].sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt));
  return (
    <table className="inv-detail-table">
      <caption className="visually-hidden">Payments</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col" className="num">Amount</th>
          <th scope="col">Method</th>
          <th scope="col">Recorded by</th>
          <th scope="col">Recorded at</th>
        </tr>
      </thead>
      <tbody>
        {payments.map((p) => (
          <tr key={p.id}>
            <td>{day(p.date, locale)}</td>
            <td className="num">{money(p.amountMinor, invoice.currency, locale)}</td>
            <td>{PAYMENT_METHOD_LABELS[p.method]}</td>
            <td>{p.recordedBy || <span className="muted">Not recorded</span>}</td>
            <td>{instant(p.recordedAt, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Credit notes reduce what is owed without money changing hands (a refund, a goodwill discount). */
export function CreditNotesTable({ invoice, locale }: { invoice: Invoice; locale: string }) {
  if (invoice.creditNotes.length === 0) return <p className="muted">No credit notes.</p>;
  return (
    <table className="inv-detail-table">
      <caption className="visually-hidden">Credit notes</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col" className="num">Amount</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {invoice.creditNotes.map((c) => (
          <tr key={c.id}>
            <td>{day(c.date, locale)}</td>
            <td className="num">{money(c.amountMinor, invoice.currency, locale)}</td>
            <td>{c.reason || <span className="muted">No reason given</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
