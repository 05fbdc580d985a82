import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useBook } from '../../app/book-context';
import { Link } from '../../app/router';
import { useTRPC } from '../../platform/trpc';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { instant } from '../../ui/format';

/**
 * Every alert the watch raised — flagged customers at the counter, new invoices for them,
 * customers blacklisted while owing, broken promises — and who acknowledged each, when.
 */
export function AlertCentre() {
  const { me, profile } = useBook();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const alerts = useQuery(trpc.watch.alerts.list.queryOptions({ unacknowledgedOnly: onlyOpen, limit: 200 }));
  const acknowledge = useMutation(
    trpc.watch.alerts.acknowledge.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.watch.pathKey() }),
    }),
  );

  return (
    <section className="alert-centre" aria-labelledby="alerts-title">
      <div className="screen-head">
        <h1 id="alerts-title">Alerts</h1>
        <label>
          <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} /> Only those not yet acknowledged
        </label>
      </div>
      {me ? null : <p className="error-notice">Choose who is at this PC (top right) to acknowledge alerts: the book records who did.</p>}
      <ErrorNotice error={alerts.error ?? acknowledge.error} />
      {alerts.data && alerts.data.length === 0 ? <p className="muted">{onlyOpen ? 'Nothing waiting: every alert has been acknowledged.' : 'No alerts yet.'}</p> : null}
      <ul className="alert-list">
        {alerts.data?.map((a) => (
          <li key={a.id} className={`alert-item alert-${a.severity}`}>
            <div>
              <strong>{a.title}</strong>
              <div>{a.body}</div>
              <div className="muted">
                Raised {instant(a.raisedAt, profile.locale)} · <Link to={`/customers/${a.customerId}`}>Open customer</Link>
                {a.invoiceId ? (
                  <>
                    {' · '}
                    <Link to={`/invoices/${a.invoiceId}`}>Open invoice</Link>
                  </>
                ) : null}
              </div>
            </div>
            {a.acknowledgedAt ? (
              <span className="muted">
                Acknowledged by {a.acknowledgedBy} on {instant(a.acknowledgedAt, profile.locale)}
              </span>
            ) : (
              <button
                type="button"
                disabled={!me || acknowledge.isPending}
                onClick={() => me && acknowledge.mutate({ alertId: a.id, by: me.name })}
                aria-label={`Acknowledge: ${a.title}`}
              >
                Acknowledge
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
