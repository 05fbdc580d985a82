import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { navigate } from '../../app/router';
import { type Me } from '../../platform/cloud-client';
import { useCloud, useCloudClient } from '../../platform/cloud-session';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { instant } from '../../ui/format';
import { agoText } from '../sync-status/sync-text';
import { useNow } from '../sync-status/use-now';
import { businessStatusText, ROLE_DESCRIPTIONS, ROLE_NAMES } from './account-text';
import { CloudAddress } from './CloudAddress';
import { SignOutButton } from './SignOutButton';
import { useSessionEvents } from './use-session-events';

/** Who is signed in on this PC, their business and its review, and their devices. */
export function AccountPage({ me }: { me: Me }) {
  const status = businessStatusText(me.business.status, me.business.reviewNote);
  return (
    <div className="account-page">
      <h1>Account</h1>
      <section className="account-section" aria-labelledby="account-business-title">
        <h2 id="account-business-title">{me.business.legalName}</h2>
        <p>
          <span className={`badge business-status business-status-${me.business.status}`}>{status.label}</span>
        </p>
        <p className="business-status-explanation">{status.explanation}</p>
        <dl className="account-facts">
          <dt>Signed in as</dt>
          <dd>
            {me.user.displayName} ({me.user.email})
          </dd>
          <dt>Your role</dt>
          <dd>
            <strong>{ROLE_NAMES[me.role]}</strong> — {ROLE_DESCRIPTIONS[me.role]}
          </dd>
          {me.moderator ? (
            <>
              <dt>Moderator</dt>
              <dd>You review new businesses for Rateback.</dd>
            </>
          ) : null}
        </dl>
      </section>
      <SessionsSection />
      <CloudAddress signedIn />
    </div>
  );
}

function SessionsSection() {
  const cloud = useCloud();
  const client = useCloudClient();
  const queryClient = useQueryClient();
  const session = useSessionEvents();
  const sessions = useQuery(cloud.account.sessions.queryOptions());
  const [confirmEverywhere, setConfirmEverywhere] = useState(false);
  const revoke = useMutation({
    mutationFn: (id: string) => client.account.revokeSession.mutate({ id }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: cloud.account.sessions.queryKey() }),
  });
  const everywhere = useMutation({
    mutationFn: () => client.account.signOutEverywhere.mutate(),
    onSuccess: async () => {
      setConfirmEverywhere(false);
      await session.ended();
      navigate('/account/sign-in');
    },
  });
  const now = useNow();
  const locale = navigator.language;
  return (
    <section className="account-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Signed-in devices</h2>
      <ErrorNotice error={sessions.error ?? revoke.error} />
      {sessions.data ? (
        <table aria-labelledby="sessions-title">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last seen</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.deviceLabel} {s.current ? <span className="pill">This device</span> : null}
                </td>
                <td>{instant(s.createdAt, locale)}</td>
                <td title={instant(s.lastSeenAt, locale)}>{s.current ? 'Now' : agoText(s.lastSeenAt, now)}</td>
                <td className="num">
                  {s.current ? null : (
                    <button type="button" onClick={() => revoke.mutate(s.id)} disabled={revoke.isPending} aria-label={`Sign out ${s.deviceLabel}`}>
                      Sign out
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : sessions.isPending ? (
        <p className="muted">Loading…</p>
      ) : null}
      <div className="toolbar">
        <SignOutButton />
        <button type="button" className="danger" onClick={() => setConfirmEverywhere(true)}>
          Sign out everywhere
        </button>
      </div>
      <p className="muted">Signing out keeps the book on this PC; changes made meanwhile are sent when you sign in again.</p>
      <Dialog title="Sign out everywhere?" open={confirmEverywhere} onClose={() => setConfirmEverywhere(false)}>
        <p>Every device signed in as you, this one included, is signed out at once and must sign in again. Use this for a lost laptop or a password others may know.</p>
        <ErrorNotice error={everywhere.error} />
        <div className="dialog-actions">
          <button type="button" onClick={() => setConfirmEverywhere(false)}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => everywhere.mutate()} disabled={everywhere.isPending}>
            Sign out all devices
          </button>
        </div>
      </Dialog>
    </section>
  );
}
