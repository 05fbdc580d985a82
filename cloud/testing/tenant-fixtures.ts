import { randomBytes, randomUUID } from 'node:crypto';
import type { TRPCClient } from '@trpc/client';
import type { Customer, StatusChange } from '@core/customer';
import type { Invoice, Payment } from '@core/invoice';
import type { Member } from '@core/member';
import type { Rating } from '@core/rating';
import type { PulledRecord } from '@core/sync/protocol';
import { emailCodeIn, inviteCodeIn, PASSWORD, signUpInput, uniqueEmail } from '../accounts/test-helpers';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/client';
import { sessions } from '../db/schema';
import { asBusiness, asSystem } from '../db/tenancy';
import type { AppRouter } from '../routers/_app';
import { create, customer, edit, invoice, mutation, payment } from '../sync/test-records';
import { hashToken, seedMember, type SeededMember } from './fixtures';
import type { TestCloud } from './harness';

/**
 * Two businesses on one cloud for the tenant matrix (cloud/tenant-matrix.test.ts): A holds
 * something of every kind B could reach for (synced records, a member who joined by a real
 * invite, a pending invite, several sessions, a device), B holds a little of its own so that
 * its answers are never empty by accident, and a third business waits for moderation.
 */

export type Api = TRPCClient<AppRouter>;

export interface Signed extends SeededMember {
  api: Api;
}

/** What A's customers are found by, as someone would type them at a counter. */
export interface TypedIdentifiers {
  phone: string;
  email: string;
  taxId: string;
}

export interface BusinessA {
  businessId: string;
  legalName: string;
  owner: Signed;
  manager: Signed;
  staff: Signed;
  /** Joined through team.invite → the mailed code → team.acceptInvite, with a real password. */
  joined: { userId: string; email: string; token: string; api: Api };
  /** Sent and not yet used. */
  invite: { id: string; email: string; code: string };
  /** Also pending: to the address of B's staff member (A cannot know they are in B's team). */
  inviteToBStaff: { id: string };
  /** The ids (account.sessions) of every live session of A's members. */
  sessionIds: string[];
  /** The PC that pushed A's records; its next mutation id. */
  device: { id: string; nextMutation: number };
  records: { ann: Customer; bob: Customer; invoice: Invoice; payments: Payment[]; rating: Rating; statusChange: StatusChange; member: Member };
  /** Ann's phone, e-mail and tax id. */
  typed: TypedIdentifiers;
  /** A's version after seeding (the number of versions its pushes made). */
  version: number;
}

export interface BusinessB {
  businessId: string;
  legalName: string;
  owner: Signed;
  staff: Signed;
  /** Signs out everywhere in the matrix; nobody else uses it. */
  leaver: Signed;
  /** Further sessions of B's owner, for rotating and signing out without losing `owner.token`. */
  spareOwnerTokens: { rotate: string; signOut: string };
  device: { id: string; nextMutation: number };
  own: Customer;
  /** Kept up to date by the cases that push as B. */
  version: number;
}

export interface TenantWorld {
  cloud: TestCloud;
  database: Database;
  a: BusinessA;
  b: BusinessB;
  /** Signed up for real, e-mail confirmed: waiting in the moderators' queue. */
  pending: { businessId: string; api: Api };
  moderator: Signed;
}

const AT = '2026-01-02T10:00:00.000Z';

/** Another session for a seeded member, as if they had signed in on a second PC. */
export async function openExtraSession(database: Database, member: SeededMember, deviceLabel: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await asSystem(database, (tx) =>
    tx.insert(sessions).values({
      tokenHash: hashToken(token),
      userId: member.userId,
      businessId: member.businessId,
      deviceLabel,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 24 * 3600_000),
    }),
  );
  return token;
}

/** Every record of the business, following the cursor page by page. */
export async function pullAll(api: Api): Promise<PulledRecord[]> {
  const out: PulledRecord[] = [];
  let cursor = 0;
  for (let page = 0; page < 100; page++) {
    const got = await api.sync.pull.query({ cursor });
    out.push(...got.records);
    cursor = got.cursor;
    if (!got.hasMore) return out;
  }
  throw new Error('pull did not finish in 100 pages');
}

export async function seedTenantWorld(cloud: TestCloud, moderatorEmail: string): Promise<TenantWorld> {
  const database = cloud.server.services.database;
  const signed = async (opts: Parameters<typeof seedMember>[1]): Promise<Signed> => {
    const member = await seedMember(database, opts);
    return { ...member, api: cloud.client(member.token) };
  };

  const moderator = await signed({ email: moderatorEmail });
  const b = await seedB(cloud, signed);
  const a = await seedA(cloud, signed, b.staff.email);
  const pending = await signUpPendingBusiness(cloud);
  return { cloud, database, a, b, pending, moderator };
}

type SignedSeed = (opts: Parameters<typeof seedMember>[1]) => Promise<Signed>;

async function seedA(cloud: TestCloud, signed: SignedSeed, bStaffEmail: string): Promise<BusinessA> {
  const database = cloud.server.services.database;
  const owner = await signed({ role: 'owner' });
  const manager = await signed({ businessId: owner.businessId, role: 'manager' });
  const staff = await signed({ businessId: owner.businessId, role: 'staff' });
  await openExtraSession(database, owner, 'Back office PC');
  const legalName = (await owner.api.account.me.query()).business.legalName;

  // A member who joined the real way: invite, the code from the owner's outbox, accept.
  const joinedEmail = uniqueEmail('a-joined', 'a-team.example');
  await owner.api.team.invite.mutate({ email: joinedEmail, role: 'staff' });
  const joinCode = await inviteCodeFromOutbox(owner.api, joinedEmail);
  const accepted = await cloud.client().team.acceptInvite.mutate({ code: joinCode, email: joinedEmail, displayName: 'Jay Joined', password: PASSWORD, deviceLabel: 'Till' });
  const joined = { userId: accepted.me.user.id, email: joinedEmail, token: accepted.token, api: cloud.client(accepted.token) };

  // An invite still waiting.
  const invitedEmail = uniqueEmail('a-invited', 'a-team.example');
  const sent = await owner.api.team.invite.mutate({ email: invitedEmail, role: 'manager' });
  const invite = { id: sent.id, email: invitedEmail, code: await inviteCodeFromOutbox(owner.api, invitedEmail) };
  const inviteToBStaff = { id: (await owner.api.team.invite.mutate({ email: bStaffEmail, role: 'staff' })).id };

  // The book, pushed by a PC of A's: customers, an invoice with payments, a rating, a status change, a member.
  const ann = customer({ displayName: 'Ann of A', phones: ['+447700900111'], emails: ['ann.a@a-customers.example'], taxId: 'GB111222333', notes: 'A only' });
  const bob = customer({ displayName: 'Bob of A', phones: ['+447700900112'], emails: ['bob.a@a-customers.example'] });
  const inv = invoice(ann.id, { number: 'A-0001', totalMinor: 25_000 });
  const payments = [payment(10_000), payment(5_000)];
  const rating: Rating = {
    id: randomUUID(),
    customerId: ann.id,
    raterId: staff.userId,
    raterName: 'Sam Staff',
    date: '2026-01-12',
    scores: { timelyPayment: 2, reliability: 3, respect: 4, effortToServe: 3, overall: 3 },
    incidents: ['late_payment'],
    positives: [],
    invoiceId: inv.id,
    note: 'Paid late, twice',
    createdAt: AT,
  };
  const statusChange: StatusChange = { id: randomUUID(), customerId: bob.id, from: 'ok', to: 'watch', reason: 'Disputed a bill', setBy: 'Mo Manager', setAt: AT };
  const member: Member = { id: randomUUID(), name: 'Sam Staff', role: 'staff', createdAt: AT };
  const deviceId = randomUUID();
  await staff.api.sync.push.mutate({ deviceId, mutations: [mutation(1, create('customers', ann), create('customers', bob), create('invoices', inv))] });
  const second = await staff.api.sync.push.mutate({
    deviceId,
    mutations: [mutation(2, edit('invoices', inv.id, {}, { payments }), create('ratings', rating), create('statusChanges', statusChange), create('members', member))],
  });

  const sessionIds = (await Promise.all([owner, manager, staff, joined].map((m) => m.api.account.sessions.query()))).flat().map((s) => s.id);
  return {
    businessId: owner.businessId,
    legalName,
    owner,
    manager,
    staff,
    joined,
    invite,
    inviteToBStaff,
    sessionIds,
    device: { id: deviceId, nextMutation: 3 },
    records: { ann, bob, invoice: inv, payments, rating, statusChange, member },
    typed: { phone: '+44 7700 900111', email: 'ANN.A@A-Customers.example', taxId: ' gb111222333 ' },
    version: second.version,
  };
}

async function seedB(cloud: TestCloud, signed: SignedSeed): Promise<BusinessB> {
  const database = cloud.server.services.database;
  const owner = await signed({ role: 'owner' });
  const staff = await signed({ businessId: owner.businessId, role: 'staff' });
  const leaver = await signed({ businessId: owner.businessId, role: 'staff' });
  const spareOwnerTokens = { rotate: await openExtraSession(database, owner, 'Spare PC 1'), signOut: await openExtraSession(database, owner, 'Spare PC 2') };
  const legalName = (await owner.api.account.me.query()).business.legalName;
  const own = customer({ displayName: 'Carol of B', phones: ['+447700900222'], emails: ['carol.b@b-customers.example'], taxId: 'GB999888777' });
  const deviceId = randomUUID();
  const pushed = await staff.api.sync.push.mutate({ deviceId, mutations: [mutation(1, create('customers', own))] });
  return { businessId: owner.businessId, legalName, owner, staff, leaver, spareOwnerTokens, device: { id: deviceId, nextMutation: 2 }, own, version: pushed.version };
}

/** A business signed up and confirmed for real, so it is what the moderators' queue holds. */
async function signUpPendingBusiness(cloud: TestCloud): Promise<TenantWorld['pending']> {
  const email = uniqueEmail('pending-owner');
  const { token, me } = await cloud.client().account.signUp.mutate(signUpInput(email, { legalName: 'Pending Review Ltd' }));
  const api = cloud.client(token);
  const { mails } = await api.account.mailOutbox.query();
  const codeMail = mails.find((m) => m.kind === 'verify_email');
  if (!codeMail) throw new Error('no code mail in the pending owner’s outbox');
  const verified = await api.account.verifyEmail.mutate({ code: emailCodeIn(codeMail.text) });
  if (verified.me.business.status !== 'pending_review') throw new Error(`pending business is ${verified.me.business.status}`);
  return { businessId: me.business.id, api };
}

/** The code of the newest invite mail to `email`, as the owner reads it in the outbox. */
async function inviteCodeFromOutbox(owner: Api, email: string): Promise<string> {
  const { mails } = await owner.account.mailOutbox.query();
  const mail = mails.find((m) => m.kind === 'invite' && m.to === email);
  if (!mail) throw new Error(`no invite mail to ${email} in the outbox`);
  return inviteCodeIn(mail.text);
}

/** Business-owned tables and the column naming their business (FORCEd RLS in 0001_init.sql). */
export const BUSINESS_TABLES = {
  businesses: 'id',
  memberships: 'business_id',
  invites: 'business_id',
  sessions: 'business_id',
  book_records: 'business_id',
  customer_identifiers: 'business_id',
  device_cursors: 'business_id',
} as const;
export type BusinessTable = keyof typeof BUSINESS_TABLES;
export const BUSINESS_TABLE_NAMES = Object.keys(BUSINESS_TABLES) as BusinessTable[];

/** Every other table, and why it is not the matrix's to count per business. */
export const OTHER_TABLES: Record<string, string> = {
  users: 'people, not a business: rateback_app sees only its teammates (checked below)',
  email_codes: 'sign-up codes: rateback_app has no grant at all',
  sign_in_failures: 'throttle counters by address: rateback_app has no grant at all',
  rateback_migrations: 'migration bookkeeping: rateback_app has no grant at all',
};

/** Every row A can see in every business table, and its teammates, straight from SQL. */
export async function rowsOfA(database: Database, businessId: string): Promise<Record<string, string[]>> {
  return asBusiness(database, businessId, async (tx) => {
    const out: Record<string, string[]> = {};
    for (const table of BUSINESS_TABLE_NAMES) {
      const rows = rowsOf<Record<string, unknown>>(await tx.execute(sql`SELECT * FROM ${sql.identifier(table)}`));
      // last_seen_at moves when a session is used after a minute (session-check.ts): not a change by B.
      out[table] = rows.map(({ last_seen_at: _seen, ...row }) => JSON.stringify(row)).sort();
    }
    // Members may read only these columns of their teammates.
    out['users'] = rowsOf(await tx.execute(sql`SELECT id, email, display_name FROM users`)).map((row) => JSON.stringify(row)).sort();
    return out;
  });
}
