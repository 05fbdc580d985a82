import { expect, test } from '@playwright/test';
import { addCustomer, snap } from './book-helpers';
import { cloudLookup, emailCodeIn, PC_C, signOutPc, syncIndicator, uniqueEmail } from './cloud-helpers';

/**
 * An owner's account on one PC (PC C, a web host of its own): signing up before the book
 * exists, with the cloud's refusals shown at their fields, the code read from the in-app mail
 * outbox, the book set up afterwards and synced, and signing out and in again without losing
 * what was recorded meanwhile.
 */

const PASSWORD = 'correct horse battery';

test.use({ baseURL: PC_C });

test.beforeEach(async () => {
  await signOutPc(PC_C);
});

test('an owner signs up before setting up the book, and signing out keeps the book', async ({ page }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('amara', 'nwosu-e2e.co.uk');

  await page.goto('/');
  const banner = page.getByRole('complementary', { name: "Your team's book" });
  await expect(banner).toContainText('Does your team already use Rateback?');
  await banner.getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Sign up your business' }).click();

  // Sent empty, the cloud's refusals land at their fields.
  const form = page.getByRole('form', { name: 'Sign up your business' });
  await form.getByRole('button', { name: 'Sign up' }).click();
  await expect(form.getByRole('alert').filter({ hasText: /^Please correct the \d+ fields marked above; nothing was sent yet\.$/ })).toBeVisible();
  await expect(form.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Legal name')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Your name').fill('Amara Nwosu');
  await form.getByLabel('E-mail', { exact: true }).fill(email);
  await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await form.getByLabel('Legal name').fill('Nwosu Tiling Ltd');
  await form.getByLabel('Country').selectOption('GB');
  await form.getByLabel('Trade').fill('Tiling');
  await form.getByLabel('Region or city').fill('Manchester');
  // One digit off: the check digits give it away, and everything typed stays.
  await form.getByLabel('VAT number').fill('GB 980 7806 85');
  await form.getByLabel('Web domain').fill('nwosu-e2e.co.uk');
  await form.getByLabel('Name for this device').fill('Office PC');
  await form.getByRole('button', { name: 'Sign up' }).click();
  await expect(form.getByLabel('VAT number')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('VAT number')).toHaveAccessibleDescription(/check digit does not match/);
  await expect(form.getByLabel('Your name')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Legal name')).toHaveValue('Nwosu Tiling Ltd');
  await snap(page, 'account-sign-up-vat-refused');
  await form.getByLabel('VAT number').fill('GB 980 7806 84');
  await form.getByRole('button', { name: 'Sign up' }).click();

  // The code: a wrong one is refused at the field; the right one is in the in-app outbox.
  await expect(page.getByRole('heading', { level: 1, name: 'Enter the code we e-mailed you' })).toBeVisible();
  await page.getByLabel('Code from the e-mail').fill('000000');
  await page.getByRole('button', { name: 'Confirm e-mail' }).click();
  await expect(page.getByLabel('Code from the e-mail')).toHaveAttribute('aria-invalid', 'true');
  const mails = page.getByRole('list', { name: 'Mails in the outbox' });
  await expect(mails).toContainText(email);
  await snap(page, 'account-verify-with-outbox');
  await page.getByLabel('Code from the e-mail').fill(emailCodeIn((await mails.getByRole('listitem').first().textContent()) ?? ''));
  await page.getByRole('button', { name: 'Confirm e-mail' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  await expect(page.getByText('Awaiting review', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Signed-in devices' })).toContainText('Office PC This device');

  // No book in the cloud yet: the first start says so and offers to set one up.
  await page.goto('/#/counter');
  await expect(banner).toContainText('Your team has no book in the cloud yet', { timeout: 15_000 });
  await page.getByLabel('Business name').fill('Nwosu Tiling');
  await page.getByLabel('Your name').fill('Amara Nwosu');
  await page.getByRole('button', { name: 'Start with an empty book' }).click();
  await expect(page.getByRole('combobox', { name: 'Find a customer' })).toBeVisible();
  await addCustomer(page, { name: 'Kwame Mensah', phone: '07700 900 431' });
  await expect(syncIndicator(page)).toHaveText(/^Synced/, { timeout: 15_000 });

  // Signing out keeps the book, and what is recorded meanwhile is sent after signing in.
  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'Sign out this device' }).click();
  await expect(page).toHaveURL(/#\/account\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(syncIndicator(page)).toHaveText('Not syncing');
  await addCustomer(page, { name: 'Lena Fischer', phone: '07700 900 432' });
  await page.getByRole('link', { name: 'Counter' }).click();
  await page.getByRole('combobox', { name: 'Find a customer' }).fill('mensah');
  await expect(page.getByRole('listbox', { name: 'Matching customers' }).getByRole('option', { name: /Kwame Mensah/ })).toBeVisible();

  await page.getByRole('link', { name: 'Account' }).click();
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('E-mail', { exact: true }).fill(email);
  await signIn.getByLabel('Password', { exact: true }).fill('not the password');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn.getByRole('alert')).toBeVisible();
  await signIn.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  await expect(syncIndicator(page)).toHaveText(/^Synced/, { timeout: 15_000 });
  await syncIndicator(page).click();
  await expect(page.locator('dt:text-is("Changes waiting on this PC") + dd')).toHaveText('0');
  await expect.poll(() => cloudLookup(PC_C, '+447700900432'), { message: 'the customer added while signed out, in the cloud' }).toEqual(['Lena Fischer']);
  expect(await cloudLookup(PC_C, '+447700900431')).toEqual(['Kwame Mensah']);
  await snap(page, 'account-synced-after-sign-in');
});
