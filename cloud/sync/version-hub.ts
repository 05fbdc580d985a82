import { inArray, sql } from 'drizzle-orm';
import { businesses } from '../db/schema';
import { asSystem } from '../db/tenancy';
import type { Database, Tx } from '../db/client';

/**
 * Tells every cloud process when a business's book has a new version, so their `onVersion`
 * subscribers can pull at once instead of polling.
 *
 * The notice is a Postgres NOTIFY sent from inside the push transaction: Postgres delivers it
 * only if and when that transaction commits, to every connection that LISTENs on the channel —
 * the other processes on one PostgreSQL as well as this one (PGlite is one process, and the same
 * code works there). A pull that follows a notice therefore always finds the new rows. Each
 * process LISTENs once and fans notices out to its own subscribers by business.
 */
export interface VersionHub {
  /** Queues the notice in `tx`; it goes out when `tx` commits, and never if it rolls back. */
  notify(tx: Tx, businessId: string, version: number): Promise<void>;
  /** Calls `listener` with each new version of the business; returns the unsubscribe. */
  subscribe(businessId: string, listener: (version: number) => void): () => void;
  close(): Promise<void>;
}

export const VERSIONS_CHANNEL = 'rateback_versions';

export function versionPayload(businessId: string, version: number): string {
  return `${businessId}:${version}`;
}

/** The payload's parts, or null for anything this code did not send (ignored, not fatal). */
export function parseVersionPayload(payload: string): { businessId: string; version: number } | null {
  const colon = payload.lastIndexOf(':');
  if (colon <= 0) return null;
  const version = Number(payload.slice(colon + 1));
  if (!Number.isSafeInteger(version) || version < 0) return null;
  return { businessId: payload.slice(0, colon), version };
}

export async function createVersionHub(database: Pick<Database, 'listen'> & Partial<Pick<Database, 'db'>>): Promise<VersionHub> {
  const listeners = new Map<string, Set<(version: number) => void>>();

  const dispatch = (notice: { businessId: string; version: number }) => {
    const forBusiness = listeners.get(notice.businessId);
    if (!forBusiness) return;
    // A copy: a listener may unsubscribe while we call the others.
    for (const listener of [...forBusiness]) {
      try {
        listener(notice.version);
      } catch {
        // One subscriber's failure must not keep the notice from the rest.
      }
    }
  };
  // After the listening connection was lost and came back, notices from the gap are gone:
  // tell every followed business its current version (subscribers ignore ones they have seen).
  const catchUp = () => {
    const db = database.db;
    if (!db || listeners.size === 0) return;
    const ids = [...listeners.keys()];
    asSystem({ db }, (tx) => tx.select({ id: businesses.id, version: businesses.version }).from(businesses).where(inArray(businesses.id, ids))).then(
      (rows) => {
        for (const row of rows) dispatch({ businessId: row.id, version: row.version });
      },
      () => {},
    );
  };
  const stopListening = await database.listen(
    VERSIONS_CHANNEL,
    (payload) => {
      const notice = parseVersionPayload(payload);
      if (notice) dispatch(notice);
    },
    catchUp,
  );

  return {
    async notify(tx, businessId, version) {
      await tx.execute(sql`SELECT pg_notify(${VERSIONS_CHANNEL}, ${versionPayload(businessId, version)})`);
    },
    subscribe(businessId, listener) {
      let set = listeners.get(businessId);
      if (!set) {
        set = new Set();
        listeners.set(businessId, set);
      }
      set.add(listener);
      return () => {
        const current = listeners.get(businessId);
        if (!current) return;
        current.delete(listener);
        if (current.size === 0) listeners.delete(businessId);
      };
    },
    async close() {
      listeners.clear();
      await stopListening();
    },
  };
}
