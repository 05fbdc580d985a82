import { useEffect, useId, useRef } from 'react';
import { Dialog } from '../../ui/Dialog';

/**
 * Where the clipboard cannot be reached (a browser that refuses, a locked-down PC), the text
 * is shown selected, so Ctrl+C copies it.
 */
export function CopyTextDialog({ open, text, onClose }: { open: boolean; text: string; onClose: () => void }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  // This effect runs after the Dialog's own (which opens it), so the textarea can take focus.
  useEffect(() => {
    if (!open) return;
    ref.current?.focus();
    ref.current?.select();
  }, [open]);
  return (
    <Dialog title="Copy the reminder" open={open} onClose={onClose}>
      <p>The clipboard could not be reached from here. The text below is selected: press Ctrl+C to copy it.</p>
      <div className="field">
        <label htmlFor={id}>Reminder text</label>
        <textarea id={id} ref={ref} readOnly value={text} rows={14} className="copy-text" onFocus={(e) => e.currentTarget.select()} />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
