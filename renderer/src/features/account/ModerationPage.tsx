import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { issueAt, type FieldIssue } from '@core/field-issues';
import { issuesOf, type CloudOutputs } from '../../platform/cloud-client';
import { useCloud, useCloudClient } from '../../platform/cloud-session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TextAreaField } from '../../ui/Field';
import { instant } from '../../ui/format';
import { countryName } from './sign-up-form';

type Queued = CloudOutputs['moderation']['queue'][number];
type Identifier = NonNullable<Queued['registrationNumber']>;

const RULE_WORDS: Record<Identifier['rule'], string> = {
  check_digit: 'check digit passed',
  format: 'format checked (no check digit)',
  none: 'no rule known for the country: not checked',
  refused: 'refused by today’s rules',
};

/** Rateback's moderators: businesses whose owner confirmed their e-mail, waiting for a decision. */
export function ModerationPage() {
  const cloud = useCloud();
  const queue = useQuery(cloud.moderation.queue.queryOptions());
  return (
    <div className="account-page">
      <h1>Businesses awaiting review</h1>
      <p className="muted">
        Approve a business when its registration details, web domain and owner fit together. Until then it syncs its own book but cannot use the network. A rejected
        business’s owner reads your note.
      </p>
      <ErrorNotice error={queue.error} />
      {queue.data && queue.data.length === 0 ? <p>No business is waiting for review.</p> : null}
      <ul className="review-queue">
        {queue.data?.map((b) => (
          <li key={b.businessId}>
            <ReviewItem business={b} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function IdentifierLine({ id }: { id: Identifier | null }) {
  if (!id) return <span className="muted">not given</span>;
  return (
    <>
      <code>{id.value}</code> <span className={`check check-${id.rule}`}>{RULE_WORDS[id.rule]}</span>
    </>
  );
}

function ReviewItem({ business: b }: { business: Queued }) {
  const cloud = useCloud();
  const client = useCloudClient();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      decision === 'approve' ? client.moderation.approve.mutate({ businessId: b.businessId, note }) : client.moderation.reject.mutate({ businessId: b.businessId, note }),
    onMutate: () => setIssues([]),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cloud.moderation.queue.queryKey() }),
    onError: (error) => setIssues(issuesOf(error)),
  });
  const onSubmit = (e: FormEvent) => e.preventDefault();
  const titleId = `review-${b.businessId}`;
  return (
    <form className="account-section review-item" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{b.legalName}</h2>
      <dl className="account-facts">
        <dt>Country</dt>
        <dd>{countryName(b.country)}</dd>
        <dt>Trade</dt>
        <dd>{b.trade}</dd>
        <dt>Region</dt>
        <dd>{b.region}</dd>
        <dt>Registration number</dt>
        <dd>
          <IdentifierLine id={b.registrationNumber} />
        </dd>
        <dt>VAT number</dt>
        <dd>
          <IdentifierLine id={b.vatId} />
        </dd>
        <dt>Web domain</dt>
        <dd>{b.webDomain}</dd>
        <dt>Owner</dt>
        <dd>
          {b.ownerName ?? 'unknown'} ({b.ownerEmail ?? 'no address'}){' '}
          {b.ownerEmailMatchesDomain ? (
            <span className="check check-check_digit">e-mail at the web domain</span>
          ) : (
            <span className="check check-none">e-mail not at the web domain</span>
          )}
        </dd>
        <dt>Signed up</dt>
        <dd>{instant(b.createdAt, navigator.language)}</dd>
      </dl>
      <TextAreaField
        label="Note to the owner"
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
          setIssues([]);
        }}
        error={issueAt(issues, 'note')}
        hint="Required to reject: say what to fix"
        rows={2}
      />
      {issues.length === 0 ? <ErrorNotice error={decide.error} /> : null}
      <div className="form-actions">
        <button type="button" className="danger" onClick={() => decide.mutate('reject')} disabled={decide.isPending} aria-label={`Reject ${b.legalName}`}>
          Reject
        </button>
        <button type="button" className="primary" onClick={() => decide.mutate('approve')} disabled={decide.isPending} aria-label={`Approve ${b.legalName}`}>
          Approve
        </button>
      </div>
    </form>
  );
}
