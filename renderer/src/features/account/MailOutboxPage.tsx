import { useQuery } from '@tanstack/react-query';
import { useCloud } from '../../platform/cloud-session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MailList } from './MailList';

/**
 * The cloud's outbox, for owners: a cloud without a mail server keeps every mail in a folder,
 * and the owner reads the team's here (invite codes, to pass on by hand).
 */
export function MailOutboxPage() {
  const cloud = useCloud();
  const outbox = useQuery({ ...cloud.account.mailOutbox.queryOptions(), refetchInterval: 10_000 });
  return (
    <div className="account-page">
      <h1>Mail outbox</h1>
      <ErrorNotice error={outbox.error} />
      {outbox.data?.smtp ? <p>This Rateback cloud sends its mail through a mail server: there is no outbox to read.</p> : null}
      {outbox.data && !outbox.data.smtp ? (
        <>
          <p className="muted">
            This Rateback cloud has no mail server, so it keeps its mail here instead of sending it. Pass invite codes on to the people they are for, in person or by
            phone.
          </p>
          <MailList mails={outbox.data.mails} locale={navigator.language} />
        </>
      ) : null}
      {outbox.isPending ? <p className="muted">Loading…</p> : null}
    </div>
  );
}
