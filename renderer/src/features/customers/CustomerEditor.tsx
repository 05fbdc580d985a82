import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { issueAt, type FieldIssue } from '@core/field-issues';
import { useBook } from '../../app/book-context';
import { Link, navigate, useRoute } from '../../app/router';
import { createCustomer, getCustomer, updateCustomer } from '../../db/customers-repo';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TextAreaField, TextField } from '../../ui/Field';
import { customerToForm, emptyCustomerForm, formToInput, type CustomerFormState } from './customer-form-state';

/** Create or edit a customer. Phones may be typed any way; they are stored in E.164. */
export function CustomerEditor({ customerId }: { customerId: string | null }) {
  const { db, write, profile } = useBook();
  const { params } = useRoute();
  const [form, setForm] = useState<CustomerFormState | null>(customerId ? null : emptyCustomerForm(profile.country, params.get('name') ?? ''));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [rows, setRows] = useState<{ phoneRows: number[]; emailRows: number[] }>({ phoneRows: [], emailRows: [] });

  useEffect(() => {
    if (!customerId) return;
    let live = true;
    void getCustomer(db, customerId).then((c) => live && c && setForm(customerToForm(c)));
    return () => {
      live = false;
    };
  }, [db, customerId]);

  const save = useMutation({
    mutationFn: (f: CustomerFormState) => {
      const { input, phoneRows, emailRows } = formToInput(f);
      setRows({ phoneRows, emailRows });
      return customerId ? updateCustomer(db, customerId, input, write) : createCustomer(db, input, write);
    },
    onSuccess: (result) => {
      if (result.ok) navigate(`/customers/${result.value.id}`);
      else setIssues(result.issues);
    },
  });

  if (!form) return <p className="loading">Loading…</p>;
  const set = (key: Exclude<keyof CustomerFormState, 'phones' | 'emails'>) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const setListItem = (key: 'phones' | 'emails', index: number, value: string) =>
    setForm({ ...form, [key]: form[key].map((v, i) => (i === index ? value : v)) });
  // Issues point into the input's lists (empty rows dropped); map them back to form rows.
  const listIssue = (key: 'phones' | 'emails', formRow: number) => {
    const inputIndex = (key === 'phones' ? rows.phoneRows : rows.emailRows).indexOf(formRow);
    return inputIndex === -1 ? undefined : issueAt(issues, key, inputIndex);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };

  return (
    <form className="customer-form" onSubmit={onSubmit} noValidate aria-labelledby="customer-form-title">
      <h1 id="customer-form-title">{customerId ? `Edit ${form.displayName}` : 'New customer'}</h1>
      <div className="form-grid">
        <TextField label="Name" value={form.displayName} onChange={set('displayName')} error={issueAt(issues, 'displayName')} autoFocus required />
        <TextField label="Company" value={form.company} onChange={set('company')} error={issueAt(issues, 'company')} />
        {form.phones.map((p, i) => (
          <TextField
            key={`phone-${i}`}
            label={i === 0 ? 'Phone' : `Phone ${i + 1}`}
            type="tel"
            value={p}
            onChange={(e) => setListItem('phones', i, e.target.value)}
            error={listIssue('phones', i)}
            hint={i === 0 ? `Any format; numbers without a country code are read as ${profile.country}` : undefined}
          />
        ))}
        <button type="button" className="link-button" onClick={() => setForm({ ...form, phones: [...form.phones, ''] })}>
          Add another phone
        </button>
        {form.emails.map((m, i) => (
          <TextField
            key={`email-${i}`}
            label={i === 0 ? 'E-mail' : `E-mail ${i + 1}`}
            type="email"
            value={m}
            onChange={(e) => setListItem('emails', i, e.target.value)}
            error={listIssue('emails', i)}
          />
        ))}
        <button type="button" className="link-button" onClick={() => setForm({ ...form, emails: [...form.emails, ''] })}>
          Add another e-mail
        </button>
        <TextField label="Tax or VAT id" value={form.taxId} onChange={set('taxId')} error={issueAt(issues, 'taxId')} />
        <TextField label="Address line 1" value={form.line1} onChange={set('line1')} error={issueAt(issues, 'address', 'line1')} />
        <TextField label="Address line 2" value={form.line2} onChange={set('line2')} error={issueAt(issues, 'address', 'line2')} />
        <TextField label="Town or city" value={form.city} onChange={set('city')} error={issueAt(issues, 'address', 'city')} />
        <TextField label="Postcode" value={form.postcode} onChange={set('postcode')} error={issueAt(issues, 'address', 'postcode')} />
        <TextField label="Region" value={form.region} onChange={set('region')} error={issueAt(issues, 'address', 'region')} />
        <TextField label="Country code" value={form.country} onChange={set('country')} error={issueAt(issues, 'address', 'country')} maxLength={2} hint="Two letters, e.g. GB" />
        <TextField label="Industry tags" value={form.tags} onChange={set('tags')} error={issueAt(issues, 'tags')} hint="Separated by commas" />
        <TextAreaField label="Notes" value={form.notes} onChange={set('notes')} error={issueAt(issues, 'notes')} rows={4} />
      </div>
      {issues.length > 0 ? (
        <p className="error-notice" role="alert">
          Please correct the {issues.length === 1 ? 'field' : `${issues.length} fields`} marked above; nothing was saved yet.
        </p>
      ) : null}
      <ErrorNotice error={save.error} />
      <div className="form-actions">
        <Link to={customerId ? `/customers/${customerId}` : '/customers'}>Cancel</Link>
        <button type="submit" className="primary" disabled={save.isPending}>
          {customerId ? 'Save changes' : 'Add customer'}
        </button>
      </div>
    </form>
  );
}
