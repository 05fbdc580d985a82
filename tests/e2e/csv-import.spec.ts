import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { snap, startWithSampleBusiness } from './book-helpers';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'csv');

async function chooseFile(page: Page, name: string): Promise<void> {
  await page.getByLabel('CSV file to import').setInputFiles(join(FIXTURES, name));
  await expect(page.getByText(new RegExp(`${name.replace('.', '\\.')}: \\d+ rows`))).toBeVisible();
}

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const download = await waiting;
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('imports invoices from an accounting export, reports bad rows by line, re-imports as unchanged, and exports CSV', async ({ page }) => {
  await startWithSampleBusiness(page);
  await page.goto('/#/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import and export' })).toBeVisible();

  await chooseFile(page, 'invoices-with-problems.csv');
  // The mapping is guessed from the header.
  await expect(page.getByLabel('Invoice number').locator('option:checked')).toHaveText('Invoice No');
  await expect(page.getByLabel('Customer name').locator('option:checked')).toHaveText('Customer');
  await expect(page.getByLabel('Issue date').locator('option:checked')).toHaveText('Invoice Date');
  await expect(page.getByLabel('Amount', { exact: true }).locator('option:checked')).toHaveText('Total');
  await expect(page.getByLabel('Date format').locator('option:checked')).toHaveText(/dd\/MM\/yyyy/);

  // The preview already shows each problem at its line.
  const preview = page.getByRole('table', { name: /The first 10 rows/ });
  await expect(preview.getByRole('row', { name: /^4 IMP-1003/ })).toHaveAccessibleDescription(/Problems in row 4: Invoice Date: "31\/11\/2025" is not a real date: November 2025 has no day 31/);
  await expect(preview.getByRole('row', { name: /^5 IMP-1004/ })).toHaveAccessibleDescription(/credit notes and credit lines are not imported/);
  await expect(preview.getByRole('row', { name: /^6 IMP-1005/ })).not.toHaveAttribute('aria-describedby');
  await expect(page.getByText('10 rows: 6 invoices ready, 3 rows with problems')).toBeVisible();

  // All or nothing (the default): nothing is written, and the report says why, row by row.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Nothing was imported' })).toBeVisible();
  const problems = page.getByRole('table', { name: 'Rows with problems' });
  await expect(problems.getByRole('row')).toHaveCount(4);
  await expect(problems.getByRole('row').nth(1)).toContainText(/^4\s*Invoice Date/);
  await expect(problems.getByRole('row').nth(2)).toContainText(/^5\s*Total/);
  await expect(problems.getByRole('row').nth(3)).toContainText(/^7\s*Customer\s*No customer name/);

  // Skip the bad rows: the good ones go in.
  await page.getByRole('radio', { name: 'Skip rows with problems' }).check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(page.getByText('6 invoices created, 0 updated, 0 unchanged, 3 rows skipped.')).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveAttribute('value', '10');
  await expect(page.getByRole('table', { name: 'Rows with problems' }).getByRole('row')).toHaveCount(4);
  const problemFile = await downloaded(page, 'Download the problems (CSV)');
  expect(problemFile.name).toBe('problems-invoices-with-problems.csv');
  expect(problemFile.text).toContain('Row,Column,Problem');
  expect(problemFile.text).toContain('7,Customer,No customer name');
  await snap(page, 'import-report');

  // The same file again changes nothing.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('0 invoices created, 0 updated, 6 unchanged, 3 rows skipped.')).toBeVisible();

  // Payments against the imported invoices; one names an invoice the book does not have.
  await chooseFile(page, 'payments.csv');
  await page.getByRole('radio', { name: 'Payments' }).check();
  await expect(page.getByLabel('Payment date').locator('option:checked')).toHaveText('Payment Date');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('2 payments created, 0 updated, 0 unchanged, 1 row skipped.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Rows with problems' })).toContainText('There is no invoice IMP-9999 in the book');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('0 payments created, 0 updated, 2 unchanged, 1 row skipped.')).toBeVisible();

  // Exports download through a Blob URL, which the CSP does not get in the way of.
  const invoices = await downloaded(page, 'Export invoices (CSV)');
  expect(invoices.name).toMatch(/^invoices-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(invoices.text.startsWith('\ufeffInvoice number,Customer,Issue date,Due date,Currency,Total,Paid,Open balance,Status,Days late')).toBe(true);
  expect(invoices.text).toContain('IMP-1001,Hollis & Grant Ltd,2025-11-03,2025-12-03,GBP,1250.00,750.00,500.00,');
  expect(invoices.text).toContain('IMP-1009,Ravi Menon,2025-12-01,2025-12-31,GBP,600.00,0.00,600.00,');
  const aging = await downloaded(page, 'Export aging report (CSV)');
  expect(aging.name).toMatch(/^aging-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(aging.text).toContain('Customer,Currency,Current,1-30 days,31-60 days,61-90 days,Over 90 days,Total');
  expect(aging.text).toContain('\r\nRavi Menon,GBP,0.00,0.00,0.00,0.00,600.00,600.00\r\n');
  expect(aging.text).toMatch(/\r\nAll customers,GBP,/);
});

test('an ambiguous date format must be chosen, and the choices survive the error', async ({ page }) => {
  await startWithSampleBusiness(page);
  await page.goto('/#/import');
  await page.getByLabel('CSV file to import').setInputFiles({
    name: 'ambiguous.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Rechnungsnummer;Kunde;Datum;Betrag\r\nAMB-1;Nora Blum;01.02.2026;12,50\r\nAMB-2;Nora Blum;03.04.2026;7\r\n'),
  });
  await expect(page.getByLabel('Date format')).toHaveValue('');
  await expect(page.getByText(/The dates fit dd\/MM\/yyyy and MM\/dd\/yyyy/)).toBeVisible();
  await page.getByRole('radio', { name: 'Skip rows with problems' }).check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Choose how the dates are written before importing')).toBeVisible();
  await expect(page.getByLabel('Date format')).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Skip rows with problems' })).toBeChecked();
  await expect(page.getByLabel('Amounts are written like')).toHaveValue('comma');

  await page.getByLabel('Date format').selectOption('dd/MM/yyyy');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('2 invoices created, 0 updated, 0 unchanged, 0 rows skipped.')).toBeVisible();
});
