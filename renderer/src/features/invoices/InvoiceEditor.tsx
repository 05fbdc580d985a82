import { useQuery } from '@tanstack/react-query';
import type { Customer } from '@core/customer';
import type { Invoice } from '@core/invoice';
import { useBook } from '../../app/book-context';
import { Link } from '../../app/router';
import { getCustomer } from '../../db/customers-repo';
import { getInvoice, suggestInvoiceNumber } from '../../db/invoices-repo';
import { invoiceFormFrom, newInvoiceForm, type InvoiceFormState } from './invoice-form';
import { InvoiceForm } from './InvoiceForm';
import './invoices.css';

interface Loaded {
  invoice: Invoice | null;
  customer: Customer | null;
  form: InvoiceFormState;
}

/**
 * Creates an invoice (optionally for a given customer) or edits one. What the form starts with
 * is read once, not live: a change made elsewhere must not overwrite what a person is typing.
 */
export function InvoiceEditor({ invoiceId, customerId }: { invoiceId: string | null; customerId: string | null }) {
  const { db, profile, today } = useBook();
  const start = useQuery({
    queryKey: ['invoice-editor', 'start', invoiceId, customerId],
    queryFn: async (): Promise<Loaded | 'missing'> => {
      if (invoiceId !== null) {
        const invoice = await getInvoice(db, invoiceId);
        if (!invoice) return 'missing';
        const customer = (await getCustomer(db, invoice.customerId)) ?? null;
        return { invoice, customer, form: invoiceFormFrom(invoice, profile.locale) };
      }
      const [number, customer] = await Promise.all([
        suggestInvoiceNumber(db, Number(today.slice(0, 4))),
        customerId === null ? undefined : getCustomer(db, customerId),
      ]);
      return {
        invoice: null,
        customer: customer ?? null,
        form: newInvoiceForm({ customerId: customer?.id ?? null, currency: profile.currency, today, number }),
      };
    },
    // Always read afresh when the editor opens, and forget it when it closes.
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });

  const title = invoiceId === null ? 'New invoice' : 'Edit invoice';
  if (start.isError) {
    return (
      <section aria-labelledby="editor-title">
        <h1 id="editor-title">{title}</h1>
        <p className="error-notice" role="alert">
          The book could not be read: {start.error.message}
        </p>
      </section>
    );
  }
  if (!start.data) return <p className="loading">Opening the invoice form…</p>;
  if (start.data === 'missing') {
    return (
      <section aria-labelledby="editor-title">
        <h1 id="editor-title">Invoice not found</h1>
        <p>This invoice is not in the book; it may have been deleted.</p>
        <Link to="/invoices">Back to invoices</Link>
      </section>
    );
  }
  const { invoice, customer, form } = start.data;
  if (invoice?.state === 'written_off') {
    return (
      <section aria-labelledby="editor-title">
        <h1 id="editor-title">Invoice {invoice.number} is written off</h1>
        <p>Undo the write-off on the invoice before editing it.</p>
        <Link to={`/invoices/${invoice.id}`}>Back to the invoice</Link>
      </section>
    );
  }
  return <InvoiceForm title={invoice ? `Edit invoice ${invoice.number}` : title} invoice={invoice} initialCustomer={customer} initial={form} />;
}
