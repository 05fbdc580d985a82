import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessMapping } from './guess-mapping';
import { planInvoiceImport, type InvoicePlanOptions } from './plan-invoices';
import type { CsvRecords } from './records';

/** Test files have no quoting: lines on '\n', cells on ',' (or ';' when the header has one). */
function records(text: string): string[][] {
  const lines = text.replace(/^\n/, '').split('\n');
  const sep = lines[0]?.includes(';') ? ';' : ',';
  return lines.map((l) => l.split(sep));
}

const options: InvoicePlanOptions = {
  dateFormat: 'dd/MM/yyyy',
  decimalStyle: 'dot',
  currency: 'GBP',
  amountIs: 'line',
  today: '2026-03-01',
};

function plan(text: string, opts: Partial<InvoicePlanOptions> = {}) {
  const recs = records(text);
  return planInvoiceImport(recs, guessMapping(recs[0] ?? [], 'invoices'), { ...options, ...opts });
}

const HEADER = 'Invoice No,Customer,Email,Date,Due Date,Currency,Amount,Paid,Status,Description';

describe('planInvoiceImport: one line per invoice', () => {
  it('reads every field', () => {
    const p = plan(`${HEADER}
INV-1,Ada Lovelace,ADA@Example.com,05/01/2026,04/02/2026,EUR,€1234.50,200,Disputed,Consulting
INV-2,  Bob   Smith ,,06/01/2026,,,99,,,`);
    expect(p.errors).toEqual([]);
    expect(p.rows).toBe(2);
    expect(p.invoices).toEqual([
      {
        number: 'INV-1',
        numberKey: 'INV-1',
        customer: { name: 'Ada Lovelace', email: 'ada@example.com', nameKey: 'ada lovelace', key: 'ada lovelace\u0000ada@example.com' },
        issueDate: '2026-01-05',
        dueDate: '2026-02-04',
        currency: 'EUR',
        totalMinor: 123450,
        paid: { amountMinor: 20000, date: '2026-02-04' },
        state: 'disputed',
        notes: 'Consulting',
        rows: [2],
      },
      {
        number: 'INV-2',
        numberKey: 'INV-2',
        customer: { name: 'Bob Smith', email: null, nameKey: 'bob smith', key: 'bob smith\u0000' },
        issueDate: '2026-01-06',
        // No due date: 30 days after the issue date.
        dueDate: '2026-02-05',
        currency: 'GBP',
        totalMinor: 9900,
        paid: null,
        state: null,
        notes: null,
        rows: [3],
      },
    ]);
  });

  it('dates a paid amount without a paid-on column on the due date, or today when that is earlier', () => {
    const p = plan(`${HEADER}
INV-1,Ada,,05/01/2026,04/02/2026,,100,100,,
INV-2,Ada,,05/02/2026,31/03/2026,,100,50,,`);
    expect(p.invoices.map((i) => i.paid)).toEqual([
      { amountMinor: 10000, date: '2026-02-04' },
      { amountMinor: 5000, date: '2026-03-01' },
    ]);
  });

  it('reports every problem with its line, header = line 1, and plans only the good rows', () => {
    const p = plan(`${HEADER}
INV-1,Ada,,05/01/2026,,,100,,,
,Bob,,05/01/2026,,,100,,,
INV-3,,,31/02/2026,,,-20.00,,,
INV-4,Cy,not-an-email,05/01/2026,01/01/2026,EURO,12.345,,Void,
INV-5,Di,,05/01/2026,,,100,150,,`);
    expect(p.invoices.map((i) => i.number)).toEqual(['INV-1']);
    expect(p.errors).toEqual([
      { row: 3, column: 'Invoice No', message: 'No invoice number' },
      { row: 4, column: 'Customer', message: 'No customer name' },
      { row: 4, column: 'Date', message: '"31/02/2026" is not a real date: February 2026 has no day 31' },
      {
        row: 4,
        column: 'Amount',
        message: '"-20.00" is negative: credit notes and credit lines are not imported; leave the line out and record the credit on the invoice instead',
      },
      { row: 5, column: 'Email', message: 'An e-mail address needs an @, like name@example.com' },
      { row: 5, column: 'Currency', message: '"EURO" is not a currency code; use three letters, like EUR' },
      { row: 5, column: 'Amount', message: '"12.345" is written like 1.234,56, not 1,234.56; check how amounts are written' },
      { row: 5, column: 'Status', message: '"Void": a void or cancelled invoice is not owed, so it is not imported' },
      { row: 6, column: 'Paid', message: 'Paid 150.00 is more than the invoice total 100.00' },
    ]);
  });

  it('takes the paid-on date from its column, and refuses a paid amount on a draft', () => {
    const recs = records(`Invoice No,Customer,Date,Amount,Paid,Paid on,Status
INV-1,Ada,05/01/2026,100,40,20/01/2026,
INV-2,Ada,05/01/2026,100,40,,Draft`);
    const p = planInvoiceImport(recs, guessMapping(recs[0] ?? [], 'invoices'), options);
    expect(p.invoices.map((i) => i.paid)).toEqual([{ amountMinor: 4000, date: '2026-01-20' }]);
    expect(p.errors).toEqual([{ row: 3, column: 'Paid', message: 'A draft has not been sent, so nothing can have been paid on it' }]);
  });

  it('refuses a due date before the issue date', () => {
    const p = plan(`${HEADER}
INV-1,Ada,,05/01/2026,04/01/2026,,100,,,`);
    expect(p.errors).toEqual([{ row: 2, column: 'Due Date', message: 'The due date 2026-01-04 is before the issue date 2026-01-05' }]);
  });

  it('reads the status words that are decisions, and takes the rest as issued', () => {
    const p = plan(`${HEADER}
A,Ada,,05/01/2026,,,1,,Draft,
B,Ada,,05/01/2026,,,1,,Entwurf,
C,Ada,,05/01/2026,,,1,,Written off,
D,Ada,,05/01/2026,,,1,,abgeschrieben,
E,Ada,,05/01/2026,,,1,,Contesté,
F,Ada,,05/01/2026,,,1,,Paid,
G,Ada,,05/01/2026,,,1,,Overdue,
H,Ada,,05/01/2026,,,1,,,`);
    expect(p.errors).toEqual([]);
    expect(p.invoices.map((i) => i.state)).toEqual(['draft', 'draft', 'written_off', 'written_off', 'disputed', 'issued', 'issued', null]);
  });

  it('reads amounts in the invoice currency and in the chosen decimal style', () => {
    const p = plan(
      `Rechnungsnummer;Kunde;Datum;Währung;Betrag
R-1;Ada;05.01.2026;EUR;1.234,56
R-2;Ada;05.01.2026;JPY;1.235
R-3;Ada;05.01.2026;;12,5`,
      { decimalStyle: 'comma', currency: 'EUR' },
    );
    expect(p.errors).toEqual([]);
    expect(p.invoices.map((i) => [i.currency, i.totalMinor])).toEqual([
      ['EUR', 123456],
      ['JPY', 1235],
      ['EUR', 1250],
    ]);
  });
});

describe('planInvoiceImport: several lines per invoice', () => {
  it('sums line amounts into one invoice, wherever its lines are in the file', () => {
    const p = plan(`${HEADER}
INV-1,Ada,,05/01/2026,,,100,,,Nails
INV-2,Bob,,05/01/2026,,,7,,,
inv-1,ADA,,,,,  25.50,,,Screws
INV-1,,,05/01/2026,,,0.50,,,Nails`);
    expect(p.errors).toEqual([]);
    expect(p.invoices.map((i) => [i.number, i.totalMinor, i.rows, i.notes])).toEqual([
      ['INV-1', 12600, [2, 4, 5], 'Nails\nScrews'],
      ['INV-2', 700, [3], null],
    ]);
  });

  it('takes a repeated total once when the amount is the invoice total', () => {
    const p = plan(
      `${HEADER}
INV-1,Ada,,05/01/2026,,,126,26,,Nails
INV-1,Ada,,05/01/2026,,,126,26,,Screws
INV-1,Ada,,05/01/2026,,,,,,Glue`,
      { amountIs: 'total' },
    );
    expect(p.errors).toEqual([]);
    expect(p.invoices.map((i) => [i.totalMinor, i.paid?.amountMinor])).toEqual([[12600, 2600]]);
  });

  it('names both lines when lines of one number disagree, and imports none of that invoice', () => {
    const p = plan(`${HEADER}
INV-1,Ada,,05/01/2026,,,100,,,
INV-2,Bob,,05/01/2026,,,7,,,
INV-1,Bob,,06/01/2026,,USD,5,,,
INV-1,Ada,,05/01/2026,,,5,,,`);
    expect(p.invoices.map((i) => i.number)).toEqual(['INV-2']);
    expect(p.errors).toEqual([
      { row: 2, column: 'Invoice No', message: 'Not imported: line 4 of invoice INV-1 has a problem' },
      { row: 4, column: 'Customer', message: 'Invoice INV-1: line 2 says customer name "Ada", this line says "Bob"' },
      { row: 4, column: 'Date', message: 'Invoice INV-1: line 2 says issue date "2026-01-05", this line says "2026-01-06"' },
      { row: 4, column: 'Currency', message: 'Invoice INV-1: line 2 says currency "GBP", this line says "USD"' },
      { row: 5, column: 'Invoice No', message: 'Not imported: line 4 of invoice INV-1 has a problem' },
    ]);
  });

  it('refuses differing totals when the amount is the invoice total', () => {
    const p = plan(
      `${HEADER}
INV-1,Ada,,05/01/2026,,,126,,,
INV-1,Ada,,05/01/2026,,,127,,,`,
      { amountIs: 'total' },
    );
    expect(p.errors).toEqual([
      { row: 2, column: 'Invoice No', message: 'Not imported: line 3 of invoice INV-1 has a problem' },
      { row: 3, column: 'Amount', message: 'Invoice INV-1: line 2 says amount "126.00", this line says "127.00"' },
    ]);
  });
});

describe('planInvoiceImport: the file and the mapping', () => {
  it('counts lines across quoted line breaks and skips blank lines', () => {
    const recs: CsvRecords = [
      ['Invoice No', 'Customer', 'Date', 'Amount'],
      ['INV-1', 'Ada\nLovelace', '05/01/2026', '1'],
      [''],
      ['INV-2', 'Bob', '05/01/2026', 'x'],
    ];
    const p = planInvoiceImport(recs, guessMapping(recs[0] ?? [], 'invoices'), options);
    expect(p.rows).toBe(2);
    expect(p.errors.map((e) => e.row)).toEqual([5]);
  });

  it('reports a required field without a column against the header, and plans nothing', () => {
    const recs = records(`Invoice No,Customer,Amount
INV-1,Ada,1`);
    const p = planInvoiceImport(recs, guessMapping(recs[0] ?? [], 'invoices'), options);
    expect(p.invoices).toEqual([]);
    expect(p.errors).toEqual([{ row: 1, column: 'Issue date', message: 'Choose the column that holds the issue date' }]);
  });

  it('reports an empty file', () => {
    expect(planInvoiceImport([], guessMapping([], 'invoices'), options).errors[0]?.message).toMatch(/empty/);
    expect(planInvoiceImport([['']], guessMapping([], 'invoices'), options).errors[0]?.message).toMatch(/empty/);
  });

  it('never throws, whatever the cells hold', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', 'INV-1', '05/01/2026', '31/02/2026', '-1', '1.234,5', 'EUR', 'Void', 'a@b.c'));
    const mapping = guessMapping(['Invoice No', 'Customer', 'Email', 'Date', 'Due Date', 'Currency', 'Amount', 'Paid', 'Paid on', 'Status', 'Description'], 'invoices');
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 20 }), fc.constantFrom('line' as const, 'total' as const), (rows, amountIs) => {
        const header = ['Invoice No', 'Customer', 'Email', 'Date', 'Due Date', 'Currency', 'Amount', 'Paid', 'Paid on', 'Status', 'Description'];
        const p = planInvoiceImport([header, ...rows], mapping, { ...options, amountIs });
        for (const e of p.errors) expect(e.row).toBeGreaterThanOrEqual(2);
        for (const inv of p.invoices) expect(inv.totalMinor).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
