import { Link } from '../../app/router';
import { useWatchStatus } from '../watch/watch-status';

/** New alerts pop up over any screen (web mode has no native notifications). */
export function AlertToasts() {
  const { fresh, dismiss } = useWatchStatus();
  if (fresh.length === 0) return null;
  return (
    <div className="toasts" aria-label="New alerts">
      {fresh.map((a) => (
        <div key={a.id} role="alert" className={`toast toast-${a.severity}`}>
          <strong>{a.title}</strong>
          <span>{a.body}</span>
          <span className="toast-actions">
            <Link to="/alerts" onClick={() => dismiss(a.id)}>
              Open alert centre
            </Link>
            <button type="button" onClick={() => dismiss(a.id)} aria-label={`Dismiss: ${a.title}`}>
              Dismiss
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}
