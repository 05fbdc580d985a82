import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MemberRole } from '@core/member';
import { issueAt, type FieldIssue } from '@core/field-issues';
import { useBook } from '../../app/book-context';
import { addMember, saveBusinessProfile } from '../../db/book-meta';
import { useTRPC } from '../../platform/trpc';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SelectField, TextField } from '../../ui/Field';

const ROLE_HINTS: Record<MemberRole, string> = {
  owner: 'Everything, including the team and workshops',
  manager: 'Chases invoices and sets customers’ status',
  staff: 'Looks up, rates and records',
};

/** The business, its team, and this PC. */
export function SettingsScreen() {
  return (
    <div className="settings">
      <h1>Settings</h1>
      <BusinessSection />
      <TeamSection />
      <ThisPcSection />
    </div>
  );
}

function BusinessSection() {
  const { db, profile } = useBook();
  const [form, setForm] = useState(profile);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => saveBusinessProfile(db, form),
    onSuccess: (r) => {
      setIssues(r.ok ? [] : r.issues);
      setSaved(r.ok);
    },
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm({ ...form, [key]: e.target.value });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="business-title" noValidate className="settings-section">
      <h2 id="business-title">Business</h2>
      <div className="form-grid">
        <TextField label="Business name" value={form.name} onChange={set('name')} error={issueAt(issues, 'name')} />
        <TextField label="Currency" value={form.currency} onChange={set('currency')} error={issueAt(issues, 'currency')} maxLength={3} />
        <TextField label="Country" value={form.country} onChange={set('country')} error={issueAt(issues, 'country')} maxLength={2} hint="Phone numbers without a country code are read as this country" />
        <TextField label="Time zone" value={form.timeZone} onChange={set('timeZone')} error={issueAt(issues, 'timeZone')} hint="Decides when an invoice becomes late" />
        <TextField label="Language and region" value={form.locale} onChange={set('locale')} error={issueAt(issues, 'locale')} />
      </div>
      <ErrorNotice error={save.error} />
      <div className="form-actions">
        {saved ? <span role="status">Saved.</span> : null}
        <button type="submit" className="primary" disabled={save.isPending}>
          Save business
        </button>
      </div>
    </form>
  );
}

function TeamSection() {
  const { db, members, write } = useBook();
  const [name, setName] = useState('');
  const [role, setRole] = useState<MemberRole>('staff');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const add = useMutation({
    mutationFn: () => addMember(db, { name, role }, write),
    onSuccess: (r) => {
      setIssues(r.ok ? [] : r.issues);
      if (r.ok) setName('');
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <section aria-labelledby="team-title" className="settings-section">
      <h2 id="team-title">Team</h2>
      <ul className="team-list">
        {members.map((m) => (
          <li key={m.id}>
            <strong>{m.name}</strong> <span className="muted">{m.role} — {ROLE_HINTS[m.role]}</span>
          </li>
        ))}
      </ul>
      <form onSubmit={onSubmit} aria-label="Add a team member" noValidate className="form-grid">
        <TextField label="New member’s name" value={name} onChange={(e) => setName(e.target.value)} error={issueAt(issues, 'name')} />
        <SelectField label="Role" value={role} onChange={(e) => setRole(MemberRole.parse(e.target.value))}>
          {MemberRole.options.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" disabled={add.isPending}>
            Add member
          </button>
        </div>
      </form>
      <ErrorNotice error={add.error} />
    </section>
  );
}

function ThisPcSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const info = useQuery(trpc.app.info.queryOptions());
  const settings = useQuery(trpc.settings.get.queryOptions());
  const update = useMutation(
    trpc.settings.update.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey() }) }),
  );
  return (
    <section aria-labelledby="pc-title" className="settings-section">
      <h2 id="pc-title">This PC</h2>
      {info.data?.runtime === 'electron' ? (
        <label>
          <input
            type="checkbox"
            checked={settings.data?.startAtLogin ?? false}
            disabled={!settings.data || update.isPending}
            onChange={(e) => update.mutate({ startAtLogin: e.target.checked })}
          />{' '}
          Start Rateback when I log in (it waits in the tray and keeps chasing)
        </label>
      ) : (
        <p className="muted">Running in a browser (web mode): starting at login is a desktop app setting.</p>
      )}
      {info.data ? (
        <p className="muted">
          Rateback {info.data.version} · device files in {info.data.dataDir}
        </p>
      ) : null}
      <ErrorNotice error={update.error} />
    </section>
  );
}
