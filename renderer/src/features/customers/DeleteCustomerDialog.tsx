import { useLiveQuery } from 'dexie-react-hooks';
import { useMutation } from '@tanstack/react-query';
import type { Customer } from '@core/customer';
import { useBook } from '../../app/book-context';
import { navigate } from '../../app/router';
import { customerFootprint, deleteCustomer } from '../../db/customers-repo';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';

/** Deleting removes the customer's invoices and ratings too, so the dialog says how many. */
export function DeleteCustomerDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { db } = useBook();
  const footprint = useLiveQuery(() => customerFootprint(db, customer.id), [db, customer.id]);
  const remove = useMutation({
    mutationFn: () => deleteCustomer(db, customer.id),
    onSuccess: () => navigate('/customers'),
  });
  return (
    <Dialog title={`Delete ${customer.displayName}?`} open onClose={onClose}>
      <p>
        This removes the customer
        {footprint ? ` with ${footprint.invoices} ${footprint.invoices === 1 ? 'invoice' : 'invoices'} and ${footprint.ratings} ${footprint.ratings === 1 ? 'rating' : 'ratings'}` : ''} from
        the book. It cannot be undone.
      </p>
      <ErrorNotice error={remove.error} />
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Keep the customer
        </button>
        <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
          Delete for good
        </button>
      </div>
    </Dialog>
  );
}
