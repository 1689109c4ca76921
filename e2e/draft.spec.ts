import { expect, test } from '@playwright/test';
import { fieldRow, startNew } from './support/app';
import { password } from './support/services';

test.describe('nothing typed is lost', () => {
  test('a reload restores the draft, with an offer to discard it', async ({ page }) => {
    await startNew(page);
    await fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox').fill('quay.draft.example');
    await page.waitForTimeout(700); // the draft is written 400 ms after the last change
    await page.reload();
    await expect(page.getByTestId('restore-banner')).toBeVisible();
    await expect(fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox')).toHaveValue('quay.draft.example');

    // The start screen offers to continue it too.
    await page.goto('/');
    await expect(page.getByTestId('draft-card')).toContainText('quay.draft.example');
    await page.getByRole('button', { name: 'Discard' }).click();
    await expect(page.getByTestId('draft-card')).toHaveCount(0);
  });

  test('a lost session (server restart) leads to login and back to the same draft', async ({ page, context }) => {
    await startNew(page);
    await fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox').fill('quay.session.example');
    await context.clearCookies(); // what a server restart does to the session
    await page.getByTestId('validate-section').click();
    await expect(page).toHaveURL(/\/login\?next=%2Feditor&expired=1/);
    await expect(page.getByText('Your session has ended')).toBeVisible();
    await page.getByLabel('Password', { exact: true }).fill(password());
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/editor');
    await expect(page.getByTestId('restore-banner')).toBeVisible();
    await expect(fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox')).toHaveValue('quay.session.example');
  });
});
