import { afterEach, describe, expect, it } from 'vitest';
import type { BookDb } from '../../db/book-db';
import { openTestDb } from '../../db/test-db';
import { importInvoicesCsv, importPaymentsCsv } from './apply-import';
import { invoiceByNumber, seedBook, TODAY } from './test-book';

let db: BookDb;
afterEach(() => db?.close());

const GERMAN = `Rechnungsnummer;Kunde;E-Mail;Rechnungsdatum;Fällig;Betrag;Beschreibung\r
R-1;"Müller GmbH";info@mueller.example;05.01.2026;04.02.2026;"1.234,50";"Zeile eins\r
Zeile zwei"\r
R-2;Schmidt;;13.01.2026;;99,90;\r
`;

describe('importInvoicesCsv', () => {
  it('parses, guesses, plans and applies a whole file in one call', async () => {
    ({ db } = openTestDb());
    const { ctx } = await seedBook(db);
    const result = await importInvoicesCsv(db, GERMAN, { ctx, currency: 'EUR', today: TODAY });
    expect(result).toMatchObject({ written: true, rows: 2, created: 2, customersCreated: 2, errors: [] });
    expect(await invoiceByNumber(db, 'R-1')).toMatchObject({ totalMinor: 123_450, issueDate: '2026-01-05', dueDate: '2026-02-04', currency: 'EUR', notes: 'Zeile eins\r\nZeile zwei' });
    expect(await invoiceByNumber(db, 'R-2')).toMatchObject({ totalMinor: 9_990, dueDate: '2026-02-12' });

    const again = await importInvoicesCsv(db, GERMAN, { ctx, currency: 'EUR', today: TODAY, mode: 'skip-bad-rows' });
    expect(again).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('reports rows at their line in the file, past a quoted line break', async () => {
    ({ db } = openTestDb());
    const { ctx } = await seedBook(db);
    const result = await importInvoicesCsv(db, `${GERMAN}R-3;Weber;;32.01.2026;;5;\r\n`, { ctx, currency: 'EUR', today: TODAY });
    expect(result.written).toBe(false);
    expect(result.errors).toEqual([{ row: 5, column: 'Rechnungsdatum', message: '"32.01.2026" is not a real date: January 2026 has no day 32' }]);
  });

  it('will not guess between day-first and month-first dates', async () => {
    ({ db } = openTestDb());
    const { ctx } = await seedBook(db);
    const text = 'Invoice,Customer,Date,Amount\nI-1,Ada,01/02/2026,5\n';
    const refused = await importInvoicesCsv(db, text, { ctx, currency: 'GBP', today: TODAY });
    expect(refused).toMatchObject({ written: false, errors: [{ row: 1, column: 'Date format', message: expect.stringContaining('dd/MM/yyyy or MM/dd/yyyy') as unknown as string }] });
    const chosen = await importInvoicesCsv(db, text, { ctx, currency: 'GBP', today: TODAY, dateFormat: 'MM/dd/yyyy' });
    expect(chosen.created).toBe(1);
    expect((await invoiceByNumber(db, 'I-1'))?.issueDate).toBe('2026-01-02');
  });
});

describe('importPaymentsCsv', () => {
  it('adds payments to invoices in the book', async () => {
    ({ db } = openTestDb());
    const { ctx } = await seedBook(db);
    const result = await importPaymentsCsv(db, 'Invoice,Date,Amount\nINV-OLD,2026-02-01,70\n', { ctx, currency: 'GBP' });
    expect(result).toMatchObject({ created: 1, unchanged: 0, errors: [] });
  });
});
