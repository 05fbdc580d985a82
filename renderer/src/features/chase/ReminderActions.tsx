import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MarkSentInput } from '../../../../main/services/watch/watch-inputs';
import { useBook } from '../../app/book-context';
import { useTRPC } from '../../platform/trpc';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CopyTextDialog } from './CopyTextDialog';
import { reminderText, type WorkItem } from './work-list';

type Channel = MarkSentInput['channel'];

/**
 * Copy the drafted reminder, open it in the mail program, and mark it sent. The channel logged
 * with "Mark sent" is the way the text last left this screen (copied, or opened as e-mail).
 */
export function ReminderActions({ reminder }: { reminder: NonNullable<WorkItem['reminder']> }) {
  const { me } = useBook();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<Channel>('other');
  const [copied, setCopied] = useState(false);
  const [manualCopy, setManualCopy] = useState(false);
  const markSent = useMutation(
    trpc.watch.reminders.markSent.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.watch.pathKey() }),
    }),
  );
  const text = reminderText(reminder.draft);

  async function copy() {
    setChannel('copy');
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setManualCopy(true);
    }
  }

  return (
    <>
      <button type="button" onClick={() => void copy()}>
        Copy text
      </button>
      <a className="button" href={reminder.draft.mailto} onClick={() => setChannel('mailto')}>
        Open e-mail
      </a>
      <button
        type="button"
        className="primary"
        disabled={!me || markSent.isPending}
        title={me ? undefined : 'Choose who is at this PC (top right) first'}
        onClick={() => me && markSent.mutate({ reminderId: reminder.id, channel, by: me.name })}
      >
        Mark sent
      </button>
      {copied ? (
        <span role="status" className="muted">
          Copied
        </span>
      ) : null}
      <ErrorNotice error={markSent.error} />
      {manualCopy ? <CopyTextDialog open text={text} onClose={() => setManualCopy(false)} /> : null}
    </>
  );
}
