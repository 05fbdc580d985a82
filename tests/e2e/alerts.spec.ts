import { expect, test } from '@playwright/test';
import { addCustomer, snap, startWithSampleBusiness } from './book-helpers';

test('blacklisting a customer who owes money raises an alert that is acknowledged in the alert centre', async ({ page }) => {
  await startWithSampleBusiness(page);
  await addCustomer(page, { name: 'Connor Bellamy', phone: '07700 900 412' });

  // An invoice he still owes.
  await page.getByRole('toolbar', { name: 'Customer actions' }).getByRole('button', { name: 'New invoice' }).click();
  await page.getByLabel(/^Total/).fill('480.00');
  await page.getByRole('button', { name: /save|create|add/i }).first().click();
  await expect(page.getByRole('toolbar', { name: 'Invoice actions' })).toBeVisible();
  await page.getByRole('link', { name: 'Connor Bellamy' }).first().click();

  await page.getByRole('button', { name: 'Set status' }).click();
  const dialog = page.getByRole('dialog', { name: 'Status of Connor Bellamy' });
  await dialog.getByRole('radio', { name: /Blacklisted/ }).check();
  await dialog.getByLabel('Reason').fill('Walked out without paying for a delivery');
  await dialog.getByRole('button', { name: 'Save status' }).click();

  // The watch in main notices (through the mirror) and the page shows its alert at once.
  const toast = page.getByLabel('New alerts').getByRole('alert').filter({ hasText: 'Connor Bellamy' }).first();
  await expect(toast).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('link', { name: /Alerts, \d+ not acknowledged/ })).toBeVisible();
  await snap(page, 'alert-toast');

  await page.goto('/#/alerts');
  const item = page.getByRole('listitem').filter({ hasText: 'Connor Bellamy' }).first();
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: /Acknowledge/ }).click();
  await page.getByLabel('Only those not yet acknowledged').uncheck();
  await expect(page.getByRole('listitem').filter({ hasText: 'Connor Bellamy' }).first()).toContainText('Acknowledged by Margaret Doyle');
  await snap(page, 'alert-centre');
});
