import { describe, expect, it } from 'vitest';
import { openTestDb } from '../db/test-db';
import { bringTeamIntoBook, memberForThisPc } from './team-in-book';

const ann = { userId: '0b7c2f4e-1c1a-4a54-9d1e-4c8a1e2b3c4d', displayName: 'Ann Owner', role: 'owner' as const, joinedAt: '2026-11-23T10:00:00.000Z' };
const tom = { userId: '5f1d7a2b-8e3c-4b6d-a9f0-2c4e6a8b0d1f', displayName: 'Tom Staff', role: 'staff' as const, joinedAt: '2026-11-23T11:00:00.000Z' };

describe('bringTeamIntoBook', () => {
  it('adds the cloud team as book members with the same ids, once', async () => {
    const { db } = openTestDb(crypto.randomUUID());
    expect(await bringTeamIntoBook(db, [ann, tom])).toBe(2);
    expect(await db.members.get(tom.userId)).toEqual({ id: tom.userId, name: 'Tom Staff', role: 'staff', createdAt: tom.joinedAt });
    expect(await bringTeamIntoBook(db, [ann, tom])).toBe(0);
  });

  it('follows a changed role and keeps members the book had before', async () => {
    const { db } = openTestDb(crypto.randomUUID());
    await db.members.add({ id: 'a3f2b1c0-0000-4000-8000-000000000001', name: 'Sample Sam', role: 'manager', createdAt: '2026-01-01T00:00:00.000Z' });
    await bringTeamIntoBook(db, [ann, tom]);
    expect(await bringTeamIntoBook(db, [ann, { ...tom, role: 'manager' }])).toBe(1);
    expect((await db.members.get(tom.userId))?.role).toBe('manager');
    expect(await db.members.count()).toBe(3);
  });
});

describe('memberForThisPc', () => {
  it('keeps a valid choice and otherwise picks the signed-in person', () => {
    expect(memberForThisPc('x', ['x', 'me'], 'me')).toBeNull();
    expect(memberForThisPc(null, ['x', 'me'], 'me')).toBe('me');
    expect(memberForThisPc('gone', ['me'], 'me')).toBe('me');
    expect(memberForThisPc(null, ['x'], 'me')).toBeNull();
  });
});
