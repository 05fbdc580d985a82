import { describe, expect, it } from 'vitest';
import type { Invoice, InvoiceState } from '../invoice';
import { isReceivable, type BookInvoice } from './ledger';
import { invoice } from './test-invoices';

// Compile-time: every Invoice of the contract can be passed wherever lateness takes a BookInvoice.
const asBookInvoice = (inv: Invoice): BookInvoice => inv;

describe('isReceivable', () => {
  it.each<[InvoiceState, boolean]>([
    ['draft', false],
    ['issued', true],
    ['disputed', true],
    ['written_off', false],
  ])('%s → %s', (state, receivable) => {
    expect(isReceivable(asBookInvoice(invoice({ state })))).toBe(receivable);
  });
});
