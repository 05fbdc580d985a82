import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Customer, CustomerStatusValue } from '@core/customer';
import { issueAt, type FieldIssue } from '@core/field-issues';
import { useBook } from '../../app/book-context';
import { setCustomerStatus } from '../../db/customers-repo';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TextAreaField } from '../../ui/Field';
import { STATUS_LABELS } from '../../ui/StatusBadge';

const CHOICES: { value: CustomerStatusValue; hint: string }[] = [
  { value: 'ok', hint: 'Serve as usual' },
  { value: 'watch', hint: 'Serve with care: ask for a deposit or payment up front' },
  { value: 'blacklisted', hint: 'Do not extend credit; the counter is warned loudly' },
];

/** Sets ok / watch / blacklisted with a reason; the change is kept in the customer's history. */
export function StatusDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { db, write } = useBook();
  const [value, setValue] = useState<CustomerStatusValue>(customer.status.value === 'ok' ? 'watch' : customer.status.value);
  const [reason, setReason] = useState(customer.status.value === 'ok' ? '' : customer.status.reason);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const save = useMutation({
    mutationFn: () => setCustomerStatus(db, customer.id, { value, reason }, write),
    onSuccess: (result) => (result.ok ? onClose() : setIssues(result.issues)),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Dialog title={`Status of ${customer.displayName}`} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>Status</legend>
          {CHOICES.map((c) => (
            <label key={c.value} className={`status-choice status-choice-${c.value}`}>
              <input type="radio" name="status" value={c.value} checked={value === c.value} onChange={() => setValue(c.value)} />
              <strong>{STATUS_LABELS[c.value]}</strong> <span className="muted">{c.hint}</span>
            </label>
          ))}
        </fieldset>
        <TextAreaField
          label="Reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={issueAt(issues, 'reason')}
          hint="Facts colleagues can act on, e.g. “Two invoices unpaid since March”"
          rows={3}
        />
        <ErrorNotice error={save.error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={save.isPending}>
            Save status
          </button>
        </div>
      </form>
    </Dialog>
  );
}
