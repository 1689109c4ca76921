import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { SHOTS, downloadBundle, fieldRow, fillDatabaseParts, openSection, startNew } from './support/app';
import { services } from './support/services';
import { readTarGz } from './support/tarball';

test('a new configuration filled against real services validates and downloads', async ({ page }) => {
  const svc = services();
  await startNew(page);

  // Server and TLS: host name, then a self-signed certificate from the section's helper.
  await fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox').fill('quay.e2e.example');
  await page.getByRole('button', { name: 'Generate a self-signed certificate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keys and certificates' });
  await expect(dialog.getByLabel('Host name (SAN)')).toHaveValue('quay.e2e.example');
  await dialog.getByTestId('generate-cert').click();
  await expect(dialog.getByTestId('download-ca')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(fieldRow(page, 'ssl.cert')).toContainText('quay.e2e.example');

  // Database: DB_URI built from its parts.
  await openSection(page, 'database');
  const db = await fillDatabaseParts(page, svc.postgres.password);
  await expect(db).toContainText(`postgresql://${svc.postgres.user}:••••••@${svc.postgres.host}:${svc.postgres.port}/${svc.postgres.database}`);

  // Redis: build logs filled in; user events follow ("use the same Redis" is on for a new config).
  await openSection(page, 'redis');
  await expect(page.getByTestId('redis-same')).toBeChecked();
  await fieldRow(page, 'BUILDLOGS_REDIS.host').getByRole('textbox').fill(svc.redis.host);
  await fieldRow(page, 'BUILDLOGS_REDIS.port').getByRole('textbox').fill(String(svc.redis.port));
  await fieldRow(page, 'BUILDLOGS_REDIS.password').getByLabel('Password').fill(svc.redis.password);
  await expect(fieldRow(page, 'USER_EVENTS_REDIS.host').getByRole('textbox')).toHaveValue(svc.redis.host);
  await expect(fieldRow(page, 'USER_EVENTS_REDIS.port').getByRole('textbox')).toHaveValue(String(svc.redis.port));

  // Validate everything against the live services: no error (warnings such as "loopback host" are fine).
  await page.getByTestId('validate-all').click();
  const run = page.getByTestId('run');
  await expect(run).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(run.locator('[data-group="Database"]')).toHaveAttribute('data-status', /ok|warning/);
  await expect(run.locator('[data-group="Redis"]')).toHaveAttribute('data-status', /ok|warning/);
  await expect(page.getByTestId('summary-count')).toContainText(/^(No problems found\.|0 errors)/);
  await expect(page.getByTestId('validation-panel').getByText('Valid', { exact: true })).toBeVisible();

  const { data, fileName } = await downloadBundle(page);
  expect(fileName).toBe('quay-config.tar.gz');
  const files = readTarGz(data);
  const config = parse(files.get('config.yaml')?.content.toString('utf8') ?? '') as Record<string, unknown>;
  expect(config.SERVER_HOSTNAME).toBe('quay.e2e.example');
  expect(config.PREFERRED_URL_SCHEME).toBe('https');
  expect(config.DB_URI).toBe(`postgresql://${svc.postgres.user}:${svc.postgres.password}@${svc.postgres.host}:${svc.postgres.port}/${svc.postgres.database}`);
  expect(config.BUILDLOGS_REDIS).toEqual({ host: svc.redis.host, port: svc.redis.port, password: svc.redis.password });
  expect(config.USER_EVENTS_REDIS).toEqual({ host: svc.redis.host, port: svc.redis.port, password: svc.redis.password });
  expect(config.DISTRIBUTED_STORAGE_PREFERENCE).toEqual(['default']);
  expect(typeof config.SECRET_KEY).toBe('string');
  expect(String(config.SECRET_KEY).length).toBeGreaterThanOrEqual(32);
  expect(files.get('ssl.cert')?.content.toString()).toContain('BEGIN CERTIFICATE');
  expect(files.get('ssl.key')?.mode).toBe(0o600);
  expect(files.has('extra_ca_certs/quay-config-ca.crt')).toBe(true);
  await openSection(page, 'server-tls');
  await page.screenshot({ path: `${SHOTS}/editor-valid.png`, fullPage: false });
});
