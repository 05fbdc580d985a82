import { issueAt } from '@core/field-issues';
import { Link } from '../../app/router';
import { type CloudInputs, type SignInResult } from '../../platform/cloud-client';
import { useCloudClient } from '../../platform/cloud-session';
import { TextField } from '../../ui/Field';
import { CloudErrorNotice } from './CloudErrorNotice';
import { useDefaultDeviceLabel } from './use-device-label';
import { useSessionForm } from './use-session-form';

type SignInInput = CloudInputs['account']['signIn'];

/** E-mail and password; the session token stays in main. */
export function SignInForm() {
  const deviceLabel = useDefaultDeviceLabel();
  if (deviceLabel === undefined) return <p className="loading">Loading…</p>;
  return <SignInFields defaultDeviceLabel={deviceLabel} />;
}

function SignInFields({ defaultDeviceLabel }: { defaultDeviceLabel: string }) {
  const cloud = useCloudClient();
  // Main keeps the token: the renderer's result is the account alone.
  const { form, issues, set, onSubmit, submit: signIn } = useSessionForm<SignInInput, SignInResult>(
    { email: '', password: '', deviceLabel: defaultDeviceLabel },
    (input) => cloud.account.signIn.mutate(input),
  );
  return (
    <form className="account-form" onSubmit={onSubmit} noValidate aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <p className="muted">Sign in to sync this PC’s book with your team. Everything keeps working on this PC without it.</p>
      <TextField label="E-mail" type="email" autoComplete="username" value={form.email} onChange={set('email')} error={issueAt(issues, 'email')} autoFocus />
      <TextField label="Password" type="password" autoComplete="current-password" value={form.password} onChange={set('password')} error={issueAt(issues, 'password')} />
      <TextField
        label="Name for this device"
        value={form.deviceLabel}
        onChange={set('deviceLabel')}
        error={issueAt(issues, 'deviceLabel')}
        hint="Shown in your list of signed-in devices, e.g. Front desk PC"
      />
      <CloudErrorNotice error={signIn.error} issues={issues} nothingSaved="you are not signed in yet" />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={signIn.isPending}>
          Sign in
        </button>
      </div>
      <p className="account-alternatives">
        New to Rateback? <Link to="/account/sign-up">Sign up your business</Link>
        <br />
        Invited by your team? <Link to="/account/join">Join a team with an invite code</Link>
      </p>
    </form>
  );
}
