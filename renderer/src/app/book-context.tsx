import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useQuery } from '@tanstack/react-query';
import type { BusinessProfile } from '@core/business';
import type { Member } from '@core/member';
import type { BookDb } from '../db/book-db';
import { getBusinessProfile, listMembers } from '../db/book-meta';
import { systemClock, type WriteContext } from '../db/write-context';
import { useTRPC } from '../platform/trpc';
import { useToday } from './use-today';

/**
 * Everything a screen needs to read and write the book: the database, the business profile,
 * the team, who is at this PC, and "today" in the business's time zone.
 */
export interface Book {
  db: BookDb;
  profile: BusinessProfile;
  members: Member[];
  /** The team member using this PC, or null until one is chosen. */
  me: Member | null;
  today: string;
  write: WriteContext;
}

const BookContext = createContext<Book | null>(null);
const DbContext = createContext<BookDb | null>(null);

export function DbProvider({ db, children }: { db: BookDb; children: ReactNode }) {
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

export function useDb(): BookDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside DbProvider');
  return db;
}

/** Loads the profile and team; renders `fallback` while the book is empty (first start). */
export function BookProvider({ children, fallback }: { children: ReactNode; fallback: (db: BookDb) => ReactNode }) {
  const db = useDb();
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions());
  const profile = useLiveQuery(() => getBusinessProfile(db), [db], null);
  const members = useLiveQuery(() => listMembers(db), [db], null);
  const today = useToday(profile?.timeZone ?? 'UTC');

  const book = useMemo((): Book | null => {
    if (!profile || !members) return null;
    const me = members.find((m) => m.id === settings.data?.currentMemberId) ?? null;
    return {
      db,
      profile,
      members,
      me,
      today,
      write: { actor: me?.name ?? '', country: profile.country, locale: profile.locale, now: systemClock },
    };
  }, [db, profile, members, settings.data?.currentMemberId, today]);

  if (profile === null || members === null) return <p className="loading">Opening the book…</p>;
  if (!book) return <>{fallback(db)}</>;
  return <BookContext.Provider value={book}>{children}</BookContext.Provider>;
}

export function useBook(): Book {
  const book = useContext(BookContext);
  if (!book) throw new Error('useBook outside BookProvider');
  return book;
}

