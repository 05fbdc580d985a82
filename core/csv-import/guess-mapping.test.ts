import { describe, expect, it } from 'vitest';
import type { ImportKind } from './fields';
import { guessAmountKind, guessMapping } from './guess-mapping';
import { normaliseHeader } from './header-spellings';

/** The guess as header names (or '-' for none), so a table row reads like the export. */
function named(header: string[], kind: ImportKind): Record<string, string> {
  const mapping = guessMapping(header, kind);
  return Object.fromEntries(Object.entries(mapping).map(([f, c]) => [f, c === null ? '-' : (header[c] ?? '?')]));
}

describe('guessMapping for invoices', () => {
  const cases: { tool: string; header: string[]; expected: Record<string, string> }[] = [
    {
      tool: 'Xero (one line per invoice line)',
      header: ['*ContactName', 'EmailAddress', 'POAddressLine1', '*InvoiceNumber', 'Reference', '*InvoiceDate', '*DueDate', 'Total', 'TaxTotal', 'InvoiceAmountPaid', 'InvoiceAmountDue', 'Description', '*Quantity', '*UnitAmount', 'LineAmount', 'Currency', 'Status'],
      expected: { number: '*InvoiceNumber', customerName: '*ContactName', customerEmail: 'EmailAddress', issueDate: '*InvoiceDate', dueDate: '*DueDate', currency: 'Currency', amount: 'Total', paid: 'InvoiceAmountPaid', paidDate: '-', status: 'Status', description: 'Description' },
    },
    {
      tool: 'QuickBooks',
      header: ['Invoice No', 'Customer', 'Invoice Date', 'Due Date', 'Amount', 'Open Balance'],
      expected: { number: 'Invoice No', customerName: 'Customer', customerEmail: '-', issueDate: 'Invoice Date', dueDate: 'Due Date', currency: '-', amount: 'Amount', paid: '-', paidDate: '-', status: '-', description: '-' },
    },
    {
      tool: 'short English',
      header: ['Inv #', 'Client', 'Date', 'Due', 'Total', 'Paid', 'Status', 'Email'],
      expected: { number: 'Inv #', customerName: 'Client', customerEmail: 'Email', issueDate: 'Date', dueDate: 'Due', currency: '-', amount: 'Total', paid: 'Paid', paidDate: '-', status: 'Status', description: '-' },
    },
    {
      tool: 'German',
      header: ['Rechnungsnummer', 'Kunde', 'Datum', 'Fällig', 'Betrag', 'Währung', 'Status', 'Bezahlt am', 'Bezahlt'],
      expected: { number: 'Rechnungsnummer', customerName: 'Kunde', customerEmail: '-', issueDate: 'Datum', dueDate: 'Fällig', currency: 'Währung', amount: 'Betrag', paid: 'Bezahlt', paidDate: 'Bezahlt am', status: 'Status', description: '-' },
    },
    {
      tool: 'German, with a customer number beside the name',
      header: ['Kundennummer', 'Kunde', 'Rechnungs-Nr.', 'Rechnungsdatum', 'Fälligkeitsdatum', 'Betrag (brutto)', 'Offener Betrag', 'E-Mail-Adresse'],
      expected: { number: 'Rechnungs-Nr.', customerName: 'Kunde', customerEmail: 'E-Mail-Adresse', issueDate: 'Rechnungsdatum', dueDate: 'Fälligkeitsdatum', currency: '-', amount: 'Betrag (brutto)', paid: '-', paidDate: '-', status: '-', description: '-' },
    },
    {
      tool: 'French',
      header: ['Numéro de facture', 'Client', 'Date', 'Échéance', 'Montant TTC', 'Devise', 'Statut', 'Payé', 'Date de paiement', 'Libellé'],
      expected: { number: 'Numéro de facture', customerName: 'Client', customerEmail: '-', issueDate: 'Date', dueDate: 'Échéance', currency: 'Devise', amount: 'Montant TTC', paid: 'Payé', paidDate: 'Date de paiement', status: 'Statut', description: 'Libellé' },
    },
    {
      tool: 'Dutch',
      header: ['Factuurnummer', 'Klant', 'Factuurdatum', 'Vervaldatum', 'Bedrag', 'Omschrijving', 'E-mail'],
      expected: { number: 'Factuurnummer', customerName: 'Klant', customerEmail: 'E-mail', issueDate: 'Factuurdatum', dueDate: 'Vervaldatum', currency: '-', amount: 'Bedrag', paid: '-', paidDate: '-', status: '-', description: 'Omschrijving' },
    },
    {
      tool: 'unknown columns stay unmapped',
      header: ['Foo', 'Bar', ''],
      expected: { number: '-', customerName: '-', customerEmail: '-', issueDate: '-', dueDate: '-', currency: '-', amount: '-', paid: '-', paidDate: '-', status: '-', description: '-' },
    },
  ];
  it.each(cases)('$tool', ({ header, expected }) => {
    expect(named(header, 'invoices')).toEqual(expected);
  });

  it('never maps one column to two fields', () => {
    const mapping = guessMapping(['Date', 'Amount'], 'invoices');
    expect(mapping.issueDate).toBe(0);
    expect(mapping.amount).toBe(1);
    expect(mapping.paidDate).toBeNull();
    expect(mapping.paid).toBeNull();
  });

  it('"Amount Due" is a balance, neither the due date nor the amount', () => {
    const mapping = guessMapping(['Invoice', 'Amount Due', 'Due Date', 'Invoice Total'], 'invoices');
    expect(mapping).toMatchObject({ number: 0, dueDate: 2, amount: 3 });
  });
});

describe('guessMapping for payments', () => {
  it.each([
    { header: ['Invoice Number', 'Payment Date', 'Amount', 'Method', 'Reference'], expected: { number: 'Invoice Number', date: 'Payment Date', amount: 'Amount', method: 'Method', reference: 'Reference' } },
    { header: ['Rechnung', 'Zahlungsdatum', 'Betrag', 'Zahlungsart', 'Verwendungszweck'], expected: { number: 'Rechnung', date: 'Zahlungsdatum', amount: 'Betrag', method: 'Zahlungsart', reference: 'Verwendungszweck' } },
    { header: ['Date', 'Invoice', 'Amount Paid', 'Payment Method', 'Ref'], expected: { number: 'Invoice', date: 'Date', amount: 'Amount Paid', method: 'Payment Method', reference: 'Ref' } },
    { header: ['N° facture', 'Date de paiement', 'Montant', 'Mode de paiement'], expected: { number: 'N° facture', date: 'Date de paiement', amount: 'Montant', method: 'Mode de paiement', reference: '-' } },
    { header: ['Factuurnummer', 'Betaaldatum', 'Bedrag', 'Betaalwijze', 'Kenmerk'], expected: { number: 'Factuurnummer', date: 'Betaaldatum', amount: 'Bedrag', method: 'Betaalwijze', reference: 'Kenmerk' } },
  ])('$header', ({ header, expected }) => {
    expect(named(header, 'payments')).toEqual(expected);
  });
});

describe('guessAmountKind', () => {
  it.each([
    ['Total', 'total'],
    ['Invoice Total', 'total'],
    ['Gesamtbetrag', 'total'],
    ['Total TTC', 'total'],
    ['Betrag (brutto)', 'total'],
    ['Amount', 'line'],
    ['LineAmount', 'line'],
    ['Line total', 'line'],
    ['Betrag', 'line'],
    [undefined, 'line'],
  ] as const)('%s → %s', (header, kind) => {
    expect(guessAmountKind(header)).toBe(kind);
  });
});

describe('normaliseHeader', () => {
  it.each([
    ['*InvoiceNumber', 'invoice number'],
    ['Fällig am', 'fallig am'],
    ['Échéance', 'echeance'],
    ['N° facture', 'n facture'],
    ['Inv #', 'inv #'],
    ['  E-Mail-Adresse ', 'e mail adresse'],
    ['Straße', 'strasse'],
  ])('%s → %s', (raw, normal) => {
    expect(normaliseHeader(raw)).toBe(normal);
  });
});
