import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { issueAt, type FieldIssue, withoutIssue } from '@core/field-issues';
import { PaymentMethod, type Invoice } from '@core/invoice';
import { PAYMENT_METHOD_LABELS } from '@core/invoice-input';
import { useBook } from '../../app/book-context';
import { recordPayment } from '../../db/invoices-repo';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SelectField, TextField } from '../../ui/Field';
import { paymentFormFor, paymentInputFromForm, type PaymentFormState } from './payment-form';

/**
 * Records money received against an invoice. Starts with the whole open balance and today's
 * date, since that is the usual case. On a problem everything typed stays, and the message
 * sits at its field; a failed write is shown without clearing the form.
 */
export function PaymentForm({ invoice, onDone }: { invoice: Invoice; onDone: (saved: boolean) => void }) {
  const { db, today, profile, write, me } = useBook();
  const [form, setForm] = useState<PaymentFormState>(() => paymentFormFor(invoice, today, profile.locale));
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const save = useMutation({
    mutationFn: async (input: unknown) => recordPayment(db, invoice.id, input, write),
    onSuccess: (result) => {
      if (result.ok) onDone(true);
      else setIssues(result.issues);
    },
  });

  const edit = (issuePath: string, change: Partial<PaymentFormState>) => {
    setForm((f) => ({ ...f, ...change }));
    setIssues((current) => withoutIssue(current, issuePath));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = paymentInputFromForm(form, invoice.currency, profile.locale, today);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    save.mutate(checked.value);
  };

  return (
    <form className="inv-form inv-payment-form" onSubmit={onSubmit} noValidate aria-labelledby="payment-form-title">
      <h2 id="payment-form-title">Record a payment</h2>
      <div className="form-grid">
        <TextField
          label={`Amount (${invoice.currency})`}
          inputMode="decimal"
          autoComplete="off"
          value={form.amount}
          onChange={(e) => edit('amountMinor', { amount: e.target.value })}
          error={issueAt(issues, 'amountMinor')}
          // The form opens for this one purpose, so the amount is where typing should start.
          autoFocus
        />
        <TextField label="Date received" type="date" value={form.date} max={today} onChange={(e) => edit('date', { date: e.target.value })} error={issueAt(issues, 'date')} />
        <SelectField label="Method" value={form.method} onChange={(e) => edit('method', { method: PaymentMethod.parse(e.target.value) })} error={issueAt(issues, 'method')}>
          {PaymentMethod.options.map((m) => (
            <option key={m} value={m}>
              {PAYMENT_METHOD_LABELS[m]}
            </option>
          ))}
        </SelectField>
      </div>
      {me ? null : <p className="field-hint">No one is chosen as “At this PC” in the header, so the payment is recorded without a name.</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save payment'}
        </button>
        <button type="button" onClick={() => onDone(false)} disabled={save.isPending}>
          Cancel
        </button>
      </div>
      <ErrorNotice error={save.error} />
    </form>
  );
}
