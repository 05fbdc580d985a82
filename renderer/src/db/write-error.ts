/**
 * A write that did not happen. Every write in the book runs in one IndexedDB transaction, so
 * when it fails nothing of it was stored; the message says so in words a counter clerk reads.
 */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly reason: 'quota' | 'aborted' | 'conflict' | 'not_found' | 'invalid' | 'unknown',
  ) {
    super(message);
    this.name = 'WriteError';
  }
}

/** Runs a write and turns IndexedDB's failures into a WriteError with a clear message. */
export async function guardedWrite<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toWriteError(what, error);
  }
}

export function toWriteError(what: string, error: unknown): WriteError {
  if (error instanceof WriteError) return error;
  const name = errorName(error);
  if (name === 'QuotaExceededError') {
    return new WriteError(`Could not save ${what}: this computer has no storage left for Rateback. Nothing was saved; free some disk space and try again.`, 'quota');
  }
  if (name === 'AbortError') {
    return new WriteError(`Saving ${what} was interrupted, so nothing was saved. Please try again.`, 'aborted');
  }
  if (name === 'ConstraintError') {
    return new WriteError(`Could not save ${what}: a record with the same key already exists. Nothing was saved.`, 'conflict');
  }
  return new WriteError(`Could not save ${what}. Nothing was saved. (${name})`, 'unknown');
}

function errorName(error: unknown): string {
  // Dexie wraps DOMExceptions; its `inner` keeps the original.
  if (typeof error === 'object' && error !== null) {
    const e = error as { name?: unknown; inner?: { name?: unknown } };
    if (typeof e.inner?.name === 'string' && e.inner.name !== 'Error') return e.inner.name;
    if (typeof e.name === 'string') return e.name;
  }
  return 'Error';
}
