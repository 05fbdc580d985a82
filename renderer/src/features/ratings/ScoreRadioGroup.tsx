import { useId } from 'react';
import { CRITERION_LABELS, type Criterion } from '@core/rating';
import { SCORE_VALUES } from './rating-form';
import './ratings.css';

interface Props {
  criterion: Criterion;
  value: number | null;
  onChange: (score: number) => void;
  error?: string | undefined;
}

/**
 * One criterion scored 1–5 as native radios sharing a name, so arrow keys move between scores
 * and Tab moves on to the next criterion. The group is named by the criterion's label and
 * described by its hint (and its error, when there is one).
 */
export function ScoreRadioGroup({ criterion, value, onChange, error }: Props) {
  const id = useId();
  const { label, hint } = CRITERION_LABELS[criterion];
  return (
    <div
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
      aria-required="true"
      aria-invalid={error ? true : undefined}
      className={error ? 'rating-criterion field-invalid' : 'rating-criterion'}
    >
      <span id={`${id}-label`} className="rating-criterion-label">
        {label}
      </span>
      <small id={`${id}-hint`} className="field-hint">
        {hint}
      </small>
      <div className="rating-scores">
        {SCORE_VALUES.map((score) => (
          <label key={score} className="rating-score">
            <input type="radio" name={`${id}-score`} value={score} checked={value === score} onChange={() => onChange(score)} />
            <span>{score}</span>
          </label>
        ))}
      </div>
      {error ? (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}
