import { useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Customer } from '@core/customer';
import { issueAt, type FieldIssue, withoutIssue } from '@core/field-issues';
import type { Invoice } from '@core/invoice';
import type { Member } from '@core/member';
import { CRITERIA, INCIDENT_LABELS, IncidentTag, POSITIVE_LABELS, PositiveTag } from '@core/rating';
import { useBook } from '../../app/book-context';
import { Link, navigate } from '../../app/router';
import { addRating } from '../../db/ratings-repo';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { day, money } from '../../ui/format';
import { ratingInputFromForm, toggleTag, type RatingFormState } from './rating-form';
import { ScoreRadioGroup } from './ScoreRadioGroup';
import { TagChecklist } from './TagChecklist';

interface Props {
  customer: Customer;
  invoices: Invoice[];
  rater: Member;
  /** Held by the screen, so what was typed survives the rater being unset and chosen again. */
  form: RatingFormState;
  setForm: Dispatch<SetStateAction<RatingFormState>>;
}

/**
 * The rating form: five criteria 1–5, incident and positive tags, an optional invoice, the date
 * and a private note. Problems are shown at their fields with everything kept; a failed write
 * is shown without clearing the form. On save, back to the customer.
 */
export function RatingForm({ customer, invoices, rater, form, setForm }: Props) {
  const { db, today, profile, write } = useBook();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const locale = profile.locale;

  const save = useMutation({
    mutationFn: (input: unknown) => addRating(db, input, { id: rater.id, name: rater.name }, write),
    onSuccess: (result) => {
      if (result.ok) navigate(`/customers/${customer.id}`);
      else setIssues(result.issues);
    },
  });

  // An edited field's old message is about text that is gone.
  const clear = (...path: string[]) => setIssues((current) => withoutIssue(current, ...path));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = ratingInputFromForm(form, customer.id, today);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    save.mutate(checked.value);
  };

  return (
    <form className="rating-form" onSubmit={onSubmit} noValidate aria-label={`Rating of ${customer.displayName}`}>
      <p className="muted">
        Rating as <strong>{rater.name}</strong>. 1 is the worst, 5 the best.
      </p>
      <fieldset className="rating-criteria">
        <legend>Scores</legend>
        {CRITERIA.map((c) => (
          <ScoreRadioGroup
            key={c}
            criterion={c}
            value={form.scores[c]}
            onChange={(score) => {
              setForm((f) => ({ ...f, scores: { ...f.scores, [c]: score } }));
              clear('scores', c);
            }}
            error={issueAt(issues, 'scores', c)}
          />
        ))}
      </fieldset>

      <div className="rating-tag-columns">
        <TagChecklist
          legend="Incidents"
          hint="What happened, if anything went wrong"
          tags={IncidentTag.options}
          labels={INCIDENT_LABELS}
          chosen={form.incidents}
          tone="incident"
          onToggle={(tag, on) => setForm((f) => ({ ...f, incidents: toggleTag(f.incidents, tag, on) }))}
        />
        <TagChecklist
          legend="Good signs"
          hint="What this customer does well"
          tags={PositiveTag.options}
          labels={POSITIVE_LABELS}
          chosen={form.positives}
          tone="positive"
          onToggle={(tag, on) => setForm((f) => ({ ...f, positives: toggleTag(f.positives, tag, on) }))}
        />
      </div>

      <div className="form-grid">
        <SelectField
          label="Linked invoice (optional)"
          hint="Ties the rating to a real transaction"
          value={form.invoiceId}
          onChange={(e) => {
            setForm((f) => ({ ...f, invoiceId: e.target.value }));
            clear('invoiceId');
          }}
          error={issueAt(issues, 'invoiceId')}
        >
          <option value="">None</option>
          {invoices.map((inv) => (
            <option key={inv.id} value={inv.id}>
              {inv.number} · {day(inv.issueDate, locale)} · {money(inv.totalMinor, inv.currency, locale)}
            </option>
          ))}
        </SelectField>
        <TextField label="Date" type="date" value={form.date} max={today} onChange={(e) => {
            setForm((f) => ({ ...f, date: e.target.value }));
            clear('date');
          }} error={issueAt(issues, 'date')} />
      </div>
      <TextAreaField
        label="Private note"
        hint="Stays in this book; it is never shared with other businesses"
        rows={3}
        value={form.note}
        onChange={(e) => {
          setForm((f) => ({ ...f, note: e.target.value }));
          clear('note');
        }}
        error={issueAt(issues, 'note')}
      />
      <ErrorNotice error={save.error} />
      {issueAt(issues, 'customerId') ? <p className="error-notice" role="alert">{issueAt(issues, 'customerId')}</p> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save rating'}
        </button>
        <Link to={`/customers/${customer.id}`} className="button">
          Cancel
        </Link>
      </div>
    </form>
  );
}
