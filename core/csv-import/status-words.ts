import { foldText } from '../identifiers';
import type { InvoiceState, PaymentMethod } from '../invoice';

/**
 * Status and payment-method words as accounting tools write them, in English, German, French
 * and Dutch. Only the decisions a person makes about an invoice are read from the status
 * column: draft, disputed, written off. "Paid", "Open", "Overdue", "Sent" and the like are the
 * book's to work out from dates and payments (core/invoice-status.ts), so they all mean an
 * issued invoice. A void or cancelled invoice was never owed: it is refused, with a reason,
 * rather than stored as a debt.
 */

export type StateReading = { ok: true; state: InvoiceState } | { ok: false; error: string };

const DRAFT = /^(draft|drafts|entwurf|brouillon|concept|proforma|pro forma|not sent|unsent)$/;
const DISPUTED = /(disput|contested|query|queried|strittig|bestritten|reklamation|einspruch|conteste|litige|contestation|betwist|geschil)/;
const WRITTEN_OFF = /(written off|write off|writeoff|bad debt|uncollectible|abgeschrieben|ausgebucht|uneinbringlich|forderungsausfall|irrecouvrable|passe en perte|creance douteuse|afgeschreven|oninbaar|oninvorderbaar)/;
const VOID = /^(void|voided|cancelled|canceled|deleted|storniert|storno|geloscht|annule|annulee|supprime|geannuleerd|vervallen|verwijderd)$/;

/** The invoice state a status cell means; an empty cell means issued. */
export function readInvoiceState(value: string): StateReading {
  const w = foldText(value).replace(/[-_]/g, ' ');
  if (w === '') return { ok: true, state: 'issued' };
  if (VOID.test(w)) {
    return { ok: false, error: `"${value.trim()}": a void or cancelled invoice is not owed, so it is not imported` };
  }
  if (DRAFT.test(w)) return { ok: true, state: 'draft' };
  if (WRITTEN_OFF.test(w)) return { ok: true, state: 'written_off' };
  if (DISPUTED.test(w)) return { ok: true, state: 'disputed' };
  return { ok: true, state: 'issued' };
}

// Checked in order, whole words only ("ec" is a card in Germany, not the end of "cheque"):
// bank before card, so "direct debit" and "credit transfer" are transfers.
const METHODS: readonly [RegExp, PaymentMethod][] = [
  [/\b(cash|bar|bargeld|especes|liquide|contant|contanten)\b/, 'cash'],
  [/\b(cheque|check|scheck|cheques|checks)\b/, 'cheque'],
  [
    /\b(bank|transfer|wire|bacs|chaps|ach|sepa|giro|uberweisung|bankuberweisung|lastschrift|virement|prelevement|overschrijving|overboeking|incasso|ideal|direct debit|faster payments?|standing order|bank transfer)\b/,
    'bank_transfer',
  ],
  [/\b(card|cards|visa|mastercard|amex|maestro|karte|kreditkarte|ec|girocard|carte|cb|kaart|pin|pinnen|debit|credit|sumup|stripe|terminal|contactless)\b/, 'card'],
];

/** The payment method a method cell means; anything unrecognised (or empty) is 'other'. */
export function readPaymentMethod(value: string): PaymentMethod {
  const w = foldText(value);
  if (w === '') return 'other';
  for (const [pattern, method] of METHODS) {
    if (pattern.test(w)) return method;
  }
  return 'other';
}
