/**
 * Transactions that write what the cloud sent. Their writes already come from the cloud, so
 * the outbox middleware must not queue them to be sent back: the applier marks its
 * IndexedDB transaction here before its first write, and the middleware asks.
 *
 * A WeakSet of the transactions themselves (rather than a flag on the book) so a local write
 * running at the same time in another transaction is still recorded, and nothing leaks once a
 * transaction is gone.
 */
const remote = new WeakSet<object>();

export function markRemoteWrite(idbTransaction: object): void {
  remote.add(idbTransaction);
}

export function isRemoteWrite(idbTransaction: object): boolean {
  return remote.has(idbTransaction);
}
