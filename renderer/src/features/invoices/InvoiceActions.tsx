import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Invoice, InvoiceState } from '@core/invoice';
import { openBalanceMinor } from '@core/invoice-status';
import { useBook } from '../../app/book-context';
import { Link, navigate } from '../../app/router';
import { deleteInvoice, setInvoiceState } from '../../db/invoices-repo';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { money } from '../../ui/format';
import { availableActions } from './invoice-actions';

type Action = { kind: 'state'; state: InvoiceState } | { kind: 'delete' };

/**
 * The buttons under an invoice. The two that cannot be taken back casually — write off and
 * delete — ask first in a modal dialog; Cancel has focus so Enter does not destroy anything.
 */
export function InvoiceActions({ invoice, onRecordPayment }: { invoice: Invoice; onRecordPayment: () => void }) {
  const { db, write, profile } = useBook();
  const [confirm, setConfirm] = useState<'writeOff' | 'delete' | null>(null);
  const can = availableActions(invoice);

  const run = useMutation({
    mutationFn: async (action: Action) => {
      if (action.kind === 'delete') await deleteInvoice(db, invoice.id);
      else await setInvoiceState(db, invoice.id, action.state, write);
    },
    onSuccess: (_, action) => {
      setConfirm(null);
      if (action.kind === 'delete') navigate('/invoices');
    },
  });

  const ask = (which: 'writeOff' | 'delete') => {
    // A failure from an earlier attempt must not greet the person in a fresh dialog.
    run.reset();
    setConfirm(which);
  };
  const paymentsText =
    invoice.payments.length === 0 ? 'The invoice is' : `The invoice and its ${invoice.payments.length === 1 ? 'payment are' : `${invoice.payments.length} payments are`}`;

  const balance = money(openBalanceMinor(invoice), invoice.currency, profile.locale);
  return (
    <div className="toolbar" role="toolbar" aria-label="Invoice actions">
      {can.recordPayment ? (
        <button type="button" className="primary" onClick={onRecordPayment}>
          Record payment
        </button>
      ) : null}
      {can.issue ? (
        <button type="button" className="primary" disabled={run.isPending} onClick={() => run.mutate({ kind: 'state', state: 'issued' })}>
          Issue
        </button>
      ) : null}
      {can.edit ? (
        <Link to={`/invoices/${invoice.id}/edit`} className="button">
          Edit
        </Link>
      ) : null}
      {can.dispute ? (
        <button type="button" disabled={run.isPending} onClick={() => run.mutate({ kind: 'state', state: 'disputed' })}>
          Mark disputed
        </button>
      ) : null}
      {can.undoDispute ? (
        <button type="button" disabled={run.isPending} onClick={() => run.mutate({ kind: 'state', state: 'issued' })}>
          Undo dispute
        </button>
      ) : null}
      {can.writeOff ? (
        <button type="button" onClick={() => ask('writeOff')}>
          Write off…
        </button>
      ) : null}
      {can.undoWriteOff ? (
        <button type="button" disabled={run.isPending} onClick={() => run.mutate({ kind: 'state', state: 'issued' })}>
          Undo write-off
        </button>
      ) : null}
      <Link to={`/customers/${invoice.customerId}/rate?invoice=${invoice.id}`} className="button">
        Rate this customer
      </Link>
      <button type="button" className="danger" onClick={() => ask('delete')}>
        Delete…
      </button>
      {confirm === null ? <ErrorNotice error={run.error} /> : null}

      <Dialog title={`Write off invoice ${invoice.number}?`} open={confirm === 'writeOff'} onClose={() => setConfirm(null)}>
        <p>
          The {balance} still owed stops counting as owed: the invoice leaves the open and overdue lists and no longer makes the customer late. Payments
          already recorded stay. You can undo this later.
        </p>
        <ErrorNotice error={run.error} />
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={() => setConfirm(null)}>
            Cancel
          </button>
          <button type="button" className="danger" disabled={run.isPending} onClick={() => run.mutate({ kind: 'state', state: 'written_off' })}>
            Write off {balance}
          </button>
        </div>
      </Dialog>

      <Dialog title={`Delete invoice ${invoice.number}?`} open={confirm === 'delete'} onClose={() => setConfirm(null)}>
        <p>
          {paymentsText} removed from the book. Ratings linked to it keep their scores but lose the link. This cannot be undone.
        </p>
        <ErrorNotice error={run.error} />
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={() => setConfirm(null)}>
            Cancel
          </button>
          <button type="button" className="danger" disabled={run.isPending} onClick={() => run.mutate({ kind: 'delete' })}>
            Delete invoice
          </button>
        </div>
      </Dialog>
    </div>
  );
}
