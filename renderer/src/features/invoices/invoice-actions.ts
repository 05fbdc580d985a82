import type { Invoice } from '@core/invoice';
import { openBalanceMinor } from '@core/invoice-status';

/** Which actions the detail screen offers for an invoice as it stands. */
export interface AvailableActions {
  issue: boolean;
  recordPayment: boolean;
  dispute: boolean;
  undoDispute: boolean;
  writeOff: boolean;
  undoWriteOff: boolean;
  edit: boolean;
}

/**
 * Payments, disputes and write-offs only make sense once an invoice has been sent and while
 * money is owed on it; a write-off can be undone (it was a decision, not a fact), and a
 * written-off invoice is not edited until it is reopened, since the editor cannot keep that
 * state.
 */
export function availableActions(inv: Invoice): AvailableActions {
  const owed = openBalanceMinor(inv) > 0;
  return {
    issue: inv.state === 'draft',
    recordPayment: (inv.state === 'issued' || inv.state === 'disputed') && owed,
    dispute: inv.state === 'issued' && owed,
    undoDispute: inv.state === 'disputed',
    writeOff: (inv.state === 'issued' || inv.state === 'disputed') && owed,
    undoWriteOff: inv.state === 'written_off',
    edit: inv.state !== 'written_off',
  };
}
