import { describe, expect, it } from 'vitest';
import { readInvoiceState, readPaymentMethod } from './status-words';

describe('readPaymentMethod', () => {
  it.each([
    ['Cash', 'cash'],
    ['Bar', 'cash'],
    ['Espèces', 'cash'],
    ['Cheque', 'cheque'],
    ['Check', 'cheque'],
    ['Bank transfer', 'bank_transfer'],
    ['Überweisung', 'bank_transfer'],
    ['Virement', 'bank_transfer'],
    ['Direct debit', 'bank_transfer'],
    ['SEPA-Lastschrift', 'bank_transfer'],
    ['Credit card', 'card'],
    ['EC-Karte', 'card'],
    ['Carte bancaire', 'card'],
    ['PIN', 'card'],
    ['PayPal', 'other'],
    ['', 'other'],
  ] as const)('%s → %s', (word, method) => {
    expect(readPaymentMethod(word)).toBe(method);
  });
});

describe('readInvoiceState', () => {
  it.each([
    ['Draft', 'draft'],
    ['Brouillon', 'draft'],
    ['Concept', 'draft'],
    ['Disputed', 'disputed'],
    ['Betwist', 'disputed'],
    ['Written-off', 'written_off'],
    ['Bad debt', 'written_off'],
    ['Afgeschreven', 'written_off'],
    ['Paid', 'issued'],
    ['Awaiting payment', 'issued'],
    ['', 'issued'],
  ] as const)('%s → %s', (word, state) => {
    expect(readInvoiceState(word)).toEqual({ ok: true, state });
  });

  it.each(['Void', 'VOIDED', 'Storniert', 'Annulée', 'Geannuleerd'])('refuses %s', (word) => {
    expect(readInvoiceState(word).ok).toBe(false);
  });
});
