import { expect, test } from '@playwright/test';
import { SHOTS, fieldRow, openSection } from './support/app';
import { password } from './support/services';

/**
 * A second server started with `--config-dir e2e/fixtures/preloaded --readonly-groups Redis`
 * (see playwright.config.ts): its bundle is offered on the start screen, and Redis is read-only.
 */
test.use({ baseURL: `https://127.0.0.1:${process.env.QC_E2E_PORT_PRELOADED ?? '0'}` });

test("the server's preloaded bundle can be edited; read-only groups cannot", async ({ page }) => {
  await page.goto('/login?next=%2F');
  await page.getByLabel('Password', { exact: true }).fill(password());
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('button', { name: "Edit the server's configuration" }).click();
  await page.waitForURL('**/editor');
  await expect(fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox')).toHaveValue('quay.preloaded.example');
  await expect(page.getByTestId('cert-table').locator('tr[data-file="extra_ca_certs/preloaded-ca.crt"]')).toContainText('Preloaded CA');

  await openSection(page, 'redis');
  const host = fieldRow(page, 'BUILDLOGS_REDIS.host');
  await expect(host.getByRole('textbox')).toHaveValue('redis.preloaded.example');
  await expect(host.getByRole('textbox')).toHaveAttribute('readonly', '');
  await expect(fieldRow(page, 'BUILDLOGS_REDIS')).toContainText('Managed');
  await page.screenshot({ path: `${SHOTS}/readonly-redis.png` });

  // Other groups stay editable.
  await openSection(page, 'database');
  await expect(fieldRow(page, 'DB_URI').getByLabel('Host')).not.toHaveAttribute('readonly', '');
});
