import type { ReactNode } from 'react';
import { Link, useRoute } from '../../app/router';
import { useCloudSession } from '../../platform/cloud-session';
import { useSyncStatus } from '../../platform/sync-wiring';
import { syncSummary, type SyncView } from '../sync-status/sync-text';
import { useNow } from '../sync-status/use-now';
import { AccountArea } from './AccountArea';
import './account.css';
import '../sync-status/sync-status.css';

/**
 * The first start of an empty book: set up a new business (`welcome`), or, for a PC joining a
 * team that already uses Rateback, sign in and let the first sync bring the team's book.
 */
export function FirstStart({ welcome }: { welcome: ReactNode }) {
  const route = useRoute();
  if (route.path[0] === 'account') {
    return (
      <div className="first-start-account">
        <p>
          <Link to="/counter">← Set up this PC without an account</Link>
        </p>
        <AccountArea page={route.path[1]} />
      </div>
    );
  }
  return <TeamBanner welcome={welcome} />;
}

/** Signed in, and the first sync is still bringing the team's book (or about to). */
function firstSyncUnderway(view: SyncView): boolean {
  if (view.kind === 'starting') return true;
  return view.kind === 'running' && view.state.lastSyncedAt === null && view.state.phase !== 'error' && view.state.phase !== 'offline';
}

function TeamBanner({ welcome }: { welcome: ReactNode }) {
  const session = useCloudSession();
  const { view } = useSyncStatus();
  const now = useNow(5_000);
  if (session.state === 'signed_in') {
    const summary = syncSummary(view, now);
    // While the team's book is on its way, setting up another one here would only get in its way.
    const waiting = firstSyncUnderway(view);
    return (
      <>
        <aside className="first-start-banner" aria-label="Your team's book">
          <p>
            Signed in to <strong>{session.me.business.legalName}</strong>. <span role="status">{summary.text}</span>
          </p>
          {summary.progress ? <progress className="sync-progress-large" max={summary.progress.total} value={summary.progress.done} aria-label="Sync progress" /> : null}
          <p className="muted">
            {waiting
              ? 'Bringing your team’s book to this PC; it opens here once the first sync is done.'
              : 'Your team has no book in the cloud yet: set it up below, and it is shared with them.'}
          </p>
        </aside>
        {waiting ? null : welcome}
      </>
    );
  }
  if (session.state === 'needs_code') {
    return (
      <>
        <aside className="first-start-banner" aria-label="Your team's book">
          <p>
            Confirm your e-mail address to finish signing up: <Link to="/account/verify">Enter the code we e-mailed you</Link>
          </p>
        </aside>
        {welcome}
      </>
    );
  }
  if (session.state === 'unreachable') {
    return (
      <>
        <aside className="first-start-banner" aria-label="Your team's book">
          <p>This PC is signed in to a Rateback team, but the cloud cannot be reached right now: your team’s book comes as soon as it answers.</p>
        </aside>
        {welcome}
      </>
    );
  }
  return (
    <>
      <aside className="first-start-banner" aria-label="Your team's book">
        <p>
          <strong>Does your team already use Rateback?</strong> <Link to="/account/sign-in">Sign in</Link> or{' '}
          <Link to="/account/join">Join a team with an invite code</Link> to bring your team’s book to this PC.
        </p>
      </aside>
      {welcome}
    </>
  );
}
