import { sql } from 'drizzle-orm';
import type { Database, Tx } from './client';

/**
 * The only two ways a request reaches the database.
 *
 * `asBusiness` runs as rateback_app with the business set for this transaction alone
 * (`set_config(…, true)` ends with it), so row-level security limits every statement to that
 * business's rows, whatever ids the request carries. `asSystem` runs as rateback_system, for
 * the few steps that must find a row before the business is known: sign-up, sign-in, session
 * checks, accepting an invite, moderation.
 */
export function asBusiness<T>(database: Pick<Database, 'db'>, businessId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('role', 'rateback_app', true), set_config('app.business_id', ${businessId}, true)`);
    return work(tx as unknown as Tx);
  });
}

export function asSystem<T>(database: Pick<Database, 'db'>, work: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('role', 'rateback_system', true), set_config('app.business_id', '', true)`);
    return work(tx as unknown as Tx);
  });
}
