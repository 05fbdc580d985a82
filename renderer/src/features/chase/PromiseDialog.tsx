import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBook } from '../../app/book-context';
import { useTRPC } from '../../platform/trpc';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TextAreaField, TextField } from '../../ui/Field';
import { emptyPromiseForm, MAX_PROMISE_NOTE, readPromiseForm, type PromiseForm, type PromiseFormErrors } from './promise-form';

export interface PromiseTarget {
  customerId: string;
  customerName: string;
  invoiceId: string | null;
  invoiceNumber: string | null;
}

/** "They said they'd pay on Friday": recorded with the watch, which holds chasing until then. */
export function PromiseDialog({ open, target, onClose }: { open: boolean; target: PromiseTarget; onClose: () => void }) {
  return (
    <Dialog title={`Record a promise to pay: ${target.customerName}`} open={open} onClose={onClose}>
      {/* Rendered only while open, so every opening starts from a fresh form. */}
      <PromiseFormBody target={target} onDone={onClose} />
    </Dialog>
  );
}

function PromiseFormBody({ target, onDone }: { target: PromiseTarget; onDone: () => void }) {
  const { today, profile } = useBook();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<PromiseForm>(() => emptyPromiseForm(today, target.invoiceId !== null));
  const [errors, setErrors] = useState<PromiseFormErrors>({});
  const add = useMutation(
    trpc.watch.promises.add.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.watch.pathKey() });
        onDone();
      },
    }),
  );
  const set = (patch: Partial<PromiseForm>) => setForm((f) => ({ ...f, ...patch }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const read = readPromiseForm(form, { today, currency: profile.currency, locale: profile.locale });
    if (!read.ok) return setErrors(read.errors);
    setErrors({});
    const { promisedDate, amountMinor, note, covers } = read.value;
    add.mutate({
      customerId: target.customerId,
      invoiceId: covers === 'invoice' ? target.invoiceId : null,
      promisedDate,
      amountMinor,
      note,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      {target.invoiceId !== null ? (
        <fieldset>
          <legend>The promise covers</legend>
          <label className="status-choice">
            <input type="radio" name="covers" checked={form.covers === 'invoice'} onChange={() => set({ covers: 'invoice' })} /> Invoice{' '}
            {target.invoiceNumber}
          </label>
          <label className="status-choice">
            <input type="radio" name="covers" checked={form.covers === 'account'} onChange={() => set({ covers: 'account' })} /> Everything{' '}
            {target.customerName} owes now
          </label>
        </fieldset>
      ) : (
        <p>The promise covers everything {target.customerName} owes now.</p>
      )}
      <TextField
        label="Promised date"
        type="date"
        min={today}
        value={form.promisedDate}
        onChange={(e) => set({ promisedDate: e.target.value })}
        error={errors.promisedDate}
        required
      />
      <TextField
        label={`Amount (optional, ${profile.currency})`}
        inputMode="decimal"
        value={form.amount}
        onChange={(e) => set({ amount: e.target.value })}
        error={errors.amount}
        hint="Leave empty if they promised everything owed"
      />
      <TextAreaField
        label="Note"
        rows={3}
        maxLength={MAX_PROMISE_NOTE + 100}
        value={form.note}
        onChange={(e) => set({ note: e.target.value })}
        error={errors.note}
        hint="What they said, and how they will pay"
      />
      <ErrorNotice error={add.error} />
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={add.isPending}>
          {add.isPending ? 'Saving…' : 'Save promise'}
        </button>
      </div>
    </form>
  );
}
