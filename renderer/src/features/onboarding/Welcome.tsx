import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { issueAt, type FieldIssue } from '@core/field-issues';
import { todayIn } from '@core/dates';
import type { BookDb } from '../../db/book-db';
import { addMember, saveBusinessProfile } from '../../db/book-meta';
import { systemClock } from '../../db/write-context';
import { BusinessProfile } from '@core/business';
import { TextField, SelectField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTRPC } from '../../platform/trpc';
import { loadSampleBusiness, SAMPLE_PROFILE } from '../demo/load-sample';
import { COUNTRIES, CURRENCIES } from './choices';

/**
 * First start: the book is empty. Either describe the business and who you are, or load a
 * realistic sample business to try everything out.
 */
export function Welcome({ db }: { db: BookDb }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setMember = useMutation(trpc.settings.update.mutationOptions());
  const [form, setForm] = useState({
    name: '',
    currency: 'GBP',
    country: 'GB',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    locale: navigator.language || 'en-GB',
    me: '',
  });
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const afterSetup = async (memberId: string) => {
    await setMember.mutateAsync({ currentMemberId: memberId });
    await queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey() });
  };

  const sample = useMutation({
    mutationFn: async () => {
      const members = await loadSampleBusiness(db, todayIn(SAMPLE_PROFILE.timeZone, new Date()));
      const owner = members.find((m) => m.role === 'owner') ?? members[0];
      if (owner) await afterSetup(owner.id);
    },
  });

  const start = useMutation({
    mutationFn: async () => {
      const { me, ...profile } = form;
      const found: FieldIssue[] = [];
      const parsed = BusinessProfile.safeParse(profile);
      if (!parsed.success) for (const i of parsed.error.issues) found.push({ path: i.path.map(String), message: i.message });
      if (me.trim() === '') found.push({ path: ['me'], message: 'Enter your name; it is shown beside what you record' });
      setIssues(found);
      if (found.length > 0) return;
      // The member and the profile land together: a failure leaves the book empty, not half set up.
      const member = await db.transaction('rw', db.members, db.meta, async () => {
        const added = await addMember(db, { name: me, role: 'owner' }, { actor: me, country: form.country, locale: form.locale, now: systemClock });
        if (added.ok) await saveBusinessProfile(db, profile);
        return added;
      });
      if (!member.ok) return setIssues(member.issues.map((i) => ({ ...i, path: ['me'] })));
      await afterSetup(member.value.id);
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate();
  };
  const busy = start.isPending || sample.isPending;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <main className="welcome">
      <h1>Welcome to Rateback</h1>
      <p>Your book of customers, invoices and ratings stays on this computer and works offline.</p>
      <section aria-labelledby="try-sample">
        <h2 id="try-sample">Try it with a sample business</h2>
        <p>A hardware shop with 320 customers, two years of invoices and ratings by a team of three.</p>
        <button type="button" className="primary" onClick={() => sample.mutate()} disabled={busy}>
          {sample.isPending ? 'Loading the sample business…' : 'Load sample business'}
        </button>
        <ErrorNotice error={sample.error} />
      </section>
      <form onSubmit={onSubmit} aria-labelledby="set-up" noValidate>
        <h2 id="set-up">Or set up your own business</h2>
        <TextField label="Business name" value={form.name} onChange={set('name')} error={issueAt(issues, 'name')} required />
        <TextField label="Your name" value={form.me} onChange={set('me')} error={issueAt(issues, 'me')} required />
        <SelectField label="Country" value={form.country} onChange={set('country')} error={issueAt(issues, 'country')}>
          {COUNTRIES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Currency" value={form.currency} onChange={set('currency')} error={issueAt(issues, 'currency')}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <TextField label="Time zone" value={form.timeZone} onChange={set('timeZone')} error={issueAt(issues, 'timeZone')} hint="Decides when an invoice becomes late" />
        <TextField label="Language and region" value={form.locale} onChange={set('locale')} error={issueAt(issues, 'locale')} hint="For amounts and dates, e.g. en-GB" />
        <button type="submit" disabled={busy}>
          Start with an empty book
        </button>
        <ErrorNotice error={start.error} />
      </form>
    </main>
  );
}
