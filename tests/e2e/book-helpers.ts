import { expect, type Page } from '@playwright/test';

/** First start with the sample business loaded; lands on the counter. */
export async function startWithSampleBusiness(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Rateback' })).toBeVisible();
  await page.getByRole('button', { name: 'Load sample business' }).click();
  await expect(page.getByRole('combobox', { name: 'Find a customer' })).toBeVisible({ timeout: 30_000 });
}

/** Screenshots a person can look at, kept beside the test results. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** Creates a customer through the form and waits for their page. */
export async function addCustomer(page: Page, fields: { name: string; phone?: string; email?: string; company?: string }): Promise<void> {
  await page.goto('/#/customers/new');
  await page.getByLabel('Name', { exact: true }).fill(fields.name);
  if (fields.company) await page.getByLabel('Company').fill(fields.company);
  if (fields.phone) await page.getByLabel('Phone', { exact: true }).fill(fields.phone);
  if (fields.email) await page.getByLabel('E-mail', { exact: true }).fill(fields.email);
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: fields.name })).toBeVisible();
}
