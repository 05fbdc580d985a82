import { useTRPCClient } from '../../platform/trpc';
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Customer } from '@core/customer';
import { issueAt, type FieldIssue, withoutIssue } from '@core/field-issues';
import type { Invoice } from '@core/invoice';
import { useBook } from '../../app/book-context';
import { Link, navigate } from '../../app/router';
import { createInvoice, updateInvoice } from '../../db/invoices-repo';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { amountForInput } from './amount-text';
import { currencyChoices } from './currency-choices';
import { CustomerPicker } from './CustomerPicker';
import { EDITABLE_STATE_LABELS, invoiceInputFromForm, type EditableState, type InvoiceFormState } from './invoice-form';

/** Where the book reports a problem with each form field (the total is checked as totalMinor). */
const FIELD_PATH: Record<keyof InvoiceFormState, string> = {
  customerId: 'customerId',
  number: 'number',
  issueDate: 'issueDate',
  dueDate: 'dueDate',
  currency: 'currency',
  total: 'totalMinor',
  state: 'state',
  notes: 'notes',
};

interface Props {
  title: string;
  /** The invoice being edited, or null for a new one. */
  invoice: Invoice | null;
  initialCustomer: Customer | null;
  initial: InvoiceFormState;
}

/**
 * The invoice form. Everything is kept as typed; the total is read with the business's
 * locale only on save. Problems found here or by the book are shown at their fields, and a
 * failed write is shown above the buttons, with nothing typed lost either way.
 */
export function InvoiceForm({ title, invoice, initialCustomer, initial }: Props) {
  const { db, profile, write } = useBook();
  const client = useTRPCClient();
  const [form, setForm] = useState(initial);
  const [customer, setCustomer] = useState(initialCustomer);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const set = <K extends keyof InvoiceFormState>(key: K, value: InvoiceFormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setIssues((current) => withoutIssue(current, FIELD_PATH[key]));
  };

  const save = useMutation({
    mutationFn: (input: unknown) => (invoice ? updateInvoice(db, invoice.id, input, write) : createInvoice(db, input, write)),
    onSuccess: (result) => {
      if (result.ok) {
        // A new invoice for a flagged customer is worth an alert; the watch decides.
        if (!invoice) client.watch.event.mutate({ kind: 'invoice_created', invoiceId: result.value.id, customerId: result.value.customerId }).catch(() => {});
        navigate(`/invoices/${result.value.id}`);
      }
      else setIssues(result.issues);
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = invoiceInputFromForm(form, profile.locale);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    save.mutate(checked.value);
  };

  const hasPayments = (invoice?.payments.length ?? 0) > 0;
  const states = editableStates(invoice);
  const cancelTo = invoice ? `/invoices/${invoice.id}` : customer ? `/customers/${customer.id}` : '/invoices';

  return (
    <form className="inv-form inv-editor" onSubmit={onSubmit} noValidate aria-labelledby="editor-title">
      <h1 id="editor-title">{title}</h1>
      <CustomerPicker
        value={customer}
        onChange={(c) => {
          setCustomer(c);
          set('customerId', c?.id ?? '');
        }}
        error={issueAt(issues, 'customerId')}
      />
      <div className="form-grid">
        <TextField label="Invoice number" value={form.number} onChange={(e) => set('number', e.target.value)} error={issueAt(issues, 'number')} autoComplete="off" />
        <SelectField label="State" value={form.state} onChange={(e) => set('state', states.find((s) => s === e.target.value) ?? form.state)} error={issueAt(issues, 'state')}>
          {states.map((s) => (
            <option key={s} value={s}>
              {EDITABLE_STATE_LABELS[s]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-grid">
        <TextField label="Issue date" type="date" value={form.issueDate} onChange={(e) => set('issueDate', e.target.value)} error={issueAt(issues, 'issueDate')} />
        <TextField
          label="Due date"
          type="date"
          value={form.dueDate}
          min={form.issueDate}
          onChange={(e) => set('dueDate', e.target.value)}
          error={issueAt(issues, 'dueDate')}
        />
      </div>
      <div className="form-grid">
        <SelectField
          label="Currency"
          value={form.currency}
          onChange={(e) => set('currency', e.target.value)}
          error={issueAt(issues, 'currency')}
          // Payments are stored in the invoice's currency; changing it would silently re-denominate them.
          disabled={hasPayments}
          hint={hasPayments ? 'Fixed once payments are recorded' : undefined}
        >
          {currencyChoices(profile.currency, form.currency).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <TextField
          label={`Total (${form.currency})`}
          inputMode="decimal"
          autoComplete="off"
          hint={`For example ${amountForInput(123450, form.currency, profile.locale)}`}
          value={form.total}
          onChange={(e) => set('total', e.target.value)}
          error={issueAt(issues, 'totalMinor')}
        />
      </div>
      <TextAreaField label="Notes" rows={3} value={form.notes} onChange={(e) => set('notes', e.target.value)} error={issueAt(issues, 'notes')} />
      <ErrorNotice error={save.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : invoice ? 'Save changes' : 'Create invoice'}
        </button>
        <Link to={cancelTo} className="button">
          Cancel
        </Link>
      </div>
    </form>
  );
}

/**
 * A new invoice is a draft or issued. An invoice with payments cannot go back to being a draft
 * (money was received against it); "disputed" is kept when it already is, and otherwise set
 * from the invoice's own screen.
 */
function editableStates(invoice: Invoice | null): EditableState[] {
  const states: EditableState[] = [];
  if (!invoice || invoice.payments.length === 0) states.push('draft');
  states.push('issued');
  if (invoice?.state === 'disputed') states.push('disputed');
  return states;
}
