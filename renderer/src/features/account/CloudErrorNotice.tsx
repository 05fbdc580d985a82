import type { FieldIssue } from '@core/field-issues';
import { issuesOf } from '../../platform/cloud-client';

/**
 * A failed cloud call, said plainly. Field problems are shown beside their fields, so here
 * they only get a summary (of those still open: `issues`, which shrinks as fields are edited);
 * anything else (wrong password, too many tries, the cloud out of reach) shows the cloud's
 * own message.
 */
export function CloudErrorNotice({ error, issues = [], nothingSaved = 'nothing was saved yet' }: { error: unknown; issues?: readonly FieldIssue[]; nothingSaved?: string }) {
  if (issues.length > 0) {
    return (
      <p className="error-notice" role="alert">
        Please correct the {issues.length === 1 ? 'field' : `${issues.length} fields`} marked above; {nothingSaved}.
      </p>
    );
  }
  if (!error || issuesOf(error).length > 0) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p className="error-notice" role="alert">
      {message}
    </p>
  );
}
