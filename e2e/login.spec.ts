import { expect, test } from '@playwright/test';
import { password } from './support/services';

test.describe('login', () => {
  test('a page without a session redirects to the login form', async ({ page }) => {
    await page.goto('/editor');
    await expect(page).toHaveURL(/\/login\?next=%2Feditor/);
    await expect(page.getByRole('heading', { name: 'Quay config' })).toBeVisible();
    // The user name is fixed, as in Quay's config mode.
    await expect(page.getByLabel('User name')).toHaveValue('quayconfig');
  });

  test('a wrong password is refused with a message, the right one goes to `next`', async ({ page }) => {
    await page.goto('/login?next=%2F');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong password' })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Password', { exact: true }).fill(password());
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect(page.getByRole('heading', { name: 'Configure your Quay registry' })).toBeVisible();
  });

  test('`next` cannot send the browser to another site', async ({ page }) => {
    await page.goto('/login?next=%2F%2Fevil.example%2F');
    await page.getByLabel('Password', { exact: true }).fill(password());
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(new URL(page.url()).host).toMatch(/^127\.0\.0\.1:/);
  });
});
