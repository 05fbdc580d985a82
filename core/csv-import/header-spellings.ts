import type { InvoiceField, PaymentField } from './fields';

/**
 * How accounting tools spell their column headers, in English, German, French and Dutch
 * (Xero, QuickBooks, Sage, FreshBooks, lexoffice, sevDesk, Pennylane, Exact, Moneybird…).
 * Headers are compared after `normaliseHeader`: camelCase split ("InvoiceNumber"), accents
 * folded ("Fällig" → "fallig", "Échéance" → "echeance"), punctuation turned into spaces except
 * '#' ("Inv #"), lower case.
 *
 * - `exact`: whole-header spellings, best first (an earlier one wins a tie for a column);
 * - `contains`: a weaker match anywhere in the header;
 * - `unless`: a header that `contains` would catch but that means something else ("Amount
 *   Due" is a balance, not a due date; "Customer No" is an id, not a name). Exact spellings
 *   are never vetoed.
 */
export interface Spellings {
  readonly exact: readonly string[];
  readonly contains?: RegExp;
  readonly unless?: RegExp;
}

const NOT_A_DATE = /\b(date|datum|on|am|le|op)\b/;
const MONEY_WORDS = /\b(amount|betrag|montant|bedrag|total|totaal|balance|saldo|solde|summe)\b/;

export const INVOICE_SPELLINGS: Readonly<Record<InvoiceField, Spellings>> = {
  number: {
    exact: [
      'invoice number', 'invoice no', 'invoice #', 'inv #', 'inv no', 'invoice num', 'invoice nr', 'invoice', 'inv',
      'number', 'no', 'num', 'nr', '#', 'invoice id', 'document number', 'doc no',
      'rechnungsnummer', 'rechnungs nr', 'rechnung nr', 'rechnungsnr', 're nr', 'rechnung', 'belegnummer', 'beleg nr', 'nummer',
      'numero de facture', 'numero facture', 'n facture', 'no facture', 'n de facture', 'facture', 'numero',
      'factuurnummer', 'factuurnr', 'factuur nr', 'factuur', 'factuur nummer',
    ],
    contains: /\b(invoice (number|no|nr|#)|inv #|rechnungsnummer|rechnungs ?nr|numero de facture|factuurnummer|factuurnr)\b/,
    unless: /\b(date|datum|amount|betrag|montant|bedrag)\b/,
  },
  customerName: {
    exact: [
      'customer', 'customer name', 'client', 'client name', 'contact', 'contact name', 'name', 'company', 'company name',
      'bill to', 'billed to', 'debtor', 'account name',
      'kunde', 'kundenname', 'kunde name', 'name des kunden', 'firma', 'debitor', 'rechnungsempfanger', 'empfanger',
      'nom du client', 'nom client', 'raison sociale', 'destinataire',
      'klant', 'klantnaam', 'naam klant', 'relatie', 'debiteur', 'naam',
    ],
    contains: /(customer|client|kunde|klant|contact|debit|relatie)/,
    unless: /(mail|courriel|\bid\b|number|nummer|\bno\b|\bnr\b|\bn\b|\bnum\b|#|address|adress|adresse|adres|phone|telefon|tel|vat|tax|ust|tva|btw|code|ref)/,
  },
  customerEmail: {
    exact: [
      'email', 'e mail', 'email address', 'e mail address', 'customer email', 'contact email', 'client email', 'mail',
      'e mail adresse', 'emailadresse', 'email adresse', 'courriel', 'adresse email', 'adresse e mail', 'adresse mail',
      'emailadres', 'e mailadres', 'email adres',
    ],
    contains: /(e ?mail|courriel)/,
  },
  issueDate: {
    exact: [
      'invoice date', 'issue date', 'date issued', 'issued', 'issued on', 'date', 'inv date', 'document date', 'transaction date',
      'rechnungsdatum', 'datum', 'belegdatum', 'ausstellungsdatum', 'rechnungs datum',
      'date de facture', 'date facture', 'date d emission', 'date de facturation',
      'factuurdatum', 'factuur datum', 'datum factuur',
    ],
    contains: /\b(invoice date|rechnungsdatum|date de facture|factuurdatum|date|datum)\b/,
    unless: /(due|fallig|echeance|verval|paid|pay|bezahlt|zahl|paiement|regle|betaal|sent|versand|envoi|verzonden|created|modified)/,
  },
  dueDate: {
    exact: [
      'due date', 'due', 'due on', 'date due', 'payment due', 'payment due date',
      'fallig', 'fallig am', 'falligkeit', 'falligkeitsdatum', 'fallig bis', 'zahlungsziel', 'zahlbar bis',
      'echeance', 'date d echeance', 'date echeance', 'date limite de paiement',
      'vervaldatum', 'vervaldag', 'verval datum', 'uiterste betaaldatum',
    ],
    contains: /(\bdue\b|fallig|echeance|verval)/,
    unless: MONEY_WORDS,
  },
  currency: {
    exact: ['currency', 'currency code', 'curr', 'ccy', 'cur', 'wahrung', 'devise', 'monnaie', 'valuta', 'munteenheid'],
    contains: /(currency|wahrung|devise|valuta)/,
  },
  amount: {
    exact: [
      'total', 'amount', 'invoice total', 'total amount', 'invoice amount', 'gross', 'gross amount', 'total incl tax',
      'total inc vat', 'total incl vat', 'amount incl tax', 'line amount', 'line total',
      'betrag', 'gesamtbetrag', 'rechnungsbetrag', 'bruttobetrag', 'betrag brutto', 'brutto', 'summe', 'gesamt', 'endbetrag',
      'montant', 'montant ttc', 'total ttc', 'montant total', 'total facture',
      'bedrag', 'totaal', 'totaalbedrag', 'bedrag incl btw', 'totaal incl btw', 'factuurbedrag',
    ],
    contains: /(total|amount|betrag|summe|brutto|montant|bedrag|totaal)/,
    unless:
      /(paid|\bdue\b|open|balance|outstanding|remaining|tax|vat|mwst|\bust\b|tva|btw|bezahlt|gezahlt|offen|paye|regle|restant|betaald|saldo|solde|discount|rabatt|remise|korting|unit|quantity|\bnet\b|netto|\bht\b|excl|currency)/,
  },
  paid: {
    exact: [
      'paid', 'amount paid', 'paid amount', 'invoice amount paid', 'total paid', 'payments', 'paid to date',
      'bezahlt', 'bezahlter betrag', 'gezahlt', 'gezahlter betrag', 'zahlungen',
      'paye', 'montant paye', 'regle', 'montant regle', 'deja paye',
      'betaald', 'betaald bedrag', 'voldaan',
    ],
    contains: /(paid|bezahlt|gezahlt|paye|regle|betaald)/,
    unless: NOT_A_DATE,
  },
  paidDate: {
    exact: [
      'paid date', 'date paid', 'paid on', 'payment date', 'date of payment', 'last payment date', 'fully paid on date',
      'bezahlt am', 'zahlungsdatum', 'bezahldatum', 'zahldatum', 'zahlungseingang',
      'date de paiement', 'date paiement', 'paye le', 'date de reglement', 'regle le',
      'betaaldatum', 'betaald op', 'datum betaling', 'betalingsdatum',
    ],
    contains: /((paid|payment|bezahlt|zahlung|paiement|reglement|betaal|betaling).*\b(date|datum|on|am|le|op)\b|\b(date|datum)\b.*(paid|payment|paiement|reglement|betaling))/,
  },
  status: {
    exact: ['status', 'state', 'invoice status', 'payment status', 'zustand', 'rechnungsstatus', 'statut', 'etat', 'toestand', 'status factuur'],
    contains: /\b(status|statut)\b/,
  },
  description: {
    exact: [
      'description', 'details', 'memo', 'notes', 'note', 'item', 'line description', 'item description', 'subject',
      'beschreibung', 'bezeichnung', 'notiz', 'bemerkung', 'betreff', 'leistung', 'text',
      'libelle', 'designation', 'objet', 'commentaire',
      'omschrijving', 'notitie', 'opmerking', 'onderwerp',
    ],
    contains: /(descr|memo|note|notiz|beschreib|bemerk|omschrijving|libelle|designation|comment)/,
  },
};

export const PAYMENT_SPELLINGS: Readonly<Record<PaymentField, Spellings>> = {
  number: {
    exact: [
      'invoice number', 'invoice no', 'invoice #', 'inv #', 'inv no', 'invoice nr', 'invoice', 'inv', 'number', 'no', 'nr', '#',
      'applied to', 'for invoice',
      'rechnungsnummer', 'rechnungs nr', 'rechnung nr', 'rechnungsnr', 'rechnung', 'nummer',
      'numero de facture', 'numero facture', 'n facture', 'facture', 'numero',
      'factuurnummer', 'factuurnr', 'factuur nr', 'factuur',
    ],
    contains: /(invoice|rechnung|facture|factuur)/,
    unless: /\b(date|datum|amount|betrag|montant|bedrag|total|totaal|due)\b/,
  },
  date: {
    exact: [
      'payment date', 'date', 'paid date', 'date paid', 'paid on', 'received', 'date received', 'value date', 'booking date',
      'zahlungsdatum', 'datum', 'zahldatum', 'bezahlt am', 'buchungsdatum', 'valuta datum', 'wertstellung',
      'date de paiement', 'date paiement', 'date de reglement', 'date d operation', 'date de valeur',
      'betaaldatum', 'betalingsdatum', 'datum betaling', 'boekdatum',
    ],
    contains: /\b(date|datum)\b/,
    unless: /(invoice|\bdue\b|rechnungs|facture|factuur|fallig|echeance|verval)/,
  },
  amount: {
    exact: [
      'amount', 'payment amount', 'amount paid', 'paid', 'paid amount', 'amount received', 'received amount', 'total',
      'betrag', 'zahlungsbetrag', 'bezahlt', 'gezahlt', 'summe',
      'montant', 'montant paye', 'montant regle', 'paye',
      'bedrag', 'betaald bedrag', 'betaald', 'totaal',
    ],
    contains: /(amount|betrag|montant|bedrag|paid|bezahlt|total)/,
    unless: /(invoice|\bdue\b|open|balance|tax|vat|mwst|tva|btw|rechnungs|facture|factuur|currency)/,
  },
  method: {
    exact: [
      'method', 'payment method', 'payment type', 'type', 'mode', 'paid by', 'paid with',
      'zahlungsart', 'zahlart', 'zahlungsmethode', 'zahlweise',
      'mode de paiement', 'moyen de paiement', 'mode de reglement', 'type de paiement',
      'betaalmethode', 'betaalwijze', 'betalingswijze',
    ],
    contains: /(method|zahlungsart|zahlweise|mode de|moyen de|betaalwijze|betaalmethode|betalingswijze)/,
  },
  reference: {
    exact: [
      'reference', 'ref', 'payment reference', 'transaction id', 'transaction', 'memo', 'note', 'notes',
      'verwendungszweck', 'referenz', 'buchungstext',
      'reference de paiement', 'libelle', 'communication',
      'referentie', 'kenmerk', 'omschrijving', 'betalingskenmerk',
    ],
    contains: /(ref|memo|verwendungszweck|kenmerk|libelle)/,
  },
};

/**
 * A header in the form the spellings above are written in: "*InvoiceNumber" → "invoice
 * number", "Fällig am" → "fallig am", "N° facture" → "n facture", "Inv #" → "inv #".
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/([a-z\u00df-\u00ff])([A-Z])/g, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}
