import { BusinessProfile } from '@core/business';
import { Member, MemberRole } from '@core/member';
import { StatusChange } from '@core/customer';
import { issuesOf, type Checked } from '@core/field-issues';
import { newId, NonEmptyText } from '@core/primitives';
import { z } from 'zod';
import type { BookDb } from './book-db';
import { importRecords, type ImportReport } from './import-records';
import type { ImportOptions } from './customers-repo';
import { parseRow, parseRows } from './read-validation';
import { guardedWrite } from './write-error';
import type { WriteContext } from './write-context';

/** Book-wide facts kept in the `meta` table: the business profile and the team. */

const PROFILE_KEY = 'businessProfile';

export async function getBusinessProfile(db: BookDb): Promise<BusinessProfile | undefined> {
  const row = await db.meta.get(PROFILE_KEY);
  return row && parseRow('meta', BusinessProfile, row.value);
}

export async function saveBusinessProfile(db: BookDb, input: unknown): Promise<Checked<BusinessProfile>> {
  const parsed = BusinessProfile.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  await guardedWrite('the business profile', () => db.meta.put({ key: PROFILE_KEY, value: parsed.data }));
  return { ok: true, value: parsed.data };
}

export async function listMembers(db: BookDb): Promise<Member[]> {
  return parseRows('members', Member, await db.members.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

export const MemberInput = z.strictObject({ name: NonEmptyText(120), role: MemberRole });

export async function addMember(db: BookDb, input: unknown, ctx: WriteContext): Promise<Checked<Member>> {
  const parsed = MemberInput.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const member: Member = { id: newId(), ...parsed.data, createdAt: ctx.now() };
  await guardedWrite('the team member', () => db.members.add(member));
  return { ok: true, value: member };
}

export async function statusHistory(db: BookDb, customerId: string): Promise<StatusChange[]> {
  const rows = await db.statusChanges.where('customerId').equals(customerId).toArray();
  return parseRows('statusChanges', StatusChange, rows).sort((a, b) => b.setAt.localeCompare(a.setAt));
}

export function importMembers(db: BookDb, records: readonly unknown[]): Promise<ImportReport> {
  return importRecords('the team', db.members, Member, (m) => m, records);
}

export function importStatusChanges(db: BookDb, records: readonly unknown[], opts?: ImportOptions): Promise<ImportReport> {
  return importRecords('the status history', db.statusChanges, StatusChange, (s) => s, records, { chunkSize: 5000, ...opts });
}

/** True when the book holds nothing yet: the first start offers the sample business. */
export async function isBookEmpty(db: BookDb): Promise<boolean> {
  const [customers, profile] = await Promise.all([db.customers.count(), db.meta.get(PROFILE_KEY)]);
  return customers === 0 && profile === undefined;
}
