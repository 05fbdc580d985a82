import { describe, expect, it } from 'vitest';
import type { SyncState } from '../../sync/sync-engine';
import { agoText, syncSummary } from './sync-text';

const NOW = Date.parse('2026-03-14T10:00:00Z');
const base: SyncState = { phase: 'idle', online: true, pending: 0, lastSyncedAt: '2026-03-14T09:58:00Z' };
const running = (patch: Partial<SyncState>) => syncSummary({ kind: 'running', state: { ...base, ...patch } }, NOW);

describe('syncSummary', () => {
  it('says when the book was last synced', () => {
    expect(running({})).toMatchObject({ text: 'Synced 2 min ago', tone: 'ok' });
    expect(running({ lastSyncedAt: '2026-03-14T09:59:50Z' }).text).toBe('Synced just now');
  });

  it('counts changes waiting on this PC', () => {
    expect(running({ pending: 3 })).toMatchObject({ text: '3 changes waiting', tone: 'waiting' });
    expect(running({ pending: 1 }).text).toBe('1 change waiting');
  });

  it('says offline, with what will sync when back', () => {
    expect(running({ phase: 'offline', pending: 12 })).toMatchObject({ text: 'Offline — 12 changes will sync when back online', tone: 'offline' });
    expect(running({ online: false, phase: 'idle', pending: 0 }).text).toBe('Offline');
  });

  it('shows the progress of a large first download', () => {
    const summary = running({ phase: 'pulling', progress: { done: 1000, total: 100_000 } });
    expect(summary).toMatchObject({ text: 'Syncing 1,000 of 100,000', tone: 'busy', progress: { done: 1000, total: 100_000 } });
  });

  it('says syncing without a count for a small run', () => {
    expect(running({ phase: 'pulling' }).text).toBe('Syncing…');
    expect(running({ phase: 'pushing', pending: 2 }).text).toBe('Sending 2 changes…');
  });

  it('shows the error message', () => {
    const summary = running({ phase: 'error', error: 'Only a manager or owner can do that.', pending: 4 });
    expect(summary.text).toBe('Sync problem: Only a manager or owner can do that.');
    expect(summary.tone).toBe('error');
    expect(summary.detail).toContain('4 changes waiting on this PC.');
  });

  it('says not synced yet before the first run ends', () => {
    expect(running({ lastSyncedAt: null }).text).toBe('Not synced yet');
  });

  it('explains why nothing syncs when there is no engine', () => {
    expect(syncSummary({ kind: 'signed_out' }, NOW)).toMatchObject({ text: 'Not syncing', tone: 'off' });
    expect(syncSummary({ kind: 'needs_code' }, NOW).text).toBe('Sync waits for your e-mail code');
    expect(syncSummary({ kind: 'unreachable', pending: 12, error: 'fetch failed' }, NOW)).toMatchObject({
      text: 'Offline — 12 changes will sync when back online',
      tone: 'offline',
    });
  });
});

describe('agoText', () => {
  it('rounds to the unit people read', () => {
    expect(agoText('2026-03-14T09:59:30Z', NOW)).toBe('just now');
    expect(agoText('2026-03-14T09:55:00Z', NOW)).toBe('5 min ago');
    expect(agoText('2026-03-14T07:00:00Z', NOW)).toBe('3 h ago');
    expect(agoText('2026-03-13T09:00:00Z', NOW)).toBe('1 day ago');
    expect(agoText('2026-03-10T10:00:00Z', NOW)).toBe('4 days ago');
  });

  it('does not say "in the future" for a clock a little behind', () => {
    expect(agoText('2026-03-14T10:00:05Z', NOW)).toBe('just now');
  });
});
