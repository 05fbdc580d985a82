import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBook } from './book-context';
import { Link, useRoute } from './router';
import { useTRPC } from '../platform/trpc';
import { useWatchStatus } from '../features/watch/watch-status';
import { SyncIndicator } from '../features/sync-status/SyncIndicator';

const SECTIONS = [
  { path: 'counter', label: 'Counter' },
  { path: 'customers', label: 'Customers' },
  { path: 'invoices', label: 'Invoices' },
  { path: 'chase', label: 'Chase' },
  { path: 'import', label: 'Import' },
] as const;

/** The app's top bar: the sections, the business, and who is using this PC. */
export function Header() {
  const { profile, members, me } = useBook();
  const route = useRoute();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const chooseMember = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey() }),
    }),
  );
  const current = route.path[0] ?? 'counter';
  const { counts, problem } = useWatchStatus();
  const waiting = counts?.unacknowledgedAlerts ?? 0;
  return (
    <header className="app-header">
      <span className="brand">Rateback</span>
      <nav aria-label="Sections">
        {SECTIONS.map((s) => (
          <Link key={s.path} to={`/${s.path}`} aria-current={current === s.path ? 'page' : undefined}>
            {s.label}
          </Link>
        ))}
        <Link to="/alerts" aria-current={current === 'alerts' ? 'page' : undefined} aria-label={waiting > 0 ? `Alerts, ${waiting} not acknowledged` : 'Alerts'}>
          Alerts{waiting > 0 ? <span className="count-badge">{waiting}</span> : null}
        </Link>
        <Link to="/settings" aria-current={current === 'settings' ? 'page' : undefined}>
          Settings
        </Link>
        <Link to="/account" aria-current={current === 'account' ? 'page' : undefined}>
          Account
        </Link>
      </nav>
      <SyncIndicator />
      {problem ? (
        <span className="watch-problem" role="status" title={problem}>
          Watch offline
        </span>
      ) : null}
      <div className="header-end">
        <span className="business-name">{profile.name}</span>
        <label className="member-picker">
          <span>At this PC</span>
          <select
            aria-label="Team member at this PC"
            value={me?.id ?? ''}
            onChange={(e) => chooseMember.mutate({ currentMemberId: e.target.value || null })}
          >
            <option value="">Choose…</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.role})
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
