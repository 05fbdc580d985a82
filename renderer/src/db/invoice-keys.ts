import type { Invoice } from '@core/invoice';
import { openBalanceMinor } from '@core/invoice-status';

/** The index keys an invoice row carries (see rows.ts for why they exist). */
export function numberKeyOf(number: string): string {
  return number.trim().toUpperCase();
}

export function openDueDateOf(inv: Pick<Invoice, 'dueDate' | 'totalMinor' | 'payments' | 'creditNotes' | 'state'>): string | undefined {
  return openBalanceMinor(inv) > 0 ? inv.dueDate : undefined;
}
