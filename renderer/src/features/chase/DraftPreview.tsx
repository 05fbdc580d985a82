import type { ReminderDraft } from '@core/watch/templates';

/** The drafted reminder, folded away until asked for. */
export function DraftPreview({ draft }: { draft: ReminderDraft }) {
  return (
    <details className="draft-preview">
      <summary>Preview the reminder</summary>
      <dl>
        <dt>To</dt>
        <dd>{draft.to.length > 0 ? draft.to.join(', ') : <span className="muted">No e-mail address on file: copy the text instead</span>}</dd>
        <dt>Subject</dt>
        <dd>{draft.subject}</dd>
      </dl>
      <pre>{draft.body}</pre>
    </details>
  );
}
