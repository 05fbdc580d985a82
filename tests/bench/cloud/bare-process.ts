import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { normaliseLookup } from '../../../cloud/sync/customer-identifiers';
import { serveParent } from './children';

/**
 * `--role bare-server`: the look-up floor. Plain node:http + a pg Pool of the cloud's size (16),
 * no framework, answering GET in tRPC's wire format (`?input=<json>` → `{"result":{"data":[…]}}`)
 * so the load generator treats it exactly like the cloud. Two paths:
 *
 *   /same-shape  what the cloud's `book.lookup` sends to PostgreSQL, statement for statement:
 *                the session check as `asSystem` runs it (BEGIN; set_config role + business;
 *                the session ⋈ users ⋈ memberships ⋈ businesses SELECT by token hash; COMMIT),
 *                then the look-up as `asBusiness` runs it (BEGIN; set_config role + business;
 *                the identifier ⋈ book_records SELECT; COMMIT). It hashes the bearer token,
 *                checks revoked / expiry / idle and e-mail verified, and normalises the identifier
 *                with the cloud's own normaliseLookup. It does NOT: validate input or output with
 *                zod, run tRPC's middleware chain, build tRPC's context or error shapes, go through
 *                Drizzle, or touch last_seen_at (the cloud writes it at most once a minute).
 *   /single      one SELECT (the same look-up statement) in autocommit, for the business given at
 *                start, with no session check and no transaction: a reference ceiling, not a fair
 *                floor (row-level security is skipped too: the bench connects as a superuser).
 *
 * The SQL follows cloud/accounts/session-check.ts (the same four-table join; the cloud compares
 * the expiry times in SQL, this server in JS) and cloud/sync/lookup-customers.ts; if those
 * change, change it here too.
 */
export interface BareReady {
  url: string;
}

const SESSION_SQL = `
  SELECT s.last_seen_at, s.expires_at, s.revoked_at, u.id AS user_id, u.email, u.display_name, u.email_verified_at,
         b.id AS business_id, b.status AS business_status, m.role
  FROM sessions s
  INNER JOIN users u ON u.id = s.user_id
  INNER JOIN memberships m ON m.user_id = s.user_id AND m.business_id = s.business_id
  INNER JOIN businesses b ON b.id = s.business_id
  WHERE s.token_hash = $1`;

const LOOKUP_SQL = `
  SELECT b.id,
         b.data->>'displayName' AS "displayName",
         b.data->'status' AS status,
         b.data->'phones' AS phones,
         b.data->'emails' AS emails
  FROM customer_identifiers ci
  JOIN book_records b ON b.business_id = ci.business_id AND b.tbl = 'customers' AND b.id = ci.customer_id
  WHERE ci.business_id = $1::uuid AND ci.identifier = $2 AND NOT b.deleted
  ORDER BY b.data->>'displayName', b.id
  LIMIT 20`;

const IDLE_MS = 14 * 24 * 3600_000;

interface SessionRow {
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  business_id: string;
  email_verified_at: Date | null;
}

export async function runBareProcess(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  const fixedBusiness = process.env['BARE_BUSINESS_ID'] ?? '';
  if (!url) throw new Error('bare-server: DATABASE_URL is not set');
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env['DATABASE_POOL_SIZE'] ?? 16) });
  pool.on('error', () => {});

  async function inTransaction<T>(role: string, businessId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('role', $1, true), set_config('app.business_id', $2, true)", [role, businessId]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async function sameShape(req: IncomingMessage, identifier: string): Promise<{ status: number; body: unknown }> {
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    if (!token) return { status: 401, body: { error: { message: 'Sign in first.' } } };
    const tokenHash = createHash('sha256').update(token).digest('hex');
    const now = Date.now();
    const session = await inTransaction('rateback_system', '', async (client) => (await client.query<SessionRow>(SESSION_SQL, [tokenHash])).rows[0]);
    if (!session || session.revoked_at !== null || session.expires_at.getTime() <= now || session.last_seen_at.getTime() + IDLE_MS <= now) {
      return { status: 401, body: { error: { message: 'Sign in again: your session has ended.' } } };
    }
    if (session.email_verified_at === null) return { status: 403, body: { error: { message: 'Confirm your e-mail address first.' } } };
    const normalised = normaliseLookup(identifier);
    if (normalised === '') return { status: 200, body: { result: { data: [] } } };
    const rows = await inTransaction('rateback_app', session.business_id, async (client) => (await client.query(LOOKUP_SQL, [session.business_id, normalised])).rows);
    return { status: 200, body: { result: { data: rows } } };
  }

  async function single(identifier: string): Promise<{ status: number; body: unknown }> {
    const rows = (await pool.query(LOOKUP_SQL, [fixedBusiness, normaliseLookup(identifier)])).rows;
    return { status: 200, body: { result: { data: rows } } };
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const path = q === -1 ? target : target.slice(0, q);
    const input = q === -1 ? null : new URLSearchParams(target.slice(q + 1)).get('input');
    let identifier = '';
    try {
      const parsed = JSON.parse(input ?? 'null') as { identifier?: unknown } | null;
      identifier = typeof parsed?.identifier === 'string' ? parsed.identifier : '';
    } catch {
      identifier = '';
    }
    const answer = path === '/same-shape' ? sameShape(req, identifier) : path === '/single' ? single(identifier) : Promise.resolve({ status: 404, body: { error: 'not found' } });
    answer
      .then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: String(error) } }));
      });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  serveParent(
    { url: `http://127.0.0.1:${port}` } satisfies BareReady,
    async (message) => {
      throw new Error(`bare-server: unknown request ${message.type}`);
    },
    async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  );
}
