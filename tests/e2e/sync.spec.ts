import { expect, test, type Browser, type Page } from '@playwright/test';
import { addCustomer, snap } from './book-helpers';
import { cutOffFromCloud, emailCodeIn, inviteCodeIn, PC_A, PC_B, signOutPc, syncIndicator, uniqueEmail, waitForMail } from './cloud-helpers';

/**
 * Two PCs of one business, each a web host of its own (its own main, token vault and device
 * data) with a browser context of its own (its own IndexedDB), syncing through one test cloud:
 * PC A signs the sample hardware shop up and sends its book to the cloud, the owner invites a
 * manager, PC B joins with the mailed code and downloads the book, a change on one PC shows on
 * the other live, and edits made on both while PC B cannot reach the cloud merge field by field.
 */

const PASSWORD = 'correct horse battery';
const CUSTOMER = 'Rosa Delgado';
const INVOICE = 'RD-1001';

/** Milliseconds since `start`, for the timings this spec logs. */
const since = (start: number) => Date.now() - start;

async function openPc(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/** The customer's page, found in the customers list (a long list only renders what is in view). */
async function openCustomer(page: Page, name: string): Promise<void> {
  await page.goto('/#/customers');
  await page.getByLabel('Find in customers').fill(name);
  await page.getByRole('list', { name: 'Customer list' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Changes one field of the open customer's record through the editor; returns when it was saved. */
async function editCustomer(page: Page, label: string, value: string): Promise<number> {
  await page.getByRole('toolbar', { name: 'Customer actions' }).getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel(label, { exact: true }).fill(value);
  const savedAt = Date.now();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('toolbar', { name: 'Customer actions' })).toBeVisible();
  return savedAt;
}

/** Records a payment on one of the open customer's invoices. */
async function recordPayment(page: Page, invoiceNumber: string, amount: string): Promise<void> {
  await page.getByRole('region', { name: 'Invoices' }).getByRole('link', { name: invoiceNumber }).click();
  await page.getByRole('button', { name: 'Record payment' }).click();
  await page.getByLabel(/^Amount/).fill(amount);
  await page.getByRole('button', { name: 'Save payment' }).click();
  await expect(page.getByText('Payment recorded.')).toBeVisible();
}

/** Rates the customer from the open invoice's page. */
async function rateFromInvoice(page: Page, overall: string): Promise<void> {
  await page.getByRole('link', { name: 'Rate this customer' }).click();
  for (const criterion of ['Timely payment', 'Reliability', 'Respect', 'Effort to serve']) {
    await page.getByRole('radiogroup', { name: criterion }).getByRole('radio', { name: '4', exact: true }).check();
  }
  await page.getByRole('radiogroup', { name: 'Overall' }).getByRole('radio', { name: overall, exact: true }).check();
  await page.getByRole('button', { name: 'Save rating' }).click();
  await expect(page.getByRole('toolbar', { name: 'Customer actions' })).toBeVisible();
}

/** "321 shown", "2,104 invoices": how big the book looks on this PC. */
async function bookSize(page: Page): Promise<string[]> {
  await page.goto('/#/customers');
  const customers = await page.getByText(/^[\d,]+ shown$/).textContent();
  await page.goto('/#/invoices');
  const invoices = await page.getByText(/^[\d,]+ invoices?$/).textContent();
  return [customers ?? '', invoices ?? ''];
}

test.beforeEach(async () => {
  await signOutPc(PC_A);
  await signOutPc(PC_B);
});

test('two PCs of one business share its book, live and after a stretch offline', async ({ browser }) => {
  test.setTimeout(120_000);
  const ownerEmail = uniqueEmail('margaret', 'harbourlane-e2e.co.uk');
  const managerEmail = uniqueEmail('tomas', 'harbourlane-e2e.co.uk');

  // --- PC A: the sample hardware shop, then the business signs up and its book goes up.
  const a = await openPc(browser, PC_A);
  await a.goto('/');
  await a.getByRole('button', { name: 'Load sample business' }).click();
  await expect(a.getByRole('combobox', { name: 'Find a customer' })).toBeVisible({ timeout: 30_000 });
  await expect(syncIndicator(a)).toHaveText('Not syncing');

  await a.getByRole('link', { name: 'Account' }).click();
  await a.getByRole('link', { name: 'Sign up your business' }).click();
  const signUp = a.getByRole('form', { name: 'Sign up your business' });
  await signUp.getByLabel('Your name').fill('Margaret Doyle');
  await signUp.getByLabel('E-mail', { exact: true }).fill(ownerEmail);
  await signUp.getByLabel('Password', { exact: true }).fill(PASSWORD);
  // The form starts from the book's own profile.
  await expect(signUp.getByLabel('Legal name')).toHaveValue('Harbour Lane Hardware');
  await expect(signUp.getByLabel('Country')).toHaveValue('GB');
  await signUp.getByLabel('Legal name').fill('Harbour Lane Hardware Ltd');
  await signUp.getByLabel('Trade').fill('Hardware shop');
  await signUp.getByLabel('Region or city').fill('Bristol');
  await signUp.getByLabel('VAT number').fill('GB 980 7806 84');
  await signUp.getByLabel('Web domain').fill('harbourlane-e2e.co.uk');
  await signUp.getByLabel('Name for this device').fill('Shop counter PC');
  await snap(a, 'sync-sign-up-form');
  await signUp.getByRole('button', { name: 'Sign up' }).click();

  await expect(a.getByRole('heading', { level: 1, name: 'Enter the code we e-mailed you' })).toBeVisible();
  const codeMail = await waitForMail(ownerEmail, 'verify_email');
  await a.getByLabel('Code from the e-mail').fill(emailCodeIn(codeMail.text));
  await a.getByRole('button', { name: 'Confirm e-mail' }).click();
  const verifiedAt = Date.now();
  await expect(a.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  await expect(syncIndicator(a)).toHaveText(/^Synced/, { timeout: 60_000 });
  console.log(`PC A sent the sample book to the cloud in ${since(verifiedAt)} ms after the e-mail code`);

  await addCustomer(a, { name: CUSTOMER, phone: '07700 900 111', company: 'Delgado Builders' });
  await a.getByRole('toolbar', { name: 'Customer actions' }).getByRole('button', { name: 'New invoice' }).click();
  await a.getByLabel('Invoice number').fill(INVOICE);
  await a.getByLabel(/^Total/).fill('1,000.00');
  await a.getByRole('button', { name: 'Create invoice' }).click();
  await expect(a.getByRole('toolbar', { name: 'Invoice actions' })).toBeVisible();
  await expect(syncIndicator(a)).toHaveText(/^Synced/, { timeout: 15_000 });
  const sizeOnA = await bookSize(a);

  // --- The owner invites the manager who works at PC B.
  await a.goto('/#/account/team');
  const invite = a.getByRole('form', { name: 'Invite someone' });
  await invite.getByLabel('Their e-mail').fill(managerEmail);
  await invite.getByLabel('Their role').selectOption('manager');
  await invite.getByRole('button', { name: 'Send invite' }).click();
  await expect(invite.getByRole('status')).toContainText(`Invite sent to ${managerEmail}`);
  await expect(a.getByRole('table', { name: 'Invites waiting' })).toContainText(managerEmail);
  await snap(a, 'sync-team-invite');
  const inviteCode = inviteCodeIn((await waitForMail(managerEmail, 'invite')).text);

  // --- PC B joins with the code and downloads the team's book.
  const b = await openPc(browser, PC_B);
  await b.goto('/');
  await b.getByRole('link', { name: 'Join a team with an invite code' }).click();
  const join = b.getByRole('form', { name: 'Join a team with an invite code' });
  await join.getByLabel('Invite code').fill(inviteCode);
  await join.getByLabel('E-mail', { exact: true }).fill(managerEmail);
  await join.getByLabel('Your name').fill('Tomás Okafor');
  await join.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await join.getByLabel('Name for this device').fill('Back office PC');
  const joinedAt = Date.now();
  await join.getByRole('button', { name: 'Join the team' }).click();
  // The first sync fills the empty book, and the app opens on it.
  await b.getByRole('link', { name: 'Counter' }).click({ timeout: 60_000 });
  await b.getByRole('combobox', { name: 'Find a customer' }).fill('delgado');
  await expect(b.getByRole('listbox', { name: 'Matching customers' }).getByRole('option', { name: new RegExp(CUSTOMER) })).toBeVisible();
  const foundMs = since(joinedAt);
  await expect(syncIndicator(b)).toHaveText(/^Synced/, { timeout: 60_000 });
  console.log(`PC B found ${CUSTOMER} at the counter ${foundMs} ms after "Join the team"; its first sync was done after ${since(joinedAt)} ms`);
  expect(await bookSize(b)).toEqual(sizeOnA);
  console.log(`The book on both PCs: ${sizeOnA.join(', ')}`);
  await b.getByLabel('Team member at this PC').selectOption({ label: 'Tomás Okafor (manager)' });

  // --- Live: an edit on B shows on A's open customer page, without a reload.
  await openCustomer(a, CUSTOMER);
  await openCustomer(b, CUSTOMER);
  const editedAt = await editCustomer(b, 'Notes', 'Prefers a call after 4 pm.');
  await expect(a.getByRole('region', { name: 'Contact details' })).toContainText('Prefers a call after 4 pm.', { timeout: 10_000 });
  console.log(`B's edit showed on A's open customer page ${since(editedAt)} ms after B clicked "Save changes"`);

  // --- Offline: B cannot reach the cloud, and both PCs keep working on the same customer:
  // different fields of its record, a payment each on the same invoice, a rating on B.
  const reconnect = await cutOffFromCloud(b.context());
  await editCustomer(b, 'Phone', '07700 900 222');
  await recordPayment(b, INVOICE, '250');
  await rateFromInvoice(b, '3');
  // One change per write: the phone, the payment, the rating.
  await expect(syncIndicator(b)).toHaveText('Offline — 3 changes will sync when back online', { timeout: 15_000 });

  await editCustomer(a, 'Company', 'Delgado & Daughters Ltd');
  await recordPayment(a, INVOICE, '100');
  await expect(syncIndicator(a)).toHaveText(/^Synced/, { timeout: 15_000 });

  // B has not seen A's edits; its own wait on it.
  await openCustomer(b, CUSTOMER);
  await expect(b.getByRole('region', { name: 'Contact details' })).toContainText('Delgado Builders');
  await expect(b.getByRole('region', { name: 'Payments' })).not.toContainText('£100.00');
  await syncIndicator(b).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
  const waiting = b.locator('dt:text-is("Changes waiting on this PC") + dd');
  await expect(waiting).toHaveText('3');
  await snap(b, 'sync-offline-pending');

  // --- Back online: "Sync now" on B, and both PCs converge.
  await reconnect();
  const reconnectedAt = Date.now();
  await b.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncIndicator(b)).toHaveText(/^Synced/, { timeout: 30_000 });
  await expect(waiting).toHaveText('0');

  for (const pc of [a, b]) {
    await openCustomer(pc, CUSTOMER);
    const details = pc.getByRole('region', { name: 'Contact details' });
    await expect(details).toContainText('Delgado & Daughters Ltd', { timeout: 15_000 });
    await expect(details).toContainText('07700 900222');
    await expect(details).toContainText('Prefers a call after 4 pm.');
    const payments = pc.getByRole('region', { name: 'Payments' });
    await expect(payments).toContainText('£100.00');
    await expect(payments).toContainText('£250.00');
    await expect(pc.getByRole('region', { name: 'Ratings' })).toContainText(/Tomás Okafor on .*Overall 3/);
    await expect(syncIndicator(pc)).toHaveText(/^Synced/);
  }
  console.log(`PC A and PC B agreed ${since(reconnectedAt)} ms after B could reach the cloud again`);
  await snap(a, 'sync-converged-pc-a');
  await snap(b, 'sync-converged-pc-b');

  await a.context().close();
  await b.context().close();
});
