import type { SyncState } from '../../sync/sync-engine';

/**
 * What the header's sync indicator says, from the sync engine's state (or from why there is
 * no engine: signed out, e-mail not confirmed yet). Pure: the clock is passed in.
 */
export type SyncView =
  /** Not signed in to the cloud: the book stays on this PC. */
  | { kind: 'signed_out' }
  /** Signed in, but the e-mail code is not entered yet: the cloud refuses sync until it is. */
  | { kind: 'needs_code' }
  /** Signed in; the account is being read before the engine starts. */
  | { kind: 'starting' }
  /** Signed in, but the cloud could not be reached to read the account (offline at start). */
  | { kind: 'unreachable'; pending: number; error: string }
  | { kind: 'running'; state: SyncState };

export type SyncTone = 'ok' | 'waiting' | 'busy' | 'offline' | 'error' | 'off';

export interface SyncSummary {
  /** The indicator's text: short, stable words people (and tests) can rely on. */
  text: string;
  tone: SyncTone;
  /** A large download: records applied of all, for a progress bar. */
  progress?: { done: number; total: number };
  /** A longer explanation for the details page and the tooltip. */
  detail: string;
}

const numbers = new Intl.NumberFormat('en-GB');

export function countText(n: number): string {
  return numbers.format(n);
}

function changes(n: number): string {
  return n === 1 ? '1 change' : `${countText(n)} changes`;
}

/** "just now", "2 min ago", "3 h ago", "4 days ago": how long since an instant. */
export function agoText(iso: string, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - Date.parse(iso)) / 1000));
  if (!Number.isFinite(seconds)) return 'at an unknown time';
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

export function syncSummary(view: SyncView, nowMs: number): SyncSummary {
  switch (view.kind) {
    case 'signed_out':
      return { text: 'Not syncing', tone: 'off', detail: 'This PC is not signed in to a Rateback team: the book stays on this PC only. Sign in under Account to sync it with your team.' };
    case 'needs_code':
      return { text: 'Sync waits for your e-mail code', tone: 'off', detail: 'Enter the code we e-mailed you (under Account): sync starts once your address is confirmed.' };
    case 'starting':
      return { text: 'Connecting…', tone: 'busy', detail: 'Reading your account before the first sync.' };
    case 'unreachable':
      return {
        text: view.pending > 0 ? `Offline — ${changes(view.pending)} will sync when back online` : 'Offline',
        tone: 'offline',
        detail: `The Rateback cloud cannot be reached (${view.error}). ${view.pending > 0 ? `${changes(view.pending)} waiting on this PC.` : 'Nothing is waiting on this PC.'} Everything keeps working here; sync resumes when the cloud answers.`,
      };
    case 'running':
      return runningSummary(view.state, nowMs);
  }
}

function runningSummary(state: SyncState, nowMs: number): SyncSummary {
  const { pending } = state;
  const waiting = pending > 0 ? `${changes(pending)} waiting on this PC.` : 'Nothing is waiting on this PC.';
  const last = state.lastSyncedAt ? `Last synced ${agoText(state.lastSyncedAt, nowMs)}.` : 'Not synced yet.';

  if (!state.online || state.phase === 'offline') {
    const text = pending > 0 ? `Offline — ${changes(pending)} will sync when back online` : 'Offline';
    return { text, tone: 'offline', detail: `${state.error ?? 'This PC is offline.'} ${waiting} ${last}` };
  }
  if (state.phase === 'error') {
    return {
      text: `Sync problem: ${state.error ?? 'unknown error'}`,
      tone: 'error',
      detail: `${state.error ?? 'The sync failed.'} ${waiting} Nothing is lost: changes wait on this PC until the sync works again. ${last}`,
    };
  }
  if (state.phase === 'pushing' || state.phase === 'pulling') {
    const progress = state.progress;
    if (progress && progress.total > 0) {
      return {
        text: `Syncing ${countText(progress.done)} of ${countText(progress.total)}`,
        tone: 'busy',
        progress,
        detail: `Downloading the team's book: ${countText(progress.done)} of ${countText(progress.total)} records. You can keep working meanwhile.`,
      };
    }
    const text = state.phase === 'pushing' && pending > 0 ? `Sending ${changes(pending)}…` : 'Syncing…';
    return { text, tone: 'busy', detail: `${waiting} ${last}` };
  }
  if (pending > 0) return { text: `${changes(pending)} waiting`, tone: 'waiting', detail: `${waiting} They are sent in a moment. ${last}` };
  if (!state.lastSyncedAt) return { text: 'Not synced yet', tone: 'waiting', detail: 'The first sync has not finished yet.' };
  return { text: `Synced ${agoText(state.lastSyncedAt, nowMs)}`, tone: 'ok', detail: `Everything on this PC is in the cloud. ${last}` };
}
