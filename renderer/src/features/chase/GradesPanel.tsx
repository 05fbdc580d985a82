import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { GRADE_CUTOFFS, type PaymentGrade } from '@core/lateness';
import { useBook } from '../../app/book-context';
import { Link } from '../../app/router';
import { day, money } from '../../ui/format';
import { loadGradedCustomers } from './chase-book';
import { GRADED_CUSTOMERS_CAP, type Owing } from './grade-candidates';
import { trendStart, type GradedCustomer, type GradeTrend } from './grade-trend';

type GradeFilter = 'all' | PaymentGrade | 'none';
const FILTERS: readonly GradeFilter[] = ['all', 'D', 'C', 'B', 'A', 'none'];
const PAGE = 25;

const GRADE_MEANING: Readonly<Record<PaymentGrade, string>> = {
  A: `pays on time (within ${GRADE_CUTOFFS.A} days)`,
  B: `a little late (up to ${GRADE_CUTOFFS.B} days)`,
  C: `late (up to ${GRADE_CUTOFFS.C} days)`,
  D: 'very late, or something over 90 days overdue',
};

/**
 * Customers by payment grade: who owes the most first, then recent customers, capped (see
 * grade-candidates.ts), each with their grade, how they usually pay, what they owe, and how
 * the grade moved in six months (see grade-trend.ts).
 */
export function GradesPanel({ owing }: { owing: readonly Owing[] | undefined }) {
  const { db, today, profile } = useBook();
  const [filter, setFilter] = useState<GradeFilter>('all');
  const [shown, setShown] = useState(PAGE);
  const filterId = useId();
  const owingKey = owing?.slice(0, GRADED_CUSTOMERS_CAP).map((o) => o.customerId).join(',');
  const graded = useLiveQuery(
    () => (owingKey === undefined ? undefined : loadGradedCustomers(db, owingKey === '' ? [] : owingKey.split(','), today, profile.currency, GRADED_CUSTOMERS_CAP)),
    [db, owingKey, today, profile.currency],
  );
  const rows = graded?.rows ?? [];
  const count = (f: GradeFilter) => (f === 'all' ? rows.length : rows.filter((r) => (r.grade ?? 'none') === f).length);
  const visible = filter === 'all' ? rows : rows.filter((r) => (r.grade ?? 'none') === filter);
  const leftOut = Math.max(0, (owing?.length ?? 0) - GRADED_CUSTOMERS_CAP);

  return (
    <section className="chase-panel" aria-labelledby="grades-title">
      <h2 id="grades-title">Customers by payment grade</h2>
      <p className="muted">
        Graded from each customer’s invoices of the last 12 months and anything older still owed. The trend compares with the grade the
        same rule gave on {day(trendStart(today), profile.locale)}, six months ago. A: {GRADE_MEANING.A}; B: {GRADE_MEANING.B}; C:{' '}
        {GRADE_MEANING.C}; D: {GRADE_MEANING.D}.
      </p>
      <div className="filters">
        <label htmlFor={filterId}>Show</label>
        <select
          id={filterId}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value as GradeFilter);
            setShown(PAGE);
          }}
        >
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {filterLabel(f)} ({count(f)})
            </option>
          ))}
        </select>
      </div>
      {graded === undefined ? <p className="loading">Grading customers…</p> : null}
      {graded !== undefined ? (
        <p className="muted">
          {rows.length} customers: those who owe the most, then the most recently invoiced, up to {GRADED_CUSTOMERS_CAP}.
          {leftOut > 0 ? ` ${leftOut} more customers owe smaller amounts and are not graded here.` : ''}
        </p>
      ) : null}
      {graded !== undefined && visible.length === 0 ? <p>No customers with this grade.</p> : null}
      {visible.length > 0 ? (
        <table className="grades-table">
          <caption className="visually-hidden">Customers by payment grade</caption>
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Grade</th>
              <th scope="col">How they pay</th>
              <th scope="col" className="num">
                Owes
              </th>
              <th scope="col">Trend (6 months)</th>
              <th scope="col">
                <span className="visually-hidden">Statement</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, shown).map((r) => (
              <GradeRow key={r.customerId} row={r} currency={profile.currency} locale={profile.locale} />
            ))}
          </tbody>
        </table>
      ) : null}
      {visible.length > shown ? (
        <button type="button" className="show-more" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, visible.length - shown)} more of {visible.length - shown}
        </button>
      ) : null}
    </section>
  );
}

function GradeRow({ row, currency, locale }: { row: GradedCustomer; currency: string; locale: string }) {
  return (
    <tr>
      <th scope="row">
        <Link to={`/customers/${row.customerId}`}>{row.name}</Link>
      </th>
      <td>{row.grade ? <span className={`grade grade-${row.grade}`}>{row.grade}</span> : <span className="muted">—</span>}</td>
      <td>
        {row.phrase ?? <span className="muted">No payment history yet</span>}
        {row.overdueCount > 0 ? <span className="muted"> · {row.overdueCount} overdue now</span> : null}
      </td>
      <td className="num">{money(row.owedMinor, currency, locale)}</td>
      <td>
        <TrendText trend={row.trend} then={row.gradeThen} />
      </td>
      <td>
        <Link to={`/customers/${row.customerId}/statement`} aria-label={`Statement for ${row.name}`}>
          Statement
        </Link>
      </td>
    </tr>
  );
}

function TrendText({ trend, then }: { trend: GradeTrend; then: PaymentGrade | null }) {
  switch (trend) {
    case 'better':
      return (
        <span className="trend-better">
          <span aria-hidden="true">▲ </span>better (was {then})
        </span>
      );
    case 'worse':
      return (
        <span className="trend-worse">
          <span aria-hidden="true">▼ </span>worse (was {then})
        </span>
      );
    case 'same':
      return <span className="muted">steady</span>;
    case 'new':
      return <span className="muted">new: no grade then</span>;
    case 'none':
      return <span className="muted">—</span>;
  }
}

function filterLabel(f: GradeFilter): string {
  if (f === 'all') return 'All grades';
  if (f === 'none') return 'No history yet';
  return `Grade ${f}`;
}
