import { useEffect, useState } from 'react';
import { subscribeRowProblems, type RowProblem } from '../db/read-validation';

/** Rows that failed validation when read back: named by table and id, never a blank screen. */
export function DataProblems() {
  const [problems, setProblems] = useState<readonly RowProblem[]>([]);
  useEffect(() => subscribeRowProblems(setProblems), []);
  if (problems.length === 0) return null;
  return (
    <section className="data-problems" role="alert" aria-label="Data problems">
      <strong>
        {problems.length === 1 ? 'One record' : `${problems.length} records`} could not be read and {problems.length === 1 ? 'is' : 'are'} left out:
      </strong>
      <ul>
        {problems.slice(0, 10).map((p) => (
          <li key={`${p.table}/${p.id}`}>
            {p.table} {p.id}: {p.issues.slice(0, 3).join('; ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
