import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { issueAt } from '@core/field-issues';
import { issuesOf } from '../../platform/cloud-client';
import { forgetCloudData } from '../../platform/cloud-session';
import { useTRPC } from '../../platform/trpc';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TextField } from '../../ui/Field';

/**
 * Which Rateback cloud this PC talks to. A business that runs its own cloud (or a test)
 * changes it here; main checks the address (https outside this PC and the office network),
 * keeps it with this PC's settings, and signs out of the old cloud when it changes.
 */
export function CloudAddress({ signedIn }: { signedIn: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const connection = useQuery(trpc.cloud.connection.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const setUrl = useMutation(
    trpc.cloud.setUrl.mutationOptions({
      onSuccess: async (info) => {
        setEditing(null);
        queryClient.setQueryData(trpc.cloud.connection.queryKey(), info);
        forgetCloudData(queryClient);
      },
    }),
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (editing !== null) setUrl.mutate({ url: editing });
  };
  const info = connection.data;
  const urlIssue = issueAt(issuesOf(setUrl.error), 'url');
  return (
    <section className="account-section" aria-labelledby="cloud-address-title">
      <h2 id="cloud-address-title">Cloud address</h2>
      {info ? (
        <>
          <p>
            This PC syncs with <strong className="cloud-url">{info.url}</strong>
            {info.local ? ', the Rateback cloud this app runs on this PC' : ''}.
          </p>
          {info.localProblem ? (
            <p className="error-notice" role="alert">
              {info.localProblem}
            </p>
          ) : null}
          {info.editable ? null : <p className="muted">The address is set for this PC by its administrator (RATEBACK_CLOUD_URL).</p>}
        </>
      ) : (
        <ErrorNotice error={connection.error} />
      )}
      {editing === null ? (
        info?.editable ? (
          <button type="button" onClick={() => setEditing(info.url)}>
            Change cloud address
          </button>
        ) : null
      ) : (
        <form onSubmit={onSubmit} noValidate className="cloud-address-form">
          <TextField
            label="New cloud address"
            type="url"
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
            error={urlIssue}
            hint={signedIn ? 'Changing it signs this PC out of the current cloud.' : 'e.g. https://cloud.example.com'}
            autoFocus
            spellCheck={false}
          />
          {urlIssue ? null : <ErrorNotice error={setUrl.error} />}
          <div className="form-actions">
            {info?.local ? null : (
              <button type="button" onClick={() => setUrl.mutate({ url: null })} disabled={setUrl.isPending} className="link-button">
                Use the cloud on this PC
              </button>
            )}
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={setUrl.isPending}>
              Save address
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
