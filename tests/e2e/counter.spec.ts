import { expect, test } from '@playwright/test';
import { addCustomer, snap, startWithSampleBusiness } from './book-helpers';

test('the sample business loads and the counter finds a customer by four digits of their phone', async ({ page }) => {
  await startWithSampleBusiness(page);
  await expect(page.getByRole('combobox', { name: 'Find a customer' })).toBeFocused();

  // Pick a real customer from the list and read their phone number off their page.
  await page.getByRole('link', { name: 'Customers' }).click();
  const firstRow = page.getByRole('list', { name: 'Customer list' }).getByRole('listitem').first().getByRole('link');
  const name = (await firstRow.textContent()) ?? '';
  await firstRow.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const phone = (await page.locator('dt:text-is("Phone") + dd').textContent()) ?? '';
  const digits = phone.split(',')[0]?.replace(/\D/g, '') ?? '';
  expect(digits.length).toBeGreaterThan(8);
  const fragment = digits.slice(4, 8);

  await page.getByRole('link', { name: 'Counter' }).click();
  const box = page.getByRole('combobox', { name: 'Find a customer' });
  await box.fill(fragment);
  await expect(page.getByRole('listbox', { name: 'Matching customers' }).getByRole('option', { name: new RegExp(name) })).toBeVisible();
  await snap(page, 'counter-phone-fragment');

  // Keyboard: `/` comes back to the box, arrows pick, Enter opens.
  await box.blur();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await box.fill(name.split(' ')[0] ?? name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('toolbar', { name: 'Customer actions' })).toBeVisible();
});

test('a blacklisted customer raises an unmistakable banner at the counter, and it survives a reload', async ({ page }) => {
  await startWithSampleBusiness(page);
  await addCustomer(page, { name: 'Dana Whitfield', phone: '07700 900 777', email: 'dana@whitfield.example' });

  await page.getByRole('button', { name: 'Set status' }).click();
  const dialog = page.getByRole('dialog', { name: 'Status of Dana Whitfield' });
  await dialog.getByRole('radio', { name: /Blacklisted/ }).check();
  await dialog.getByLabel('Reason').fill('Three invoices unpaid since March; cheque bounced');
  await dialog.getByRole('button', { name: 'Save status' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert', { name: 'Blacklisted customer' })).toContainText('cheque bounced');

  await page.getByRole('link', { name: 'Counter' }).click();
  await page.getByRole('combobox', { name: 'Find a customer' }).fill('whitf');
  const banner = page.getByRole('alert', { name: 'Blacklisted customer' });
  await expect(banner).toContainText('BLACKLISTED: Dana Whitfield');
  await expect(banner).toContainText('Three invoices unpaid since March');
  await expect(banner).toContainText('Set by');
  await snap(page, 'counter-blacklisted');

  await page.reload();
  await page.getByRole('combobox', { name: 'Find a customer' }).fill('0777 ');
  await expect(page.getByRole('alert', { name: 'Blacklisted customer' })).toContainText('Dana Whitfield');
  await page.goto('/#/customers/');
  await page.getByLabel('Status filter').selectOption('blacklisted');
  await expect(page.getByRole('list', { name: 'Customer list' }).getByRole('link', { name: 'Dana Whitfield' })).toBeVisible();
});

test('a customer form with an error keeps everything typed and points at the field', async ({ page }) => {
  await startWithSampleBusiness(page);
  await page.goto('/#/customers/new');
  await page.getByLabel('Name', { exact: true }).fill('Priya Natarajan');
  await page.getByLabel('Company').fill('Natarajan Lettings');
  await page.getByLabel('Phone', { exact: true }).fill('12ab');
  await page.getByLabel('E-mail', { exact: true }).fill('priya@');
  await page.getByRole('button', { name: 'Add customer' }).click();

  await expect(page.getByLabel('Phone', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('E-mail', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Priya Natarajan');
  await expect(page.getByLabel('Company')).toHaveValue('Natarajan Lettings');
  await expect(page.getByLabel('Phone', { exact: true })).toHaveValue('12ab');
  await snap(page, 'customer-form-errors');

  await page.getByLabel('Phone', { exact: true }).fill('020 7946 0018');
  await page.getByLabel('E-mail', { exact: true }).fill('priya@natarajan.example');
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Natarajan' })).toBeVisible();
  await expect(page.locator('dt:text-is("Phone") + dd')).toHaveText('020 7946 0018');
});
