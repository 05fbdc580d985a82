import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { issueAt, withoutIssue, type FieldIssue } from '@core/field-issues';
import { MemberRole } from '@core/member';
import { Link } from '../../app/router';
import { issuesOf, type CloudOutputs, type Me } from '../../platform/cloud-client';
import { useCloud, useCloudClient } from '../../platform/cloud-session';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SelectField, TextField } from '../../ui/Field';
import { instant } from '../../ui/format';
import { ROLE_DESCRIPTIONS, ROLE_NAMES, ROLES } from './account-text';
import { CloudErrorNotice } from './CloudErrorNotice';

type TeamMember = CloudOutputs['team']['members'][number];

/**
 * The team as the cloud knows it. Everyone sees who is in it; owners invite people, change
 * roles and remove people (which ends that person's sessions at once).
 */
export function TeamPage({ me }: { me: Me }) {
  const cloud = useCloud();
  const owner = me.role === 'owner';
  const members = useQuery(cloud.team.members.queryOptions());
  const outbox = useQuery({ ...cloud.account.mailOutbox.queryOptions(), enabled: owner, retry: false });
  const hasOutbox = outbox.data?.smtp === false;
  return (
    <div className="account-page">
      <h1>Team</h1>
      <section className="account-section" aria-labelledby="roles-title">
        <h2 id="roles-title">What each role may do</h2>
        <dl className="role-list">
          {ROLES.map((r) => (
            <div key={r}>
              <dt>{ROLE_NAMES[r]}</dt>
              <dd>{ROLE_DESCRIPTIONS[r]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="account-section" aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <ErrorNotice error={members.error} />
        {members.data ? <MemberTable members={members.data} me={me} /> : members.isPending ? <p className="muted">Loading…</p> : null}
      </section>
      {owner ? (
        <>
          <InviteForm hasOutbox={hasOutbox} />
          <PendingInvites />
        </>
      ) : (
        <p className="muted">Only an owner can invite people, change roles or remove someone.</p>
      )}
      {owner && hasOutbox ? (
        <p>
          This cloud has no mail server. <Link to="/account/outbox">Read the mail outbox</Link> to pass invite codes on by hand.
        </p>
      ) : null}
    </div>
  );
}

function MemberTable({ members, me }: { members: TeamMember[]; me: Me }) {
  const cloud = useCloud();
  const client = useCloudClient();
  const queryClient = useQueryClient();
  const owner = me.role === 'owner';
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: cloud.team.members.queryKey() });
  const changeRole = useMutation({
    mutationFn: (input: { userId: string; role: MemberRole }) => client.team.changeRole.mutate(input),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => client.team.remove.mutate({ userId }),
    onSuccess: () => setRemoving(null),
    onSettled: refresh,
  });
  const locale = navigator.language;
  return (
    <>
      <table aria-labelledby="members-title">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
            {owner ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <td>
                {m.displayName} {m.userId === me.user.id ? <span className="pill">You</span> : null}
              </td>
              <td>{m.email}</td>
              <td>
                {owner ? (
                  <select
                    aria-label={`Role of ${m.displayName}`}
                    value={m.role}
                    disabled={changeRole.isPending}
                    onChange={(e) => changeRole.mutate({ userId: m.userId, role: MemberRole.parse(e.target.value) })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_NAMES[r]}
                      </option>
                    ))}
                  </select>
                ) : (
                  ROLE_NAMES[m.role]
                )}
              </td>
              <td>{dateOf(m.joinedAt, locale)}</td>
              {owner ? (
                <td className="num">
                  {m.userId === me.user.id ? null : (
                    <button type="button" className="danger" onClick={() => setRemoving(m)} aria-label={`Remove ${m.displayName}`}>
                      Remove
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNotice error={changeRole.error} />
      <Dialog title={removing ? `Remove ${removing.displayName} from the team?` : 'Remove from the team?'} open={removing !== null} onClose={() => setRemoving(null)}>
        <p>
          Removing ends their sessions at once: every PC signed in as {removing?.displayName ?? 'them'} stops syncing with the team straight away. Their name stays on
          what they recorded, and they can be invited again later.
        </p>
        <ErrorNotice error={remove.error} />
        <div className="dialog-actions">
          <button type="button" onClick={() => setRemoving(null)}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => removing && remove.mutate(removing.userId)} disabled={remove.isPending}>
            Remove from team
          </button>
        </div>
      </Dialog>
    </>
  );
}

function InviteForm({ hasOutbox }: { hasOutbox: boolean }) {
  const cloud = useCloud();
  const client = useCloudClient();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('staff');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: (input: { email: string; role: MemberRole }) => client.team.invite.mutate(input),
    onMutate: () => {
      setIssues([]);
      setSentTo(null);
    },
    onSuccess: (made) => {
      setSentTo(made.email);
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: cloud.team.invites.queryKey() });
      void queryClient.invalidateQueries({ queryKey: cloud.account.mailOutbox.queryKey() });
    },
    onError: (error) => setIssues(issuesOf(error)),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate({ email, role });
  };
  return (
    <form className="account-section" onSubmit={onSubmit} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <p className="muted">We mail them a single-use code, valid for 7 days, to join with under “Join a team with an invite code”.</p>
      <div className="form-grid">
        <TextField
          label="Their e-mail"
          type="email"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setIssues(withoutIssue(issues, 'email'));
          }}
          error={issueAt(issues, 'email')}
        />
        <SelectField label="Their role" value={role} onChange={(e) => setRole(MemberRole.parse(e.target.value))} error={issueAt(issues, 'role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_NAMES[r]}
            </option>
          ))}
        </SelectField>
      </div>
      <CloudErrorNotice error={invite.error} issues={issues} nothingSaved="no invite was sent" />
      <div className="form-actions">
        {sentTo ? (
          <span role="status">
            Invite sent to {sentTo}.{hasOutbox ? ' Its code is in the mail outbox.' : ''}
          </span>
        ) : null}
        <button type="submit" className="primary" disabled={invite.isPending}>
          Send invite
        </button>
      </div>
    </form>
  );
}

function PendingInvites() {
  const cloud = useCloud();
  const client = useCloudClient();
  const queryClient = useQueryClient();
  const invites = useQuery(cloud.team.invites.queryOptions());
  const revoke = useMutation({
    mutationFn: (id: string) => client.team.revokeInvite.mutate({ id }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: cloud.team.invites.queryKey() }),
  });
  const locale = navigator.language;
  return (
    <section className="account-section" aria-labelledby="invites-title">
      <h2 id="invites-title">Invites waiting</h2>
      <ErrorNotice error={invites.error ?? revoke.error} />
      {invites.data && invites.data.length === 0 ? <p className="muted">No invites waiting.</p> : null}
      {invites.data && invites.data.length > 0 ? (
        <table aria-labelledby="invites-title">
          <thead>
            <tr>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Invited by</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invites.data.map((i) => (
              <tr key={i.id}>
                <td>{i.email}</td>
                <td>{ROLE_NAMES[i.role]}</td>
                <td>{i.invitedBy}</td>
                <td>{instant(i.expiresAt, locale)}</td>
                <td className="num">
                  <button type="button" onClick={() => revoke.mutate(i.id)} disabled={revoke.isPending} aria-label={`Revoke invite to ${i.email}`}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function dateOf(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}
