import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanView } from '../../../../main/services/watch/watch-api';
import { useBook } from '../../app/book-context';
import { useTRPC } from '../../platform/trpc';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SelectField, TextField } from '../../ui/Field';
import { planFormOf, readPlanForm, type FeeKind, type FeeRepeat, type PlanForm, type PlanFormErrors } from './plan-form';

/** The business's reminder ladder and late fee, kept by the watch. */
export function PlanEditor() {
  const trpc = useTRPC();
  const plan = useQuery(trpc.watch.plan.get.queryOptions());
  return (
    <section className="chase-panel" aria-labelledby="plan-title">
      <h2 id="plan-title">Reminder plan</h2>
      <ErrorNotice error={plan.error} />
      {plan.data ? <PlanFormView plan={plan.data} /> : plan.isPending ? <p className="loading">Reading the plan…</p> : null}
    </section>
  );
}

/**
 * Starts from the plan as first read and keeps what is typed: a refresh of the watch's data
 * while someone edits does not overwrite the form; a save shows the plan as the watch stored it.
 */
function PlanFormView({ plan }: { plan: PlanView }) {
  const { profile } = useBook();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<PlanForm>(() => planFormOf(plan, profile.locale));
  const [errors, setErrors] = useState<PlanFormErrors>({});
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.watch.plan.update.mutationOptions({
      onSuccess: async (view) => {
        setForm(planFormOf(view, profile.locale));
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.watch.pathKey() });
      },
    }),
  );
  const set = (patch: Partial<PlanForm>) => {
    setSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const read = readPlanForm(form, profile.currency, profile.locale);
    if (!read.ok) return setErrors(read.errors);
    setErrors({});
    update.mutate(read.patch);
  }

  return (
    <form className="plan-form" onSubmit={submit} noValidate>
      <TextField
        label="Reminder days"
        value={form.steps}
        onChange={(e) => set({ steps: e.target.value })}
        error={errors.steps}
        hint="Days from the due date, separated by commas: -3 is three days before, 7 is a week after"
      />
      <div className="plan-fee">
        <SelectField label="Late fee" value={form.feeKind} onChange={(e) => set({ feeKind: e.target.value as FeeKind })} error={errors.feeKind}>
          <option value="none">None</option>
          <option value="fixed">A fixed amount</option>
          <option value="percent">A percentage</option>
        </SelectField>
        {form.feeKind === 'fixed' ? (
          <TextField
            label={`Fee amount (${profile.currency})`}
            inputMode="decimal"
            value={form.feeAmount}
            onChange={(e) => set({ feeAmount: e.target.value })}
            error={errors.feeAmount}
          />
        ) : null}
        {form.feeKind === 'percent' ? (
          <TextField
            label="Fee percentage"
            inputMode="decimal"
            value={form.feePercent}
            onChange={(e) => set({ feePercent: e.target.value })}
            error={errors.feePercent}
            hint="Of the open balance, like 2.5"
          />
        ) : null}
        {form.feeKind !== 'none' ? (
          <SelectField label="Charged" value={form.feeRepeat} onChange={(e) => set({ feeRepeat: e.target.value as FeeRepeat })}>
            <option value="once">Once, after the due date</option>
            <option value="every">Again every few days</option>
          </SelectField>
        ) : null}
        {form.feeKind !== 'none' && form.feeRepeat === 'every' ? (
          <TextField
            label="Every how many days"
            inputMode="numeric"
            value={form.feeEveryDays}
            onChange={(e) => set({ feeEveryDays: e.target.value })}
            error={errors.feeEveryDays}
          />
        ) : null}
      </div>
      <p className="muted">The fee is quoted in reminder drafts; it is never added to an invoice: charging it is your decision.</p>
      <ErrorNotice error={update.error} />
      <div className="form-actions">
        {saved ? (
          <span role="status" className="positive">
            Plan saved
          </span>
        ) : null}
        <button type="submit" className="primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save plan'}
        </button>
      </div>
    </form>
  );
}
