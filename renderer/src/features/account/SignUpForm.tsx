import { useMemo, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { issueAt, withoutIssue, type FieldIssue } from '@core/field-issues';
import { useDb } from '../../app/book-context';
import { Link, navigate } from '../../app/router';
import { getBusinessProfile } from '../../db/book-meta';
import { issuesOf, type SignUpResult } from '../../platform/cloud-client';
import { useCloudClient } from '../../platform/cloud-session';
import { SelectField, TextField } from '../../ui/Field';
import { registrationHints } from './account-text';
import { CloudErrorNotice } from './CloudErrorNotice';
import {
  chosenCountry,
  countryChoices,
  countryName,
  emptySignUpForm,
  localSignUpIssues,
  OTHER_COUNTRY,
  SIGN_UP_PATHS,
  toSignUpInput,
  type SignUpFormState,
} from './sign-up-form';
import { useDefaultDeviceLabel } from './use-device-label';
import { useSessionEvents } from './use-session-events';

/**
 * A business joins Rateback: its owner, and the facts a moderator checks before the business
 * may use the network. Then the owner enters the code we e-mailed (VerifyEmail).
 */
export function SignUpForm({ onSignedUp }: { onSignedUp: (result: SignUpResult) => void }) {
  const db = useDb();
  const deviceLabel = useDefaultDeviceLabel();
  // The book's own profile, when there is one, starts the form (null: read, none there).
  const profile = useLiveQuery(() => getBusinessProfile(db).then((p) => p ?? null), [db]);
  if (deviceLabel === undefined || profile === undefined) return <p className="loading">Loading…</p>;
  const defaults = profile ? { legalName: profile.name, country: profile.country, deviceLabel } : { deviceLabel };
  return <SignUpFields defaults={emptySignUpForm(defaults)} onSignedUp={onSignedUp} />;
}

function SignUpFields({ defaults, onSignedUp }: { defaults: SignUpFormState; onSignedUp: (result: SignUpResult) => void }) {
  const cloud = useCloudClient();
  const session = useSessionEvents();
  const [form, setForm] = useState(defaults);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const signUp = useMutation({
    mutationFn: (f: SignUpFormState): Promise<SignUpResult> => cloud.account.signUp.mutate(toSignUpInput(f)),
    onMutate: () => setIssues([]),
    onSuccess: async (result) => {
      onSignedUp(result);
      await session.opened(result.me);
      navigate('/account/verify');
    },
    onError: (error) => setIssues(issuesOf(error)),
  });

  const country = chosenCountry(form);
  const hints = useMemo(() => registrationHints(country, country ? countryName(country) : ''), [country]);
  const at = (key: keyof typeof SIGN_UP_PATHS) => issueAt(issues, ...SIGN_UP_PATHS[key]);
  const set = (key: keyof SignUpFormState) => (e: { target: { value: string } }) => {
    setForm({ ...form, [key]: e.target.value });
    const path = key === 'otherCountry' ? SIGN_UP_PATHS.country : SIGN_UP_PATHS[key];
    // Either number satisfies "enter one or the other": typing one clears both messages.
    const cleared = key === 'registrationNumber' || key === 'vatId' ? withoutIssue(withoutIssue(issues, ...SIGN_UP_PATHS.vatId), ...SIGN_UP_PATHS.registrationNumber) : withoutIssue(issues, ...path);
    setIssues(cleared);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local = localSignUpIssues(form);
    if (local.length > 0) {
      setIssues(local);
      return;
    }
    signUp.mutate(form);
  };

  return (
    <form className="account-form account-form-wide" onSubmit={onSubmit} noValidate aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">Sign up your business</h1>
      <p className="muted">
        Your team’s PCs then share one book. A Rateback moderator checks the business before it may use the network of other businesses; until then, your
        book syncs between your own PCs.
      </p>
      <fieldset>
        <legend>You, the owner</legend>
        <div className="form-grid">
          <TextField label="Your name" autoComplete="name" value={form.displayName} onChange={set('displayName')} error={at('displayName')} autoFocus />
          <TextField label="E-mail" type="email" autoComplete="email" value={form.email} onChange={set('email')} error={at('email')} hint="We send a code to this address" />
          <TextField label="Password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} error={at('password')} hint="At least 10 characters" />
        </div>
      </fieldset>
      <fieldset>
        <legend>The business</legend>
        <div className="form-grid">
          <TextField label="Legal name" autoComplete="organization" value={form.legalName} onChange={set('legalName')} error={at('legalName')} hint="As registered, e.g. Acme Plumbing Ltd" />
          <SelectField label="Country" value={form.country} onChange={set('country')} error={form.country === OTHER_COUNTRY ? undefined : at('country')}>
            <option value="">Choose…</option>
            {countryChoices().map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
            <option value={OTHER_COUNTRY}>Another country…</option>
          </SelectField>
          {form.country === OTHER_COUNTRY ? (
            <TextField label="Country code" value={form.otherCountry} onChange={set('otherCountry')} error={at('country')} maxLength={2} hint="Two letters, e.g. CH" />
          ) : null}
          <TextField label="Trade" value={form.trade} onChange={set('trade')} error={at('trade')} hint="What the business does, e.g. Plumbing, Hair salon" />
          <TextField label="Region or city" autoComplete="address-level1" value={form.region} onChange={set('region')} error={at('region')} />
          <TextField
            label="Company registration number"
            value={form.registrationNumber}
            onChange={set('registrationNumber')}
            error={at('registrationNumber')}
            hint={country ? hints.registrationNumber : 'Choose the country to see what we check'}
            spellCheck={false}
          />
          <TextField
            label="VAT number"
            value={form.vatId}
            onChange={set('vatId')}
            error={at('vatId')}
            hint={country ? hints.vatId : 'Choose the country to see what we check'}
            spellCheck={false}
          />
          <TextField
            label="Web domain"
            value={form.webDomain}
            onChange={set('webDomain')}
            error={at('webDomain')}
            hint="The business’s website or the domain of its e-mail, e.g. acme.co.uk; the moderator compares it with your address"
            spellCheck={false}
          />
        </div>
        <p className="muted">Enter the registration number, the VAT number, or both. Nothing is looked up in a register from here: we check the number’s form and check digits.</p>
      </fieldset>
      <TextField label="Name for this device" value={form.deviceLabel} onChange={set('deviceLabel')} error={at('deviceLabel')} hint="Shown in your list of signed-in devices, e.g. Front desk PC" />
      <CloudErrorNotice error={signUp.error} issues={issues} nothingSaved="nothing was sent yet" />
      <div className="form-actions">
        <Link to="/account/sign-in">Cancel</Link>
        <button type="submit" className="primary" disabled={signUp.isPending}>
          Sign up
        </button>
      </div>
    </form>
  );
}
