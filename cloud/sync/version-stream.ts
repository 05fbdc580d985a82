/**
 * A business's versions as an async stream, for the `onVersion` subscription: first the current
 * version if the client is behind, then each new one, until `signal` aborts.
 *
 * Versions that arrive faster than the client reads them are coalesced to the highest: a client
 * only ever needs "pull up to at least N", so a slow reader costs one number, never a queue.
 * The stream subscribes before it reads the current version, so a push that commits between
 * the two is still heard; and it never yields a version at or below one it already yielded.
 */
export interface VersionStreamSource {
  subscribe(listener: (version: number) => void): () => void;
  /** The business's version now (businesses.version). */
  current(): Promise<number>;
}

export async function* versionsAfter(source: VersionStreamSource, since: number, signal: AbortSignal | undefined): AsyncGenerator<number, void, undefined> {
  let sent = since;
  let heard = 0;
  let wake: (() => void) | null = null;
  const unsubscribe = source.subscribe((version) => {
    if (version > heard) heard = version;
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    const now = await source.current();
    if (now > heard) heard = now;
    while (!signal?.aborted) {
      if (heard > sent) {
        sent = heard;
        yield sent;
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', onAbort);
  }
}
