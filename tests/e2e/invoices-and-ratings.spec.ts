import { expect, test } from '@playwright/test';
import { addCustomer, snap, startWithSampleBusiness } from './book-helpers';

test('add an invoice, pay it in two parts, and rate the customer', async ({ page }) => {
  await startWithSampleBusiness(page);
  await addCustomer(page, { name: 'Hamid Rahimi', phone: '07700 900 318', company: 'Rahimi Builders' });

  // A new invoice from the customer's page: the customer is already chosen.
  await page.getByRole('toolbar', { name: 'Customer actions' }).getByRole('button', { name: 'New invoice' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/invoice/i);
  const total = page.getByLabel(/^Total/);
  await total.fill('1,250.00');
  await page.getByRole('button', { name: /save|create|add/i }).first().click();
  await expect(page.getByRole('toolbar', { name: 'Invoice actions' })).toBeVisible();
  await expect(page.getByText('£1,250.00').first()).toBeVisible();

  // Paying more than is owed is refused at the amount, keeping what was typed.
  await page.getByRole('button', { name: 'Record payment' }).click();
  const amount = page.getByLabel(/^Amount/);
  await amount.fill('2000');
  await page.getByRole('button', { name: 'Save payment' }).click();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toHaveValue('2000');

  await amount.fill('250');
  await page.getByRole('button', { name: 'Save payment' }).click();
  await expect(page.locator('.pill').first()).toHaveText(/Partly paid/);
  await page.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByLabel(/^Amount/)).toHaveValue(/1,000\.00|1000\.00/);
  await page.getByRole('button', { name: 'Save payment' }).click();
  await expect(page.locator('.pill').first()).toHaveText(/Paid/);
  await snap(page, 'invoice-paid');

  // Rate the customer from the invoice, linked to it.
  await page.getByRole('link', { name: 'Rate this customer' }).click();
  for (const [criterion, score] of [
    ['Timely payment', '5'],
    ['Reliability', '4'],
    ['Respect', '5'],
    ['Effort to serve', '3'],
    ['Overall', '4'],
  ] as const) {
    await page.getByRole('radiogroup', { name: criterion }).getByRole('radio', { name: score, exact: true }).check();
  }
  await page.getByRole('checkbox', { name: 'Pays early' }).check();
  await page.getByLabel('Private note').fill('Paid the balance in two instalments, as agreed.');
  await page.getByRole('button', { name: 'Save rating' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Hamid Rahimi' })).toBeVisible();
  const ratings = page.getByRole('region', { name: 'Ratings' });
  await expect(ratings).toContainText('Timely payment 5');
  await expect(ratings).toContainText('Pays early');
  await snap(page, 'customer-rated');

  // The book survives a reload.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Invoices' })).toContainText('Paid');
  await expect(page.getByRole('region', { name: 'Ratings' })).toContainText('Overall 4');
});

test('the invoice list filters by open, overdue and paid', async ({ page }) => {
  await startWithSampleBusiness(page);
  await page.getByRole('link', { name: 'Invoices' }).click();
  for (const filter of ['Open', 'Overdue', 'Paid', 'All']) {
    await page.getByRole('button', { name: new RegExp(`^${filter}`) }).click();
    await expect(page.getByText(/\d+ invoices?/).first()).toBeVisible();
  }
  await page.getByRole('button', { name: /^Overdue/ }).click();
  await expect(page.locator('.pill-overdue').first()).toBeVisible();
  await snap(page, 'invoices-overdue');
});
