import { useMemo } from 'react';
import { disagreement, summariseRatings, type RatingSummary } from '@core/rating-summary';
import { INCIDENT_LABELS, POSITIVE_LABELS, type Rating } from '@core/rating';
import { useBook } from '../../app/book-context';
import { day } from '../../ui/format';
import { formatScore } from './score-format';
import { CriteriaTable } from './CriteriaTable';
import { QuarterTable } from './QuarterTable';
import './ratings.css';

/**
 * What a customer's ratings add up to: the mean per criterion and overall, how many people
 * rated, where they disagree, the incident and positive tags, and the trend per quarter.
 */
export function ScoreSummary({ ratings }: { ratings: Rating[] }) {
  const { profile } = useBook();
  const locale = profile.locale;
  const summary = useMemo(() => summariseRatings(ratings), [ratings]);
  const spread = useMemo(() => disagreement(ratings), [ratings]);

  if (summary.count === 0) return <p className="muted rating-summary-empty">No ratings yet.</p>;
  return (
    <div className="rating-summary">
      <p className="rating-overall">
        <span className="rating-overall-score">
          <span aria-hidden="true">★ </span>
          {formatScore(summary.overall, locale)}
          <span className="muted"> / 5 overall</span>
        </span>{' '}
        <span className="muted">{countText(summary)}</span>
      </p>
      <CriteriaTable averages={summary.averages} spread={summary.raters >= 2 ? spread : null} locale={locale} />
      <TagCounts summary={summary} locale={locale} />
      {summary.byQuarter.length > 0 ? <QuarterTable quarters={summary.byQuarter} locale={locale} /> : null}
    </div>
  );
}

function countText({ count, raters }: RatingSummary): string {
  const ratingsText = count === 1 ? '1 rating' : `${count} ratings`;
  return `from ${ratingsText} by ${raters === 1 ? '1 person' : `${raters} people`}`;
}

function TagCounts({ summary, locale }: { summary: RatingSummary; locale: string }) {
  return (
    <div className="rating-tag-counts">
      <section aria-labelledby="rating-incidents-title">
        <h3 id="rating-incidents-title">Incidents</h3>
        {summary.incidents.length === 0 ? (
          <p className="muted">None recorded.</p>
        ) : (
          <ul>
            {summary.incidents.map((i) => (
              <li key={i.tag} className="incident">
                {INCIDENT_LABELS[i.tag]} × {i.count} <span className="muted">(last {day(i.lastDate, locale)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="rating-positives-title">
        <h3 id="rating-positives-title">Good signs</h3>
        {summary.positives.length === 0 ? (
          <p className="muted">None recorded.</p>
        ) : (
          <ul>
            {summary.positives.map((p) => (
              <li key={p.tag} className="positive">
                {POSITIVE_LABELS[p.tag]} × {p.count}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** One line for a result card: "★ 3.8 (12)", with the full sentence for screen readers. */
export function ScoreChip({ ratings }: { ratings: Rating[] }) {
  const { profile } = useBook();
  const summary = useMemo(() => summariseRatings(ratings), [ratings]);
  if (summary.count === 0) return <span className="rating-chip rating-chip-none">No ratings</span>;
  const score = formatScore(summary.overall, profile.locale);
  const ratingsWord = summary.count === 1 ? 'rating' : 'ratings';
  return (
    <span className="rating-chip">
      <span aria-hidden="true">
        ★ {score} <span className="muted">({summary.count})</span>
      </span>
      <span className="visually-hidden">
        Average score {score} out of 5 from {summary.count} {ratingsWord}
      </span>
    </span>
  );
}
