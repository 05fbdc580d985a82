import { Link } from '../../app/router';
import { useSyncStatus } from '../../platform/sync-wiring';
import { syncSummary } from './sync-text';
import { useNow } from './use-now';
import './sync-status.css';

/**
 * The header's sync indicator: one short line ("Synced 2 min ago", "3 changes waiting",
 * "Offline — 12 changes will sync when back online", "Syncing 1,000 of 100,000" with a bar),
 * a link to the details, inside a polite live region, so a change is read out without
 * stealing focus.
 */
export function SyncIndicator() {
  const { view } = useSyncStatus();
  const now = useNow();
  const summary = syncSummary(view, now);
  return (
    <span role="status" className="sync-indicator-region">
      <Link to="/sync" className={`sync-indicator sync-${summary.tone}`} title={summary.detail}>
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-text">{summary.text}</span>
        {summary.progress ? (
          // The text already says the numbers; the bar is for the eye.
          <progress className="sync-progress" max={summary.progress.total} value={summary.progress.done} aria-hidden="true" />
        ) : null}
      </Link>
    </span>
  );
}
