import { AGING_BUCKETS, type AgingBucket } from '@core/lateness';
import { useBook } from '../../app/book-context';
import { money } from '../../ui/format';
import { barShares, DSO_PERIOD_DAYS, type AgingSummary } from './aging-summary';
import './chase.css';

export const BUCKET_LABELS: Readonly<Record<AgingBucket, string>> = {
  current: 'Not yet due',
  '1-30': '1–30 days late',
  '31-60': '31–60 days late',
  '61-90': '61–90 days late',
  '90+': 'Over 90 days late',
};

/**
 * Open receivables by age as horizontal bars. The chart is a table, so the amounts and counts
 * are read out as they are shown; the bars are decoration beside them.
 */
export function AgingPanel({ summary }: { summary: AgingSummary | undefined }) {
  const { profile } = useBook();
  const { locale } = profile;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });

  return (
    <section className="chase-panel" aria-labelledby="aging-title">
      <h2 id="aging-title">Aging</h2>
      {summary === undefined ? (
        <p className="loading">Reading the book…</p>
      ) : (
        <>
          <dl className="chase-stats">
            <div>
              <dt>Owed to you</dt>
              <dd>{money(summary.totals.total.amountMinor, summary.currency, locale)}</dd>
              <dd className="muted">
                on {summary.totals.total.count} open {summary.totals.total.count === 1 ? 'invoice' : 'invoices'}
              </dd>
            </div>
            <div>
              <dt>DSO</dt>
              <dd>{summary.dsoDays === null ? '—' : `${Math.round(summary.dsoDays)} days`}</dd>
              <dd className="muted">days sales outstanding over the last {DSO_PERIOD_DAYS} days</dd>
            </div>
            <div>
              <dt>Over 90 days late</dt>
              <dd>{summary.shareOver90 === null ? '—' : percent.format(summary.shareOver90)}</dd>
              <dd className="muted">of what is owed</dd>
            </div>
          </dl>
          <AgingChart summary={summary} />
          {summary.otherCurrencies.length > 0 ? (
            <p className="muted">
              Also owed in {summary.otherCurrencies.join(', ')}: not included above, since amounts in different currencies are never added
              together.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function AgingChart({ summary }: { summary: AgingSummary }) {
  const { profile } = useBook();
  const shares = barShares(summary.totals);
  return (
    <table className="aging-chart">
      <caption className="visually-hidden">Open invoices by days past due, in {summary.currency}</caption>
      <thead>
        <tr>
          <th scope="col">Age</th>
          <th scope="col" className="aging-bar-cell">
            <span className="visually-hidden">Bar</span>
          </th>
          <th scope="col" className="num">
            Amount
          </th>
          <th scope="col" className="num">
            Invoices
          </th>
        </tr>
      </thead>
      <tbody>
        {AGING_BUCKETS.map((bucket, i) => {
          const b = summary.totals.buckets[bucket];
          return (
            <tr key={bucket}>
              <th scope="row">{BUCKET_LABELS[bucket]}</th>
              <td className="aging-bar-cell" aria-hidden="true">
                <span className={`aging-bar aging-bar-${i}`} style={{ width: `${Math.max((shares[i] ?? 0) * 100, b.count > 0 ? 0.5 : 0)}%` }} />
              </td>
              <td className="num">{money(b.amountMinor, summary.currency, profile.locale)}</td>
              <td className="num">{b.count}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td aria-hidden="true" />
          <td className="num">{money(summary.totals.total.amountMinor, summary.currency, profile.locale)}</td>
          <td className="num">{summary.totals.total.count}</td>
        </tr>
      </tfoot>
    </table>
  );
}
