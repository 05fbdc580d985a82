import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { issueAt, type FieldIssue } from '@core/field-issues';
import { issuesOf, type Me, type SignUpResult } from '../../platform/cloud-client';
import { useCloud, useCloudClient } from '../../platform/cloud-session';
import { TextField } from '../../ui/Field';
import { CloudErrorNotice } from './CloudErrorNotice';
import { MailList } from './MailList';
import { SignOutButton } from './SignOutButton';

/** The cloud allows one new code a minute. */
const RESEND_COOLDOWN_S = 60;

/**
 * "Enter the code we e-mailed you": the last step of signing up. Until it is done the cloud
 * refuses sync (and everything else on the book), so the app asks for it first.
 */
export function VerifyEmail({ me, signedUp }: { me: Me; signedUp: SignUpResult | null }) {
  const cloud = useCloud();
  const client = useCloudClient();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [sentAgainTo, setSentAgainTo] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(() => (signedUp?.codeSent ? Date.now() + RESEND_COOLDOWN_S * 1000 : 0));
  const [now, setNow] = useState(() => Date.now());
  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [waitUntil]);

  // Without a mail server the code is in the cloud's outbox, which the owner may read here.
  const outbox = useQuery({ ...cloud.account.mailOutbox.queryOptions(), enabled: me.role === 'owner', retry: false, refetchInterval: 5_000 });

  const verify = useMutation({
    mutationFn: (typed: string) => client.account.verifyEmail.mutate({ code: typed }),
    onMutate: () => setIssues([]),
    onSuccess: (result) => queryClient.setQueryData(cloud.account.me.queryKey(), result.me),
    onError: (error) => setIssues(issuesOf(error)),
  });
  const resend = useMutation({
    mutationFn: () => client.account.resendCode.mutate(),
    onSuccess: (result) => {
      setSentAgainTo(result.sentTo);
      setWaitUntil(Date.now() + RESEND_COOLDOWN_S * 1000);
      setNow(Date.now());
      void queryClient.invalidateQueries({ queryKey: cloud.account.mailOutbox.queryKey() });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate(code);
  };

  return (
    <div className="account-page">
      <form className="account-form" onSubmit={onSubmit} noValidate aria-labelledby="verify-title">
        <h1 id="verify-title">Enter the code we e-mailed you</h1>
        <p>
          We sent a 6-digit code to <strong>{me.user.email}</strong>. It confirms the address; then a moderator reviews <strong>{me.business.legalName}</strong>.
        </p>
        {signedUp && !signedUp.codeSent ? (
          <p className="error-notice" role="alert">
            We could not send the code{signedUp.mailProblem ? `: ${signedUp.mailProblem}` : ''}. Ask for a new code below.
          </p>
        ) : null}
        <TextField
          label="Code from the e-mail"
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setIssues([]);
          }}
          error={issueAt(issues, 'code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          hint="The 6 digits in the mail; it expires after 15 minutes"
          autoFocus
        />
        <CloudErrorNotice error={verify.error} issues={issues} nothingSaved="the address is not confirmed yet" />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={verify.isPending}>
            Confirm e-mail
          </button>
        </div>
      </form>
      <section className="account-section" aria-labelledby="resend-title">
        <h2 id="resend-title">No code?</h2>
        <p className="muted">Look in the spam folder. Codes expire after 15 minutes; you can ask for a new one once a minute.</p>
        <div className="toolbar">
          <button type="button" onClick={() => resend.mutate()} disabled={resend.isPending || waitSeconds > 0}>
            Send a new code
          </button>
          <SignOutButton label="Use another e-mail address" />
        </div>
        {waitSeconds > 0 ? (
          <p className="muted" role="status">
            {sentAgainTo ? `We sent a new code to ${sentAgainTo}. ` : ''}You can ask for another code in {waitSeconds} s.
          </p>
        ) : sentAgainTo ? (
          <p className="muted" role="status">
            We sent a new code to {sentAgainTo}.
          </p>
        ) : null}
        <CloudErrorNotice error={resend.error} />
      </section>
      {outbox.data && !outbox.data.smtp ? (
        <section className="account-section" aria-labelledby="verify-outbox-title">
          <h2 id="verify-outbox-title">Mail outbox</h2>
          <p className="muted">This Rateback cloud has no mail server: it keeps its mail in an outbox instead. Your code mails are here.</p>
          <MailList mails={outbox.data.mails} locale={navigator.language} />
        </section>
      ) : null}
    </div>
  );
}
