import { randomUUID } from 'node:crypto';
import type { AnyProcedure } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '@core/sync/protocol';
import { failure, PASSWORD, START_MS } from './accounts/test-helpers';
import { appRouter, type AppRouter } from './routers/_app';
import { create, customer, edit, invoice, mutation, payment, remove } from './sync/test-records';
import { startTestCloud, type TestCloud } from './testing/harness';
import { BUSINESS_TABLE_NAMES, pullAll, rowsOfA, seedTenantWorld, type TenantWorld } from './testing/tenant-fixtures';
import { testDatabaseKinds } from './testing/test-database';

/**
 * The tenant matrix: every procedure of the cloud, called over real HTTP with the stock tRPC
 * client as a member of business B holding business A's ids (user ids, invite ids, session ids,
 * record ids, device ids, customers' phones and e-mails, the business ids moderators decide
 * on). Each must be refused, or answer only about B; and after each case A's rows, read as A
 * through the API and straight from every business table, are exactly what they were.
 *
 * B calls as its OWNER unless a case says otherwise: the strongest role, so a refusal is the
 * tenancy's doing, not the role's. The matrix is keyed by procedure path and checked against
 * the router itself (at compile time and at run time), so a new procedure fails this file until
 * someone decides what B may do with it. The cases run in the order written; where a case
 * relies on an earlier one it says so.
 *
 * The same isolation checked straight in SQL, under the tRPC layer: tenant-rls.test.ts.
 */

const MODERATOR = 'moderator@rateback-tenancy.example';
const STEP_MS = 30_000;

/** "account.signUp" … for every procedure of the router, from its type. */
type ProcedurePaths<R, Prefix extends string = ''> = {
  [K in keyof R & string]: R[K] extends AnyProcedure ? `${Prefix}${K}` : ProcedurePaths<R[K], `${Prefix}${K}.`>;
}[keyof R & string];
type ProcedurePath = ProcedurePaths<AppRouter['_def']['record']>;

type Run = (w: TenantWorld) => Promise<void>;

type Entry =
  /** The procedure takes something that can be A's: B sends A's. */
  | { sends: string; expected: string; run: Run; /** A itself acts in the case (a push), so A is read afresh after it. */ aActs?: true }
  /** Nothing in its input names a business's row; `noBusinessIds` says why, and `run` still calls it as B. */
  | { noBusinessIds: string; expected: string; run: Run };

// ---------------------------------------------------------------------------------------------
// What of A's must never show up in an answer to B
// ---------------------------------------------------------------------------------------------

/** Strings that are A's alone: any of them in an answer or error B receives is a leak. */
function traceOfA(w: TenantWorld, except: readonly string[] = []): string[] {
  const { a } = w;
  const r = a.records;
  const all = [
    a.businessId,
    a.legalName,
    ...[a.owner, a.manager, a.staff, a.joined].flatMap((m) => [m.userId, m.email]),
    a.invite.id,
    a.inviteToBStaff.id,
    a.invite.email,
    a.invite.code,
    ...a.sessionIds,
    a.device.id,
    r.ann.displayName,
    r.ann.notes,
    r.bob.displayName,
    ...r.ann.phones,
    ...r.ann.emails,
    r.ann.taxId,
    ...r.bob.phones,
    ...r.bob.emails,
    r.invoice.number,
    ...r.payments.map((p) => p.id),
    r.rating.note,
    r.statusChange.reason,
  ];
  return all.filter((s) => s !== '' && !except.includes(s));
}

function expectNoTraceOfA(w: TenantWorld, value: unknown, except: readonly string[] = []): void {
  const text = JSON.stringify(value);
  const found = traceOfA(w, except).filter((s) => text.includes(s));
  expect(found, `A's data in an answer to B: ${text.slice(0, 500)}`).toEqual([]);
}

/** B's call must fail with `code`, and its message must carry nothing of A's. */
async function refused(w: TenantWorld, call: Promise<unknown>, code: string): Promise<string> {
  const got = await failure(call);
  expect(got.code).toBe(code);
  expectNoTraceOfA(w, got);
  return got.message;
}

// ---------------------------------------------------------------------------------------------
// A, read as A: compared after every case
// ---------------------------------------------------------------------------------------------

async function readA(w: TenantWorld) {
  const { a } = w;
  const [records, members, invites, sessions, device, found, me, pending] = await Promise.all([
    pullAll(a.owner.api),
    a.owner.api.team.members.query(),
    a.owner.api.team.invites.query(),
    // Without lastSeenAt, and by id: using a session after a minute touches it (session-check.ts), which reorders the list.
    Promise.all(
      [a.owner, a.manager, a.staff, a.joined].map(async (m) =>
        (await m.api.account.sessions.query()).map(({ lastSeenAt: _seen, ...s }) => s).sort((x, y) => x.id.localeCompare(y.id)),
      ),
    ),
    a.owner.api.sync.deviceStatus.query({ deviceId: a.device.id }),
    Promise.all(Object.values(a.typed).map((identifier) => a.staff.api.book.lookup.query({ identifier }))),
    a.owner.api.account.me.query(),
    w.pending.api.account.me.query(),
  ]);
  return { records, members, invites, sessions, device, found, me, pendingBusiness: pending.business, rows: await rowsOfA(w.database, a.businessId) };
}
type ViewOfA = Awaited<ReturnType<typeof readA>>;

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

const MATRIX: Record<ProcedurePath, Entry> = {
  health: {
    noBusinessIds: 'public; reports that the process is up and its database kind, reading no business row',
    expected: '{ ok: true } and nothing else',
    async run(w) {
      expect(await w.b.owner.api.health.query()).toEqual({ ok: true, database: w.database.kind });
    },
  },

  // --- team ---------------------------------------------------------------------------------

  'team.members': {
    noBusinessIds: "takes no input; the team is the caller's",
    expected: "B's members only: none of A's user ids, names or addresses",
    async run(w) {
      const members = await w.b.owner.api.team.members.query();
      expect(members.map((m) => m.userId).sort()).toEqual([w.b.owner.userId, w.b.staff.userId, w.b.leaver.userId].sort());
      expectNoTraceOfA(w, members);
    },
  },
  'team.invite': {
    sends: "the addresses of A's pending invitee and of A's member who joined by invite",
    expected: "B gets invites of its own (new ids, B's name in the mail); A's invite keeps its id, role and expiry",
    async run(w) {
      const { a, b } = w;
      const toInvitee = await b.owner.api.team.invite.mutate({ email: a.invite.email, role: 'staff' });
      const toMember = await b.owner.api.team.invite.mutate({ email: a.joined.email, role: 'staff' });
      expect(toInvitee.id).not.toBe(a.invite.id);
      expectNoTraceOfA(w, [toInvitee, toMember], [a.invite.email, a.joined.email]);
    },
  },
  'team.invites': {
    noBusinessIds: "takes no input; lists the caller's business's invites (relies on team.invite above for B's own)",
    expected: "B's two invites only: never A's invite id, A's inviter or A's role for that address",
    async run(w) {
      const { a, b } = w;
      const invites = await b.owner.api.team.invites.query();
      expect(invites.map((i) => i.email).sort()).toEqual([a.invite.email, a.joined.email].sort());
      expect(invites.every((i) => i.role === 'staff' && i.id !== a.invite.id)).toBe(true);
      expectNoTraceOfA(w, invites, [a.invite.email, a.joined.email]);
    },
  },
  'team.revokeInvite': {
    sends: "A's pending invite ids (one of them to B's own staff member's address)",
    expected: "NOT_FOUND for both; A's invites are still pending",
    async run(w) {
      await refused(w, w.b.owner.api.team.revokeInvite.mutate({ id: w.a.invite.id }), 'NOT_FOUND');
      await refused(w, w.b.owner.api.team.revokeInvite.mutate({ id: w.a.inviteToBStaff.id }), 'NOT_FOUND');
    },
  },
  'team.acceptInvite': {
    noBusinessIds: 'public; the mailed code is the capability, and the business comes from the invite it finds',
    expected: "A's live code typed with B's staff member's address: BAD_REQUEST at the code (sent to another address); A's invite still pending",
    async run(w) {
      const got = await failure(
        w.cloud.client().team.acceptInvite.mutate({ code: w.a.invite.code, email: w.b.staff.email, displayName: 'B Staff', password: PASSWORD, deviceLabel: 'B PC' }),
      );
      expect(got.code).toBe('BAD_REQUEST');
      expect(got.issues?.map((i) => i.path.join('.'))).toEqual(['code']);
      expectNoTraceOfA(w, got);
    },
  },
  'team.changeRole': {
    sends: "A's staff member's and A's owner's user ids",
    expected: "NOT_FOUND for both; A's roles unchanged",
    async run(w) {
      const { a, b } = w;
      await refused(w, b.owner.api.team.changeRole.mutate({ userId: a.staff.userId, role: 'owner' }), 'NOT_FOUND');
      await refused(w, b.owner.api.team.changeRole.mutate({ userId: a.owner.userId, role: 'staff' }), 'NOT_FOUND');
    },
  },
  'team.remove': {
    sends: "A's staff member's and A's invited member's user ids",
    expected: "NOT_FOUND for both; their memberships and sessions live on (they still call as A)",
    async run(w) {
      const { a, b } = w;
      await refused(w, b.owner.api.team.remove.mutate({ userId: a.staff.userId }), 'NOT_FOUND');
      await refused(w, b.owner.api.team.remove.mutate({ userId: a.joined.userId }), 'NOT_FOUND');
      expect((await a.joined.api.account.me.query()).business.id).toBe(a.businessId);
      expect((await a.staff.api.account.me.query()).business.id).toBe(a.businessId);
    },
  },

  // --- account ------------------------------------------------------------------------------

  'account.signUp': {
    noBusinessIds: 'public; makes a new business from its input',
    expected: "A's owner's address: CONFLICT at owner.email, naming nothing of A; no business made",
    async run(w) {
      const input = {
        owner: { displayName: 'Intruder', email: w.a.owner.email, password: PASSWORD },
        business: { legalName: 'Intruder Ltd', country: 'GB', trade: 'retail', region: 'London', vatId: 'GB 980 7806 84', webDomain: 'intruder.example' },
        deviceLabel: 'PC',
      };
      const got = await failure(w.cloud.client().account.signUp.mutate(input));
      expect(got.code).toBe('CONFLICT');
      expect(got.issues?.map((i) => i.path.join('.'))).toEqual(['owner.email']);
      expectNoTraceOfA(w, got, [w.a.owner.email]);
    },
  },
  'account.verifyEmail': {
    noBusinessIds: "a code for the caller's own address",
    expected: "B's owner (already confirmed) gets B's own `me` back",
    async run(w) {
      const { me } = await w.b.owner.api.account.verifyEmail.mutate({ code: '000000' });
      expect(me.business.id).toBe(w.b.businessId);
      expectNoTraceOfA(w, me);
    },
  },
  'account.resendCode': {
    noBusinessIds: "mails the caller's own address",
    expected: 'BAD_REQUEST (already confirmed); no mail to anyone',
    async run(w) {
      await refused(w, w.b.owner.api.account.resendCode.mutate(), 'BAD_REQUEST');
    },
  },
  'account.signIn': {
    noBusinessIds: "public; an address and password, and the session opens in that account's own business",
    expected: "A's invited member's address with a wrong password: UNAUTHORIZED, no token, nothing of A",
    async run(w) {
      const got = await failure(w.cloud.client().account.signIn.mutate({ email: w.a.joined.email, password: 'not the password at all', deviceLabel: 'B PC' }));
      expect(got.code).toBe('UNAUTHORIZED');
      expectNoTraceOfA(w, got, [w.a.joined.email]);
    },
  },
  'account.me': {
    noBusinessIds: 'takes no input',
    expected: "B's owner and B's business",
    async run(w) {
      const me = await w.b.owner.api.account.me.query();
      expect(me).toMatchObject({ user: { id: w.b.owner.userId }, business: { id: w.b.businessId, legalName: w.b.legalName }, role: 'owner' });
      expectNoTraceOfA(w, me);
    },
  },
  'account.rotateSession': {
    noBusinessIds: "takes no input; rotates the caller's session",
    expected: "a new token for B's spare session, which signs in as B; A's sessions untouched",
    async run(w) {
      const { token } = await w.cloud.client(w.b.spareOwnerTokens.rotate).account.rotateSession.mutate();
      expect((await w.cloud.client(token).account.me.query()).business.id).toBe(w.b.businessId);
    },
  },
  'account.signOut': {
    noBusinessIds: "takes no input; ends the caller's session",
    expected: "B's spare session ends (signedOut 1); A's sessions untouched",
    async run(w) {
      expect(await w.cloud.client(w.b.spareOwnerTokens.signOut).account.signOut.mutate()).toEqual({ signedOut: 1 });
    },
  },
  'account.signOutEverywhere': {
    noBusinessIds: "takes no input; ends the caller's own sessions",
    expected: "ends exactly B's leaver's one session; A's sessions untouched",
    async run(w) {
      expect(await w.b.leaver.api.account.signOutEverywhere.mutate()).toEqual({ signedOut: 1 });
      await refused(w, w.b.leaver.api.account.me.query(), 'UNAUTHORIZED');
    },
  },
  'account.sessions': {
    noBusinessIds: "takes no input; lists the caller's own sessions",
    expected: "B's owner's sessions only: none of A's session ids",
    async run(w) {
      const sessions = await w.b.owner.api.account.sessions.query();
      expect(sessions.some((s) => s.current)).toBe(true);
      expect(sessions.map((s) => s.id).filter((id) => w.a.sessionIds.includes(id))).toEqual([]);
      expectNoTraceOfA(w, sessions);
    },
  },
  'account.revokeSession': {
    sends: "the id of every live session of A's members",
    expected: 'NOT_FOUND for each; every one of them still works',
    async run(w) {
      for (const id of w.a.sessionIds) await refused(w, w.b.owner.api.account.revokeSession.mutate({ id }), 'NOT_FOUND');
    },
  },
  'account.mailOutbox': {
    noBusinessIds: "takes no input; the outbox is filtered to the caller's business (relies on team.invite above)",
    expected: "B's own invite mails only: no mail A sent (A's name, A's invite codes), not to the addresses B has also invited, nor to B's own member",
    async run(w) {
      const { a, b } = w;
      const mailer = w.cloud.server.services.mailer;
      if (mailer.transport !== 'outbox') throw new Error('the matrix runs without SMTP');
      // Not vacuous: A's mail is there in the folder, to addresses B has invited too and to B's staff member.
      const aMail = await mailer.list({ to: [a.invite.email, a.joined.email, b.staff.email] });
      expect(aMail.filter((m) => m.text.includes(a.legalName))).toHaveLength(3);

      const { smtp, mails } = await b.owner.api.account.mailOutbox.query();
      expect(smtp).toBe(false);
      expect(mails.filter((m) => m.kind === 'invite' && m.text.includes(b.legalName))).toHaveLength(2);
      const fromA = mails.filter((m) => m.text.includes(a.legalName) || m.subject.includes(a.legalName) || m.text.includes(a.invite.code));
      expect(fromA.map((m) => `${m.kind} to ${m.to}: ${m.subject}`), "mail A sent, shown to B's owner").toEqual([]);
      expectNoTraceOfA(w, mails, [a.invite.email, a.joined.email]);
    },
  },

  // --- moderation ---------------------------------------------------------------------------

  'moderation.queue': {
    noBusinessIds: 'takes no input; moderators only',
    expected: "FORBIDDEN for B's owner (the moderator's queue does hold the pending business)",
    async run(w) {
      await refused(w, w.b.owner.api.moderation.queue.query(), 'FORBIDDEN');
      expect((await w.moderator.api.moderation.queue.query()).map((q) => q.businessId)).toContain(w.pending.businessId);
    },
  },
  'moderation.approve': {
    sends: "the pending business's id, and A's business id",
    expected: 'FORBIDDEN for both; the pending business is still pending_review',
    async run(w) {
      await refused(w, w.b.owner.api.moderation.approve.mutate({ businessId: w.pending.businessId }), 'FORBIDDEN');
      await refused(w, w.b.owner.api.moderation.approve.mutate({ businessId: w.a.businessId, note: 'looks fine' }), 'FORBIDDEN');
    },
  },
  'moderation.reject': {
    sends: "the pending business's id, and A's business id",
    expected: 'FORBIDDEN for both; nothing decided',
    async run(w) {
      await refused(w, w.b.owner.api.moderation.reject.mutate({ businessId: w.pending.businessId, note: 'no' }), 'FORBIDDEN');
      await refused(w, w.b.owner.api.moderation.reject.mutate({ businessId: w.a.businessId, note: 'no' }), 'FORBIDDEN');
    },
  },

  // --- the book -----------------------------------------------------------------------------

  'book.lookup': {
    sends: "A's customer's phone, e-mail and tax id, typed as at a counter",
    expected: "[] for each (B's own customer is found by its phone)",
    async run(w) {
      const { a, b } = w;
      for (const identifier of Object.values(a.typed)) expect(await b.staff.api.book.lookup.query({ identifier })).toEqual([]);
      expect((await b.staff.api.book.lookup.query({ identifier: b.own.phones[0] ?? '' })).map((c) => c.id)).toEqual([b.own.id]);
    },
  },
  'sync.deviceStatus': {
    sends: "A's device id (before B has used that id itself: sync.push below does)",
    expected: "exactly what an unknown device gets: mutation 0 and B's version",
    async run(w) {
      const { a, b } = w;
      const unknown = await b.owner.api.sync.deviceStatus.query({ deviceId: randomUUID() });
      expect(unknown).toEqual({ lastMutationId: 0, version: b.version });
      expect(await b.owner.api.sync.deviceStatus.query({ deviceId: a.device.id })).toEqual(unknown);
    },
  },
  'sync.pull': {
    sends: "cursors below, at and past A's version (0, 1, B's, A's − 1, A's, A's + 1, the largest), one page at a time and by 1",
    expected: "only B's own records, and B's version as `latest`, whatever the cursor",
    async run(w) {
      const { a, b } = w;
      expect(a.version).toBeGreaterThan(b.version + 2);
      const cursors = [0, 1, b.version, a.version - 1, a.version, a.version + 1, Number.MAX_SAFE_INTEGER];
      for (const start of cursors) {
        for (const limit of [undefined, 1]) {
          let cursor = start;
          for (let page = 0; page < 20; page++) {
            const got = await b.owner.api.sync.pull.query(limit === undefined ? { cursor } : { cursor, limit });
            expect(got.latest).toBe(b.version);
            expect(got.records.map((r) => r.id).filter((id) => id !== b.own.id)).toEqual([]);
            expectNoTraceOfA(w, got);
            cursor = got.cursor;
            if (!got.hasMore) break;
          }
        }
      }
    },
  },
  'sync.push': {
    sends: "from A's device id: an edit of A's customer, a payment on A's invoice, then whole records under A's record ids and a delete of A's rating",
    expected: 'the edits are refused (BAD_REQUEST: B holds no such record to edit); the whole records and the delete become B\'s own (B\'s data only, B\'s versions, a new cursor for that device id in B); A\'s records, version and device unchanged',
    async run(w) {
      const { a, b } = w;
      const r = a.records;
      const push = (...changes: Change[]) => b.owner.api.sync.push.mutate({ deviceId: a.device.id, mutations: [mutation(1, ...changes)] });
      // Were A's rows visible to B's merge, these would be completed from A's records and stored as B's.
      expect(await refused(w, push(edit('customers', r.ann.id, { notes: 'B was here' })), 'BAD_REQUEST')).toMatch(/field id: missing/);
      expect(await refused(w, push(edit('invoices', r.invoice.id, {}, { payments: [payment(1)] })), 'BAD_REQUEST')).toMatch(/field id: missing/);

      const mine = customer({ id: r.ann.id, displayName: 'Dan of B', phones: ['+447700900333'], emails: ['dan.b@b-customers.example'], taxId: '' });
      const myPayment = payment(700);
      const myInvoice = invoice(mine.id, { id: r.invoice.id, number: 'B-0077', payments: [myPayment] });
      const before = b.version;
      // Device id A's too: a cursor A's PC had in B would show as a replay here.
      const result = await push(create('customers', mine), create('invoices', myInvoice), remove('ratings', r.rating.id));
      expect(result).toEqual({ applied: 1, replayed: 0, lastMutationId: 1, version: before + 3 });
      b.version = result.version;

      const page = await b.owner.api.sync.pull.query({ cursor: before });
      expect(page.records).toEqual([
        { table: 'customers', id: r.ann.id, version: before + 1, deleted: false, data: mine },
        { table: 'invoices', id: r.invoice.id, version: before + 2, deleted: false, data: myInvoice },
        { table: 'ratings', id: r.rating.id, version: before + 3, deleted: true, data: null },
      ]);
      // Identifiers stay with their business both ways.
      expect(await a.staff.api.book.lookup.query({ identifier: '+447700900333' })).toEqual([]);
      expect(await b.staff.api.book.lookup.query({ identifier: a.typed.phone })).toEqual([]);
    },
  },
  'sync.onVersion': {
    sends: "a subscription from 0 while A pushes (A's versions are far past B's)",
    expected: "B's stream reports B's current version, then only B's next one: never A's",
    aActs: true,
    async run(w) {
      const { a, b } = w;
      const heardByB: number[] = [];
      const heardByA: number[] = [];
      const errors: unknown[] = [];
      const onError = (error: unknown) => errors.push(error);
      const subB = b.owner.api.sync.onVersion.subscribe({ since: 0 }, { onData: (e) => heardByB.push(e.data.version), onError });
      const subA = a.owner.api.sync.onVersion.subscribe({ since: a.version }, { onData: (e) => heardByA.push(e.data.version), onError });
      try {
        await until(() => heardByB.length > 0, 'B hears its current version');
        const aPush = await a.staff.api.sync.push.mutate({ deviceId: a.device.id, mutations: [mutation(a.device.nextMutation, edit('customers', a.records.bob.id, { notes: 'A edits' }))] });
        a.device.nextMutation += 1;
        a.version = aPush.version;
        await until(() => heardByA.includes(aPush.version), "A hears A's push");
        const bPush = await b.staff.api.sync.push.mutate({ deviceId: b.device.id, mutations: [mutation(b.device.nextMutation, edit('customers', b.own.id, { notes: 'B edits' }))] });
        b.device.nextMutation += 1;
        const bBefore = b.version;
        b.version = bPush.version;
        // Notices reach the hub in commit order: had A's reached B's stream, it would be here by now.
        await until(() => heardByB.includes(bPush.version) || heardByB.some((v) => v > bPush.version), "B hears B's push");
        expect(heardByB).toEqual([bBefore, bPush.version]);
        expect(errors).toEqual([]);
      } finally {
        subB.unsubscribe();
        subA.unsubscribe();
      }
    },
  },
};

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// ---------------------------------------------------------------------------------------------

for (const kind of testDatabaseKinds()) {
  describe(`tenant matrix: B calls every procedure with A's ids (${kind.name})`, { timeout: STEP_MS }, () => {
    let cloud: TestCloud;
    let w: TenantWorld;
    let baseline: ViewOfA;

    beforeAll(async () => {
      // No SMTP: mail goes to the outbox, which owners read through account.mailOutbox.
      cloud = await startTestCloud(kind, { env: { MODERATOR_EMAILS: MODERATOR } });
      w = await seedTenantWorld(cloud, MODERATOR);
      baseline = await readA(w);
    }, START_MS);
    afterAll(async () => {
      await cloud?.close();
    }, START_MS);

    it('covers every procedure of the router, and nothing else', () => {
      // At run time the router lists its procedures flat, by path ("team.invite").
      const procedures = Object.keys(appRouter._def.procedures as Record<string, unknown>).sort();
      expect(Object.keys(MATRIX).sort(), 'a procedure the tenant matrix does not cover (add it to MATRIX deliberately)').toEqual(procedures);
    });

    it("starts from an A with something of every kind, that A itself sees", () => {
      const { a } = w;
      expect(baseline.records.map((r) => r.table).sort()).toEqual(['customers', 'customers', 'invoices', 'members', 'ratings', 'statusChanges']);
      expect(baseline.records.find((r) => r.id === a.records.invoice.id)?.data?.['payments']).toEqual(a.records.payments);
      expect(baseline.members).toHaveLength(4);
      expect(baseline.invites.map((i) => i.id)).toEqual([a.invite.id, a.inviteToBStaff.id]);
      expect(a.sessionIds).toHaveLength(5);
      expect(baseline.device).toEqual({ lastMutationId: 2, version: a.version });
      expect(baseline.found.map((f) => f.map((c) => c.id))).toEqual([[a.records.ann.id], [a.records.ann.id], [a.records.ann.id]]);
      expect(baseline.pendingBusiness.status).toBe('pending_review');
      for (const table of BUSINESS_TABLE_NAMES) expect(baseline.rows[table]?.length ?? 0, table).toBeGreaterThan(0);
    });

    for (const [path, entry] of Object.entries(MATRIX)) {
      const what = 'sends' in entry ? `with ${entry.sends}` : `(no business ids: ${entry.noBusinessIds})`;
      it(`${path} ${what} → ${entry.expected}`, async () => {
        await entry.run(w);
        const after = await readA(w);
        if ('sends' in entry && entry.aActs) {
          // A acted itself: its rows moved by exactly its own push; the rest is compared afresh.
          baseline = after;
          return;
        }
        expect(after, `A, read as A, after B's ${path}`).toEqual(baseline);
      });
    }

  });
}
