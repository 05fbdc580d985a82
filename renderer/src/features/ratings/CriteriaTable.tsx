import { CRITERIA, CRITERION_LABELS } from '@core/rating';
import type { CriterionAverages } from '@core/rating-summary';
import { formatScore, isWideSpread, scoreBarPercent, scoreTone } from './score-format';
import './ratings.css';

interface Props {
  averages: CriterionAverages;
  /** Spread per criterion between raters' latest scores; null with fewer than two raters. */
  spread: CriterionAverages | null;
  locale: string;
}

/** The mean per criterion as a number and a bar, with the team's disagreement beside it. */
export function CriteriaTable({ averages, spread, locale }: Props) {
  return (
    <table className="rating-criteria-table">
      <caption className="visually-hidden">Average score per criterion</caption>
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col">Average (1–5)</th>
          {spread ? <th scope="col">Disagreement</th> : null}
        </tr>
      </thead>
      <tbody>
        {CRITERIA.map((c) => {
          const avg = averages[c];
          const gap = spread?.[c] ?? null;
          const wide = isWideSpread(gap);
          return (
            <tr key={c} className={wide ? 'rating-disagree' : undefined}>
              <th scope="row" title={CRITERION_LABELS[c].hint}>
                {CRITERION_LABELS[c].label}
              </th>
              <td>
                {avg === null ? (
                  <span className="muted">No ratings yet</span>
                ) : (
                  <span className="rating-bar-cell">
                    <span className="rating-bar" aria-hidden="true">
                      <span className={`rating-bar-fill rating-${scoreTone(avg)}`} style={{ width: `${scoreBarPercent(avg)}%` }} />
                    </span>
                    <span className="rating-bar-value">{formatScore(avg, locale)}</span>
                  </span>
                )}
              </td>
              {spread ? (
                <td>
                  {gap === null ? (
                    <span className="muted">—</span>
                  ) : wide ? (
                    <strong className="rating-disagree-text">Team disagrees: {gap} points apart</strong>
                  ) : gap === 0 ? (
                    <span className="muted">Everyone agrees</span>
                  ) : (
                    <span>
                      {gap} {gap === 1 ? 'point' : 'points'} apart
                    </span>
                  )}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
