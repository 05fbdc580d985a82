import { Member, type MemberRole } from '@core/member';
import type { BookDb } from '../db/book-db';

/**
 * The book's team ("At this PC", who rated, who recorded a payment) and the cloud's team are
 * one team once a business signs in: each cloud member becomes a book member with the same id,
 * so someone who joins by invite can be chosen at any PC and their name travels with what they
 * record. The book's members table syncs, so one PC doing this is enough; several doing it at
 * once write the same values. Members the book had before (a sample team, names typed at the
 * first start) are left as they are.
 */
export interface CloudTeamMember {
  userId: string;
  displayName: string;
  role: MemberRole;
  joinedAt: string;
}

/** Adds cloud members missing from the book and updates changed names and roles; returns how many rows it wrote. */
export async function bringTeamIntoBook(db: BookDb, team: readonly CloudTeamMember[]): Promise<number> {
  return db.transaction('rw', db.members, async () => {
    const held = await db.members.bulkGet(team.map((m) => m.userId));
    const writes: Member[] = [];
    team.forEach((m, i) => {
      const current = held[i];
      const next: Member = { id: m.userId, name: m.displayName.slice(0, 120), role: m.role, createdAt: current?.createdAt ?? m.joinedAt };
      if (!Member.safeParse(next).success) return;
      if (current && current.name === next.name && current.role === next.role) return;
      writes.push(next);
    });
    if (writes.length > 0) await db.members.bulkPut(writes);
    return writes.length;
  });
}

/** Who this PC should say is at it: keep a valid choice, else the signed-in person. */
export function memberForThisPc(currentMemberId: string | null | undefined, bookMemberIds: readonly string[], signedInUserId: string): string | null {
  if (currentMemberId && bookMemberIds.includes(currentMemberId)) return null;
  return bookMemberIds.includes(signedInUserId) ? signedInUserId : null;
}
