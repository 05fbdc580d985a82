import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Customer } from '@core/customer';
import type { Invoice } from '@core/invoice';
import type { Member } from '@core/member';
import { useBook } from '../../app/book-context';
import { Link } from '../../app/router';
import { getCustomer } from '../../db/customers-repo';
import { invoicesOfCustomer } from '../../db/invoices-repo';
import { newRatingForm } from './rating-form';
import { RatingForm } from './RatingForm';
import './ratings.css';

/**
 * Rating a customer. A rating is one person's opinion, recorded under their name, so someone
 * must be chosen as "At this PC" first. The customer's existing scores are deliberately not
 * shown here: team members score blind, so nobody anchors on a colleague's numbers.
 */
export function RatingScreen({ customerId, invoiceId }: { customerId: string; invoiceId: string | null }) {
  const { db, me } = useBook();
  const customer = useLiveQuery(async () => (await getCustomer(db, customerId)) ?? null, [db, customerId]);
  const invoices = useLiveQuery(() => invoicesOfCustomer(db, customerId), [db, customerId]);

  if (customer === undefined || invoices === undefined) return <p className="loading">Loading…</p>;
  if (customer === null) {
    return (
      <section aria-labelledby="rating-title">
        <h1 id="rating-title">Customer not found</h1>
        <p>This customer is not in the book; they may have been deleted or merged.</p>
        <Link to="/customers">Back to customers</Link>
      </section>
    );
  }
  return <RatingPage customer={customer} invoices={invoices} invoiceId={invoiceId} me={me} />;
}

function RatingPage({ customer, invoices, invoiceId, me }: { customer: Customer; invoices: Invoice[]; invoiceId: string | null; me: Member | null }) {
  const { today } = useBook();
  // Only one of this customer's own invoices can be linked; a stray ?invoice= is ignored.
  const [form, setForm] = useState(() => newRatingForm(today, invoices.some((i) => i.id === invoiceId) ? invoiceId : null));
  return (
    <section className="rating-screen" aria-labelledby="rating-title">
      <p className="rating-breadcrumb">
        <Link to={`/customers/${customer.id}`}>{customer.displayName}</Link>
      </p>
      <h1 id="rating-title">Rate {customer.displayName}</h1>
      {me ? <RatingForm customer={customer} invoices={invoices} rater={me} form={form} setForm={setForm} /> : <ChooseMemberFirst customerId={customer.id} />}
    </section>
  );
}

/** Header.tsx labels its member select so; used only to move focus there as a convenience. */
const MEMBER_PICKER = 'select[aria-label="Team member at this PC"]';

function ChooseMemberFirst({ customerId }: { customerId: string }) {
  return (
    <div className="rating-need-member" role="alert">
      <p>
        <strong>Choose who you are before rating.</strong> Each rating is recorded under the name of the team member giving it, so that
        different opinions stay visible. Pick your name under “At this PC” at the top right of the window; this form opens as soon as you do.
      </p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => document.querySelector<HTMLSelectElement>(MEMBER_PICKER)?.focus()}>
          Go to “At this PC”
        </button>
        <Link to={`/customers/${customerId}`} className="button">
          Back to the customer
        </Link>
      </div>
    </div>
  );
}
