import { expect, test } from '@playwright/test';
import { SHOTS, downloadBundle, fieldRow, login, openSection, uploadBundle } from './support/app';
import { services } from './support/services';
import { makeTarGz, readTarGz } from './support/tarball';

const SECRET = 'e2e-secret-key-0123456789abcdef0123456789abcdef';
const DB_SECRET = 'e2e-db-secret-key-0123456789abcdef0123456789abcdef';

function bundle(): Buffer {
  const svc = services();
  const yaml = [
    '# Quay configuration used by the upload e2e test',
    'SERVER_HOSTNAME: quay.upload.example  # the public name',
    'PREFERRED_URL_SCHEME: http',
    'REGISTRY_TITLE: Old title',
    '# a key the schema does not know: it must survive',
    'MY_SITE_SPECIFIC_KEY: keep-me',
    `SECRET_KEY: ${SECRET}`,
    `DATABASE_SECRET_KEY: ${DB_SECRET}`,
    `DB_URI: postgresql://${svc.postgres.user}:${svc.postgres.password}@${svc.postgres.host}:${svc.postgres.port}/${svc.postgres.database}`,
    'AUTHENTICATION_TYPE: Database',
    `BUILDLOGS_REDIS: {host: ${svc.redis.host}, port: ${svc.redis.port}, password: ${svc.redis.password}}`,
    `USER_EVENTS_REDIS: {host: ${svc.redis.host}, port: ${svc.redis.port}, password: ${svc.redis.password}}`,
    'DISTRIBUTED_STORAGE_CONFIG:',
    '  default:',
    '    - LocalStorage',
    '    - storage_path: /datastorage/registry',
    'DISTRIBUTED_STORAGE_PREFERENCE: [default]',
    'DEFAULT_TAG_EXPIRATION: 2w',
    'TAG_EXPIRATION_OPTIONS: [0s, 1d, 1w, 2w, 4w]',
    '',
  ].join('\n');
  return makeTarGz([
    { name: 'config.yaml', content: yaml },
    { name: 'extra_ca_certs/', type: '5' },
    { name: 'extra_ca_certs/site-ca.crt', content: svc.caPem },
  ]);
}

test('an uploaded bundle keeps unknown keys, comments and certificates through an edit', async ({ page }) => {
  await login(page);
  await uploadBundle(page, bundle());
  // Remarks from reading the bundle (if any) are shown first, then the editor opens.
  const notes = page.getByRole('button', { name: 'Open it in the editor' });
  await Promise.race([page.waitForURL('**/editor'), notes.waitFor()]);
  if (await notes.isVisible()) await notes.click();
  await page.waitForURL('**/editor');
  await expect(page.getByText('quay-config.tar.gz', { exact: true })).toBeVisible();

  // Secret keys of an uploaded bundle are pinned.
  await expect(fieldRow(page, 'SECRET_KEY').locator('input')).toHaveAttribute('readonly', '');
  await expect(fieldRow(page, 'SECRET_KEY').getByRole('button', { name: 'Change…' })).toBeVisible();
  // The CA certificate is listed.
  await expect(page.getByTestId('cert-table').locator('tr[data-file="extra_ca_certs/site-ca.crt"]')).toContainText('Test CA');

  // The unknown key is shown (and kept) under "Keys outside the schema".
  await openSection(page, 'advanced');
  await expect(page.getByRole('textbox', { name: 'MY_SITE_SPECIFIC_KEY' })).toHaveValue('keep-me');

  // One change.
  await openSection(page, 'user-visible');
  await fieldRow(page, 'REGISTRY_TITLE').getByRole('textbox').fill('New title');

  // The download dialog lists exactly that change.
  await page.getByTestId('open-download').click();
  const diff = page.getByTestId('diff');
  await expect(diff.locator('tr')).toHaveCount(2);
  await expect(diff).toContainText('REGISTRY_TITLE');
  await expect(diff).toContainText('New title');
  await page.screenshot({ path: `${SHOTS}/download-dialog.png` });
  await page.getByRole('button', { name: 'Cancel' }).click();

  const { data } = await downloadBundle(page);
  const files = readTarGz(data);
  const text = files.get('config.yaml')?.content.toString('utf8') ?? '';
  expect(text).toContain('# Quay configuration used by the upload e2e test');
  expect(text).toContain('SERVER_HOSTNAME: quay.upload.example  # the public name');
  expect(text).toContain('# a key the schema does not know: it must survive');
  expect(text).toContain('MY_SITE_SPECIFIC_KEY: keep-me');
  expect(text).toMatch(/REGISTRY_TITLE: "?New title"?/);
  expect(text).not.toContain('Old title');
  expect(text).toContain(`SECRET_KEY: ${SECRET}`);
  expect(files.get('extra_ca_certs/site-ca.crt')?.content.toString()).toBe(services().caPem);
});

test('secret keys of an uploaded bundle change only after an explicit confirmation', async ({ page }) => {
  await login(page);
  await uploadBundle(page, bundle());
  const notes = page.getByRole('button', { name: 'Open it in the editor' });
  await Promise.race([page.waitForURL('**/editor'), notes.waitFor()]);
  if (await notes.isVisible()) await notes.click();
  await page.waitForURL('**/editor');

  const row = fieldRow(page, 'SECRET_KEY');
  await row.getByRole('button', { name: 'Change…' }).click();
  await expect(row.getByRole('alert')).toContainText('unreadable');
  await row.getByRole('button', { name: 'I understand, unlock it' }).click();
  await row.getByRole('button', { name: 'Generate' }).click();
  await expect(row.locator('input')).not.toHaveValue(SECRET);

  await page.getByTestId('open-download').click();
  const download = page.getByTestId('download-bundle');
  await expect(page.getByRole('dialog').getByText('SECRET_KEY changed')).toBeVisible();
  await expect(download).toBeDisabled();
  // The diff never shows the secret values.
  await expect(page.getByTestId('diff')).toContainText('secret value changed (not shown)');
  await expect(page.getByTestId('diff')).not.toContainText(SECRET);
  await page.getByTestId('confirm-secret-change').check();
  await expect(download).toBeEnabled();
  await page.getByTestId('confirm-secret-change').uncheck();
  await page.getByRole('button', { name: 'Restore the uploaded keys' }).click();
  await expect(page.getByRole('dialog').getByText('SECRET_KEY changed')).toHaveCount(0);
  await expect(download).toBeEnabled();
});
