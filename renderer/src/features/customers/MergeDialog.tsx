import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMutation } from '@tanstack/react-query';
import type { Customer } from '@core/customer';
import { useBook } from '../../app/book-context';
import { navigate } from '../../app/router';
import { mergeCustomers } from '../../db/customers-repo';
import { searchCounter } from '../../db/counter-search';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StatusBadge } from '../../ui/StatusBadge';

/**
 * Finds a duplicate of `keep` and folds it in: phones, e-mails, tags and notes are combined,
 * invoices, ratings and status history move over, and the duplicate disappears.
 */
export function MergeDialog({ keep, onClose }: { keep: Customer; onClose: () => void }) {
  const { db, write } = useBook();
  const [query, setQuery] = useState(keep.displayName);
  const [dropId, setDropId] = useState<string | null>(null);
  const hits = useLiveQuery(() => searchCounter(db, query, 10), [db, query]);
  const candidates = (hits ?? []).filter((h) => h.customer.id !== keep.id);
  const drop = candidates.find((h) => h.customer.id === dropId)?.customer;
  const merge = useMutation({
    mutationFn: (id: string) => mergeCustomers(db, keep.id, id, write),
    onSuccess: () => {
      onClose();
      navigate(`/customers/${keep.id}`);
    },
  });
  return (
    <Dialog title={`Merge a duplicate into ${keep.displayName}`} open onClose={onClose}>
      <label className="field">
        <span>Find the duplicate</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <fieldset className="merge-candidates">
        <legend>Duplicate to merge in</legend>
        {candidates.length === 0 ? <p className="muted">No other customer matches.</p> : null}
        {candidates.map(({ customer: c }) => (
          <label key={c.id} className="merge-candidate">
            <input type="radio" name="drop" checked={dropId === c.id} onChange={() => setDropId(c.id)} />
            {c.displayName} <StatusBadge status={c.status.value} />{' '}
            <span className="muted">{[c.company, c.phones[0], c.emails[0]].filter(Boolean).join(' · ')}</span>
          </label>
        ))}
      </fieldset>
      {drop ? (
        <p>
          {drop.displayName}’s phones, e-mails, invoices, ratings and history move to {keep.displayName}; then {drop.displayName} is removed.
        </p>
      ) : null}
      <ErrorNotice error={merge.error} />
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!drop || merge.isPending} onClick={() => drop && merge.mutate(drop.id)}>
          Merge
        </button>
      </div>
    </Dialog>
  );
}
