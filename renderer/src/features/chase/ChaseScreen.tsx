import { useMemo } from 'react';
import { useBook } from '../../app/book-context';
import { ExportAgingButton } from '../import/ExportButtons';
import { AgingPanel } from './AgingPanel';
import { agingSummary } from './aging-summary';
import { useChaseBook } from './chase-book';
import { rankOwing } from './grade-candidates';
import { GradesPanel } from './GradesPanel';
import { PlanEditor } from './PlanEditor';
import { TodayWork } from './TodayWork';
import './chase.css';

/**
 * The back office's screen: how old the money owed is, who to chase today, how each customer
 * pays, and the reminder plan. Book figures come from IndexedDB (live); reminders, promises and
 * the plan from the watch in main.
 */
export function ChaseScreen() {
  const { today, profile } = useBook();
  const book = useChaseBook();
  const summary = useMemo(() => book && agingSummary(book.open, book.issuedInPeriod, today, profile.currency), [book, today, profile.currency]);
  const owing = useMemo(() => book && rankOwing(book.open, profile.currency), [book, profile.currency]);

  return (
    <div className="chase">
      <div className="screen-head">
        <h1>Chase</h1>
        <div className="toolbar chase-tools">
          <ExportAgingButton />
        </div>
      </div>
      <div className="chase-top">
        <AgingPanel summary={summary} />
      </div>
      <TodayWork open={book?.open} />
      <GradesPanel owing={owing} />
      <PlanEditor />
    </div>
  );
}
