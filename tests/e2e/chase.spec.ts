import { expect, test, type Locator, type Page } from '@playwright/test';
import { snap, startWithSampleBusiness } from './book-helpers';

/** Today's work, once the watch has been fed the book and raised its reminders. */
function workList(page: Page): Locator {
  return page.getByRole('list', { name: /Today.s work/ });
}

/** Work items (not the reasons listed inside them) that carry a given action. */
function itemsWith(page: Page, action: string): Locator {
  return workList(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: action, exact: true }) });
}

test('chase: aging, today’s work, mark sent, record a promise, plan, statement', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await startWithSampleBusiness(page);
  await page.goto('/#/chase');
  await expect(page.getByRole('heading', { level: 1, name: 'Chase' })).toBeVisible();

  // Aging: the chart is a table with the amounts and counts; DSO and the 90+ share beside it.
  const aging = page.getByRole('table', { name: /Open invoices by days past due/ });
  await expect(aging).toBeVisible();
  for (const bucket of ['Not yet due', '1–30 days late', '31–60 days late', '61–90 days late', 'Over 90 days late']) {
    await expect(aging.getByRole('rowheader', { name: bucket })).toBeVisible();
  }
  await expect(aging.getByRole('row', { name: /^Total/ })).toContainText('£');
  const stats = page.getByRole('region', { name: 'Aging' });
  await expect(stats).toContainText(/DSO\s*\d+ days/);
  await expect(stats).toContainText(/Over 90 days late\s*[\d.]+\s*%/);
  await expect(page.getByRole('button', { name: 'Export aging report (CSV)' })).toBeVisible();

  // Today's work: reminders arrive once the watch has the book (the renderer feeds it at start).
  await expect(itemsWith(page, 'Mark sent').first()).toBeVisible({ timeout: 30_000 });

  // Mark one reminder sent: copy its text first, then it leaves the list.
  const reminder = itemsWith(page, 'Mark sent').first();
  const title = (await reminder.getByRole('heading', { level: 3 }).textContent()) ?? '';
  expect(title).not.toBe('');
  await reminder.getByText('Preview the reminder').click();
  await expect(reminder.locator('pre')).toContainText('Hello');
  await reminder.getByRole('button', { name: 'Copy text' }).click();
  await expect(reminder.getByRole('status')).toHaveText('Copied');
  // Page code as strings: this file is type-checked without the DOM library.
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toContain(title.split(' · ')[1] ?? title);
  await reminder.getByRole('button', { name: 'Mark sent' }).click();
  await expect(workList(page).getByRole('heading', { level: 3, name: title, exact: true })).toHaveCount(0);

  // Where the clipboard refuses, the text is shown selected for Ctrl+C instead.
  const next = itemsWith(page, 'Mark sent').first();
  await next.getByText('Preview the reminder').click();
  await next.screenshot({ path: 'test-results/screens/chase-preview.png' });
  await page.evaluate("navigator.clipboard.writeText = () => Promise.reject(new DOMException('Denied', 'NotAllowedError'))");
  await next.getByRole('button', { name: 'Copy text' }).click();
  const copyDialog = page.getByRole('dialog', { name: 'Copy the reminder' });
  const text = copyDialog.getByLabel('Reminder text');
  await expect(text).toBeFocused();
  await expect(text).toHaveValue(/Overdue|due on/);
  expect(await page.evaluate<number>('document.activeElement.selectionEnd - document.activeElement.selectionStart')).toBeGreaterThan(50);
  await snap(page, 'chase-copy');
  await copyDialog.getByRole('button', { name: 'Close' }).click();
  await expect(copyDialog).toBeHidden();

  // Record a promise: a bad amount is refused at the field, keeping what was typed.
  const promiseItem = itemsWith(page, 'Record promise').first();
  const promiseTitle = (await promiseItem.getByRole('heading', { level: 3 }).textContent()) ?? '';
  await promiseItem.getByRole('button', { name: 'Record promise' }).click();
  const dialog = page.getByRole('dialog', { name: /Record a promise to pay/ });
  await expect(dialog).toBeVisible();
  const amount = dialog.getByLabel(/^Amount/);
  await amount.fill('lots');
  await dialog.getByRole('button', { name: 'Save promise' }).click();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toHaveValue('lots');
  await snap(page, 'chase-promise');
  await amount.fill('50');
  await dialog.getByLabel('Note').fill('Will pay by bank transfer on Friday');
  await dialog.getByRole('button', { name: 'Save promise' }).click();
  await expect(dialog).toBeHidden();
  // A live promise holds chasing: the item leaves today's work.
  await expect(workList(page).getByRole('heading', { level: 3, name: promiseTitle, exact: true })).toHaveCount(0);

  // Reminder plan: a mistake is shown at the field with the text kept; a good plan saves.
  const plan = page.getByRole('region', { name: 'Reminder plan' });
  const days = plan.getByLabel('Reminder days');
  await expect(days).toHaveValue('-3, 1, 7, 14, 30');
  await days.fill('-3, 1, 7, 7');
  await plan.getByRole('button', { name: 'Save plan' }).click();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(plan.getByRole('alert')).toContainText('7 appears twice');
  await expect(days).toHaveValue('-3, 1, 7, 7');
  await days.fill('-3, 1, 7, 14, 30');
  await plan.getByLabel('Late fee').selectOption('percent');
  await plan.getByLabel('Fee percentage').fill('2.5');
  await plan.getByRole('button', { name: 'Save plan' }).click();
  await expect(plan.getByRole('status')).toHaveText('Plan saved');

  // Customers by payment grade, filterable.
  const grades = page.getByRole('table', { name: 'Customers by payment grade' });
  await expect(grades.getByRole('row').nth(1)).toBeVisible();
  await page.getByLabel('Show', { exact: true }).selectOption('D');
  await expect(grades.getByRole('cell', { name: 'D', exact: true }).first()).toBeVisible();
  await page.getByLabel('Show', { exact: true }).selectOption('all');
  await page.evaluate('window.scrollTo(0, 0)');
  await snap(page, 'chase');

  // A statement, printable.
  const firstRow = grades.getByRole('row').nth(1);
  const customerName = (await firstRow.getByRole('rowheader').textContent()) ?? '';
  await firstRow.getByRole('link', { name: /^Statement for/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statement of account' })).toBeVisible();
  const sheet = page.getByRole('article', { name: 'Statement of account' });
  await expect(sheet.locator('address')).toContainText(customerName);
  await expect(sheet.getByText('Harbour Lane Hardware')).toBeVisible();
  const statement = page.getByRole('table', { name: /Open invoices on/ });
  await expect(statement.getByRole('row', { name: /Total owed/ })).toContainText('£');
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await snap(page, 'statement');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(statement).toBeVisible();
  await snap(page, 'statement-print');
});
