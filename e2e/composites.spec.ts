import { expect, test } from '@playwright/test';
import { fieldRow, openSection, startNew } from './support/app';

test('storage locations: add, switch engine, reorder, replication defaults, remove', async ({ page }) => {
  await startNew(page);
  await openSection(page, 'storage');
  await page.getByRole('button', { name: 'Add storage location' }).click();
  const second = page.getByTestId('storage-location2');
  await expect(second).toBeVisible();
  // A new location starts as S3 with its own fields.
  await expect(second.getByLabel('Storage engine')).toHaveValue('S3Storage');
  await expect(second.getByLabel('Bucket')).toBeVisible();
  // Switch to Swift: the Swift parameters appear, the S3-only ones go.
  await second.getByLabel('Storage engine').selectOption('SwiftStorage');
  await expect(second.getByLabel('Bucket')).toHaveCount(0);
  await expect(second.locator('[data-path$="[1].swift_container"]')).toBeVisible();
  // IDs are checked as you type.
  await second.getByLabel('Location ID').fill('default');
  await second.getByLabel('Location ID').blur();
  await expect(second.getByRole('alert')).toHaveText('Location ID must be unique.');
  await second.getByLabel('Location ID').fill('swift_dc2');
  await second.getByLabel('Location ID').blur();
  const swift = page.getByTestId('storage-swift_dc2');
  await expect(swift).toBeVisible();
  // Preference order.
  await swift.getByRole('button', { name: 'Move swift_dc2 up' }).click();
  await expect(page.locator('section.location').first()).toHaveAttribute('data-testid', 'storage-swift_dc2');
  await expect(page.locator('section.location').first()).toContainText('Preferred');
  // Replication: default locations, and the local-directory warning.
  await page.getByRole('switch', { name: /Storage replication/ }).check();
  await swift.getByRole('checkbox', { name: /Replicate every image/ }).check();
  await expect(page.getByTestId('storage-default')).toContainText('Replication to a locally mounted directory is unsupported');
  await page.getByTestId('storage-default').getByRole('button', { name: 'Remove location default' }).click();
  await expect(page.locator('section.location')).toHaveCount(1);
});

test('OIDC providers: ID rules, callback URLs with the server host name', async ({ page }) => {
  await startNew(page);
  await fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox').fill('quay.oidc.example');
  await openSection(page, 'oidc');
  const id = page.getByLabel('New provider ID');
  for (const [bad, message] of [
    ['GITHUB', 'built in'],
    ['my-sso', 'capital letters and digits'],
  ] as const) {
    await id.fill(bad);
    await page.getByRole('button', { name: 'Add provider' }).click();
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
  }
  await id.fill('KEYCLOAK');
  await page.getByRole('button', { name: 'Add provider' }).click();
  const card = page.getByTestId('oidc-KEYCLOAK');
  await expect(card).toContainText('https://quay.oidc.example/oauth2/keycloak/callback');
  await expect(card).toContainText('https://quay.oidc.example/oauth2/keycloak/callback/attach');
  await expect(card).toContainText('https://quay.oidc.example/oauth2/keycloak/callback/cli');
  await id.fill('KEYCLOAK');
  await page.getByRole('button', { name: 'Add provider' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toBeVisible();
  await card.getByLabel('OIDC server').fill('not a url');
  await expect(fieldRow(page, 'KEYCLOAK_LOGIN_CONFIG.OIDC_SERVER').locator('.issue--error')).toBeVisible();
  await card.getByRole('button', { name: 'Remove provider KEYCLOAK' }).click();
  await expect(card).toHaveCount(0);
});

test('fields appear only when they apply (showIf) and lists are edited as chips', async ({ page }) => {
  await startNew(page);
  await openSection(page, 'ldap');
  await expect(page.getByText('These settings apply when the authentication type is')).toBeVisible();
  await page.getByRole('button', { name: 'Use LDAP authentication' }).click();
  await expect(fieldRow(page, 'LDAP_URI')).toBeVisible();
  await expect(fieldRow(page, 'ldap.crt')).toBeVisible();

  await openSection(page, 'email');
  await expect(fieldRow(page, 'MAIL_SERVER')).toHaveCount(0);
  await fieldRow(page, 'FEATURE_MAILING').getByRole('switch').check();
  await expect(fieldRow(page, 'MAIL_SERVER')).toBeVisible();

  await openSection(page, 'access');
  const users = fieldRow(page, 'SUPER_USERS');
  await users.getByRole('textbox').fill('admin, ops_team');
  await users.getByRole('textbox').press('Enter');
  await expect(users.getByRole('list')).toContainText('admin');
  await expect(users.getByRole('list')).toContainText('ops_team');
  await users.getByRole('button', { name: 'Remove admin' }).click();
  await expect(users.getByRole('list')).not.toContainText('admin');
});
