import { expect, test, type Page } from '@playwright/test';
import { fieldRow, startNew, uploadBundle } from './support/app';
import { password } from './support/services';
import { makeTarGz } from './support/tarball';

/**
 * Issue 10 item 4: the draft in localStorage held every password and key in clear, also after
 * logout. Now it is sealed, deleted on logout, and an upload asks before replacing it.
 */

const storage = (page: Page) => page.evaluate(() => JSON.stringify({ ...window.localStorage }));

test('the draft in localStorage holds no secret in clear, and still comes back after a reload', async ({ page }) => {
  // SECRET_KEY and DATABASE_SECRET_KEY of a new configuration come from the server.
  const generated: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/api/v2/keys/secret')) void r.json().then((b: { value: string }) => generated.push(b.value));
  });
  await startNew(page);
  expect(generated).toHaveLength(2);
  await fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox').fill('quay.sealed.example');
  await page.waitForTimeout(1000); // the draft is written 400 ms after the last change
  const stored = await storage(page);
  expect(stored).toContain('quay.sealed.example');
  for (const secret of generated) expect(stored).not.toContain(secret);
  await page.reload();
  await expect(fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox')).toHaveValue('quay.sealed.example');
});

test('logging out deletes the draft', async ({ page }) => {
  await startNew(page);
  await fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox').fill('quay.logout.example');
  await page.waitForTimeout(1000);
  expect(await storage(page)).toContain('quay.logout.example');
  await page.getByRole('button', { name: /Log out/ }).click();
  await page.waitForURL('**/login');
  expect(await storage(page)).toBe('{}');
});

test('uploading a bundle over a draft asks first', async ({ page }) => {
  await startNew(page);
  await fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox').fill('quay.kept.example');
  await page.waitForTimeout(1000);
  await page.goto('/');
  await expect(page.getByTestId('draft-card')).toContainText('quay.kept.example');
  const bundle = makeTarGz([{ name: 'config.yaml', content: 'SERVER_HOSTNAME: quay.uploaded.example\n' }]);
  await uploadBundle(page, bundle);
  await expect(page.getByTestId('replace-draft')).toBeVisible();
  await page.getByRole('button', { name: 'Keep my draft' }).click();
  await expect(page.getByTestId('replace-draft')).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('draft-card')).toContainText('quay.kept.example');
  await uploadBundle(page, bundle);
  await page.getByRole('button', { name: 'Replace the draft' }).click();
  const notes = page.getByRole('button', { name: 'Open it in the editor' });
  await Promise.race([page.waitForURL('**/editor'), notes.waitFor()]);
  if (await notes.isVisible()) await notes.click();
  await page.waitForURL('**/editor');
  await expect(fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox')).toHaveValue('quay.uploaded.example');
});

test('after login, next= cannot lead off the server', async ({ page, baseURL }) => {
  await page.goto('/login?next=%2F%09%2Fevil.example');
  await page.getByLabel('Password', { exact: true }).fill(password());
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? '').origin);
});
