import { issueAt } from '@core/field-issues';
import { Link } from '../../app/router';
import { type CloudInputs, type JoinResult } from '../../platform/cloud-client';
import { useCloudClient } from '../../platform/cloud-session';
import { TextField } from '../../ui/Field';
import { CloudErrorNotice } from './CloudErrorNotice';
import { useDefaultDeviceLabel } from './use-device-label';
import { useSessionForm } from './use-session-form';

type JoinInput = CloudInputs['team']['acceptInvite'];

/** Joining a team with the code from an invite mail: a new account, or an existing one's password. */
export function JoinTeamForm() {
  const deviceLabel = useDefaultDeviceLabel();
  if (deviceLabel === undefined) return <p className="loading">Loading…</p>;
  return <JoinFields defaultDeviceLabel={deviceLabel} />;
}

function JoinFields({ defaultDeviceLabel }: { defaultDeviceLabel: string }) {
  const cloud = useCloudClient();
  const { form, issues, set, onSubmit, submit: join } = useSessionForm<JoinInput, JoinResult>(
    { code: '', email: '', displayName: '', password: '', deviceLabel: defaultDeviceLabel },
    (input) => cloud.team.acceptInvite.mutate(input),
  );
  return (
    <form className="account-form" onSubmit={onSubmit} noValidate aria-labelledby="join-title">
      <h1 id="join-title">Join a team with an invite code</h1>
      <p className="muted">The code is in the invite mail your team’s owner sent you. Once you join, this PC syncs the team’s book.</p>
      <TextField
        label="Invite code"
        value={form.code}
        onChange={set('code')}
        error={issueAt(issues, 'code')}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        hint="8 letters and digits, as in the mail"
        autoFocus
      />
      <TextField label="E-mail" type="email" autoComplete="username" value={form.email} onChange={set('email')} error={issueAt(issues, 'email')} hint="The address the invite was sent to" />
      <TextField label="Your name" autoComplete="name" value={form.displayName} onChange={set('displayName')} error={issueAt(issues, 'displayName')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        value={form.password}
        onChange={set('password')}
        error={issueAt(issues, 'password')}
        hint="At least 10 characters. If this e-mail already has a Rateback account, enter its password."
      />
      <TextField
        label="Name for this device"
        value={form.deviceLabel}
        onChange={set('deviceLabel')}
        error={issueAt(issues, 'deviceLabel')}
        hint="Shown in your list of signed-in devices, e.g. Front desk PC"
      />
      <CloudErrorNotice error={join.error} issues={issues} nothingSaved="you have not joined yet" />
      <div className="form-actions">
        <Link to="/account/sign-in">Cancel</Link>
        <button type="submit" className="primary" disabled={join.isPending}>
          Join the team
        </button>
      </div>
    </form>
  );
}
