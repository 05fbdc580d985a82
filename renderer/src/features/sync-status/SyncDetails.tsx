import { Link } from '../../app/router';
import { useSyncStatus } from '../../platform/sync-wiring';
import { instant } from '../../ui/format';
import { countText, syncSummary } from './sync-text';
import { useNow } from './use-now';
import './sync-status.css';

/** #/sync: what the indicator means, in full, and a "Sync now" for the impatient. */
export function SyncDetails() {
  const { view, syncNow } = useSyncStatus();
  const now = useNow(5_000);
  const summary = syncSummary(view, now);
  const state = view.kind === 'running' ? view.state : null;
  return (
    <section className="sync-details" aria-labelledby="sync-title">
      <h1 id="sync-title">Sync</h1>
      <p className={`sync-summary sync-${summary.tone}`}>
        {/* An error's message is in the detail below: the headline just says what it is. */}
        <strong>{summary.tone === 'error' ? 'Sync problem' : summary.text}</strong>
      </p>
      {summary.progress ? (
        <progress className="sync-progress-large" max={summary.progress.total} value={summary.progress.done} aria-label="Sync progress" />
      ) : null}
      <p>{summary.detail}</p>
      {state ? (
        <dl className="account-facts">
          <dt>Changes waiting on this PC</dt>
          <dd>{countText(state.pending)}</dd>
          <dt>Last synced</dt>
          <dd>{state.lastSyncedAt ? instant(state.lastSyncedAt, navigator.language) : 'Not yet'}</dd>
          {/* Two facts, because either can fail alone: a PC on its network may still not reach the cloud. */}
          <dt>This PC’s network</dt>
          <dd>{state.online ? 'Connected' : 'Not connected'}</dd>
          <dt>The cloud</dt>
          <dd>{state.phase === 'offline' ? 'Not reachable: changes wait on this PC' : 'Reachable'}</dd>
        </dl>
      ) : null}
      <div className="toolbar">
        {state ? (
          <button type="button" className="primary" onClick={syncNow} disabled={state.phase === 'pushing' || state.phase === 'pulling'}>
            Sync now
          </button>
        ) : null}
        <Link to="/account" className="button">
          {view.kind === 'signed_out' ? 'Sign in to sync' : 'Account'}
        </Link>
      </div>
      <p className="muted">
        The book lives on this PC and works offline. Sync sends this PC’s changes to your team’s cloud and brings back theirs; two PCs editing different fields of
        one customer both keep their edit, and payments recorded on two PCs are both kept.
      </p>
    </section>
  );
}
