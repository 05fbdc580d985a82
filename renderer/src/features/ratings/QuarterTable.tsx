import { CRITERIA, CRITERION_LABELS } from '@core/rating';
import type { RatingSummary } from '@core/rating-summary';
import { formatScore, scoreTone } from './score-format';
import './ratings.css';

/**
 * The trend for the quarterly workshop: the mean per criterion in each quarter that has
 * ratings, oldest first, so a customer getting better or worse reads left to right down the
 * rows. Cells are tinted by tone; the number is always there too.
 */
export function QuarterTable({ quarters, locale }: { quarters: RatingSummary['byQuarter']; locale: string }) {
  return (
    <section aria-labelledby="rating-quarters-title" className="rating-quarters">
      <h3 id="rating-quarters-title">Over time</h3>
      <div className="rating-quarters-scroll">
        <table>
          <caption className="visually-hidden">Average score per criterion by quarter</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col" className="num">
                Ratings
              </th>
              {CRITERIA.map((c) => (
                <th key={c} scope="col" className="num">
                  {CRITERION_LABELS[c].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {quarters.map((q) => (
              <tr key={q.quarter}>
                <th scope="row">{q.quarter.replace('-', ' ')}</th>
                <td className="num">{q.count}</td>
                {CRITERIA.map((c) => {
                  const avg = q.averages[c];
                  return (
                    <td key={c} className={avg === null ? 'num' : `num rating-cell-${scoreTone(avg)}`}>
                      {formatScore(avg, locale)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
