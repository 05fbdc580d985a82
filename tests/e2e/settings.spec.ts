import { expect, test } from '@playwright/test';
import { startWithSampleBusiness } from './book-helpers';

test('a new team member can be added and chosen as the person at this PC', async ({ page }) => {
  await startWithSampleBusiness(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  const addForm = page.getByRole('form', { name: 'Add a team member' });
  await addForm.getByRole('button', { name: 'Add member' }).click();
  await expect(addForm.getByLabel('New member’s name')).toHaveAttribute('aria-invalid', 'true');

  await addForm.getByLabel('New member’s name').fill('Tomasz Nowak');
  await addForm.getByLabel('Role').selectOption('manager');
  await addForm.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('region', { name: 'Team' })).toContainText('Tomasz Nowak');

  const picker = page.getByLabel('Team member at this PC');
  await picker.selectOption({ label: 'Tomasz Nowak (manager)' });
  await page.reload();
  await expect(page.getByLabel('Team member at this PC')).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByLabel('Team member at this PC').locator('option:checked')).toHaveText('Tomasz Nowak (manager)');
});
