/**
 * What went wrong with a call to the cloud, in the three kinds the engine acts on:
 * - 'conflict': the cloud refused a push because it misses earlier mutations (a gap); the
 *   engine asks where the cloud stands and resends from there.
 * - 'offline': no answer from the cloud (no network, server down, a proxy's error page);
 *   changes wait on this PC and the engine retries with backoff.
 * - 'refused': the cloud answered with an error (invalid data, signed out…); the outbox is kept
 *   as it is and the message is shown.
 * tRPC client errors carry the server's error code in `data.code` and have no `data` when no
 * tRPC answer came back; the check is structural so the renderer needs no tRPC server code.
 */
export type SyncFailure = 'conflict' | 'offline' | 'refused';

export function classifySyncError(error: unknown): SyncFailure {
  if (typeof error !== 'object' || error === null) return 'refused';
  const { name, data, message } = error as { name?: unknown; data?: { code?: unknown } | null; message?: unknown };
  if (data?.code === 'CONFLICT') return 'conflict';
  if (name === 'TRPCClientError' && (data === undefined || data === null)) return 'offline';
  if (error instanceof TypeError && typeof message === 'string' && /fetch|network|connect/i.test(message)) return 'offline';
  return 'refused';
}

/** A problem the engine cannot fix by retrying: it waits for a person (or a new sign-in). */
export class SyncBlockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncBlockedError';
  }
}

/** The words shown for a failure (the cloud's own message when it answered). */
export function describeSyncError(kind: SyncFailure, error: unknown): string {
  if (kind === 'offline') return 'Cannot reach the Rateback cloud; changes are kept on this PC and sent when it is back.';
  return error instanceof Error && error.message ? error.message : 'The Rateback cloud refused the sync.';
}
