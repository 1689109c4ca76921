import { expect, test, type Page } from '@playwright/test';
import { bundlePicker, login } from './support/app';
import { password } from './support/services';

// What shows before the page's scripts have run is the server's HTML, with no handler behind any
// control: a click there is swallowed, and a typed value never reaches React's state.

/** Holds every script of the page until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('the password cannot be typed before the login page is live, then logs in', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto('/login?next=%2F', { waitUntil: 'domcontentloaded' });
  const input = page.getByLabel('Password', { exact: true });
  await expect(input).not.toBeEditable();

  release();
  await expect(input).toBeEditable();
  await input.fill(password());
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
});

test("the start screen's actions are disabled until the page is live, then start a configuration", async ({ page }) => {
  await login(page);
  const release = await holdScripts(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  const start = page.getByRole('button', { name: 'Start a new configuration' });
  const choose = bundlePicker(page);
  const logOut = page.getByRole('button', { name: /Log out/ });
  for (const control of [start, choose, logOut]) await expect(control).toBeDisabled();

  release();
  for (const control of [start, choose, logOut]) await expect(control).toBeEnabled();
  await start.click();
  await page.waitForURL('**/editor');
  await expect(page.locator('#section-title')).toBeVisible();
});
