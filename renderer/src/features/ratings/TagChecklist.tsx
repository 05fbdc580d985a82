import './ratings.css';

interface Props<T extends string> {
  legend: string;
  hint: string;
  tags: readonly T[];
  labels: Record<T, string>;
  chosen: readonly T[];
  onToggle: (tag: T, on: boolean) => void;
  tone: 'incident' | 'positive';
}

/** A set of fixed tags as labelled checkboxes: structured facts rather than free-text accusations. */
export function TagChecklist<T extends string>({ legend, hint, tags, labels, chosen, onToggle, tone }: Props<T>) {
  return (
    <fieldset className={`rating-tags rating-tags-${tone}`}>
      <legend>{legend}</legend>
      <small className="field-hint">{hint}</small>
      <div className="rating-tag-list">
        {tags.map((tag) => (
          <label key={tag} className="rating-tag">
            <input type="checkbox" checked={chosen.includes(tag)} onChange={(e) => onToggle(tag, e.target.checked)} />
            <span>{labels[tag]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
