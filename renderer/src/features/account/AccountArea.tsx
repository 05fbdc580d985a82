import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '../../app/router';
import { type Me, type SignUpResult } from '../../platform/cloud-client';
import { useCloud, useCloudSession } from '../../platform/cloud-session';
import { useTRPC } from '../../platform/trpc';
import { AccountPage } from './AccountPage';
import { CloudAddress } from './CloudAddress';
import { JoinTeamForm } from './JoinTeamForm';
import { MailOutboxPage } from './MailOutboxPage';
import { ModerationPage } from './ModerationPage';
import { SignInForm } from './SignInForm';
import { SignUpForm } from './SignUpForm';
import { TeamPage } from './TeamPage';
import { VerifyEmail } from './VerifyEmail';
import './account.css';

/**
 * Everything under #/account, chosen by where this PC stands with the cloud:
 *
 *   signed out     /account/sign-in (default), /account/sign-up, /account/join
 *   code pending   /account/verify (whatever the route: nothing else works before it)
 *   signed in      /account, /account/team, /account/outbox (owners), /account/review (moderators)
 *
 * The cloud address can be changed from the signed-out pages and the account page.
 */
export function AccountArea({ page }: { page: string | undefined }) {
  const session = useCloudSession();
  // Kept here, not in the form: "we could not send the code" must survive the move to /verify.
  const [signedUp, setSignedUp] = useState<SignUpResult | null>(null);

  switch (session.state) {
    case 'loading':
      return <p className="loading">Connecting to the Rateback cloud…</p>;
    case 'unreachable':
      return <Unreachable error={session.error} />;
    case 'signed_out':
      return (
        <div className={page === 'sign-up' ? 'account-area' : 'account-area account-area-narrow'}>
          {page === 'sign-up' ? <SignUpForm onSignedUp={setSignedUp} /> : page === 'join' ? <JoinTeamForm /> : <SignInForm />}
          <CloudAddress signedIn={false} />
        </div>
      );
    case 'needs_code':
      return <VerifyEmail me={session.me} signedUp={signedUp} />;
    case 'signed_in':
      return <SignedIn me={session.me} page={page} />;
  }
}

function SignedIn({ me, page }: { me: Me; page: string | undefined }) {
  const cloud = useCloud();
  const owner = me.role === 'owner';
  const outbox = useQuery({ ...cloud.account.mailOutbox.queryOptions(), enabled: owner, retry: false });
  const pages = [
    { path: '', label: 'Your account', show: true },
    { path: 'team', label: 'Team', show: true },
    { path: 'outbox', label: 'Mail outbox', show: owner && outbox.data?.smtp === false },
    { path: 'review', label: 'Review businesses', show: me.moderator },
  ].filter((p) => p.show);
  const current = pages.some((p) => p.path === page) ? (page ?? '') : '';
  return (
    <div className="account-area">
      <nav aria-label="Account pages" className="account-nav">
        {pages.map((p) => (
          <Link key={p.path} to={p.path ? `/account/${p.path}` : '/account'} aria-current={current === p.path ? 'page' : undefined}>
            {p.label}
          </Link>
        ))}
      </nav>
      {current === 'team' ? <TeamPage me={me} /> : current === 'outbox' ? <MailOutboxPage /> : current === 'review' ? <ModerationPage /> : <AccountPage me={me} />}
    </div>
  );
}

function Unreachable({ error }: { error: unknown }) {
  const trpc = useTRPC();
  const cloud = useCloud();
  const queryClient = useQueryClient();
  const retry = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.cloud.connection.queryKey() });
    void queryClient.invalidateQueries({ queryKey: cloud.account.me.queryKey() });
  };
  return (
    <div className="account-area">
      <section className="account-section" aria-labelledby="unreachable-title">
        <h1 id="unreachable-title">The Rateback cloud cannot be reached</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
        <p className="muted">This PC is signed in; everything keeps working here, and changes are sent once the cloud answers again.</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </section>
      <CloudAddress signedIn />
    </div>
  );
}
