import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { SHOTS, downloadBundle, downloadBytes, fieldRow, startNew } from './support/app';
import { services } from './support/services';
import { readTarGz } from './support/tarball';

interface SecretManifest {
  apiVersion: string;
  kind: string;
  type: string;
  metadata: { name: string; namespace?: string };
  data: Record<string, string>;
}

test("the download dialog makes a Kubernetes Secret for the operator, with the server's refusal shown as is", async ({ page }) => {
  const ca = services().caPem;
  await startNew(page);
  await fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox').fill('quay.k8s.example');
  await page.getByTestId('add-ca-input').setInputFiles({ name: 'site-ca.crt', mimeType: 'application/x-x509-ca-cert', buffer: Buffer.from(ca) });
  await expect(page.getByTestId('cert-table').locator('tr[data-file="extra_ca_certs/site-ca.crt"]')).toContainText('Test CA');
  // This server has no operator endpoint: no "Reconfigure Quay".
  await expect(page.getByTestId('open-reconfigure')).toHaveCount(0);

  // The tarball first, to compare its config.yaml with the Secret's.
  const tarball = readTarGz((await downloadBundle(page)).data);
  const configYaml = tarball.get('config.yaml')?.content;
  expect(configYaml).toBeDefined();

  await page.getByTestId('open-download').click();
  const dialog = page.getByRole('dialog', { name: 'Download configuration' });
  await dialog.getByRole('radio', { name: /Kubernetes Secret/ }).check();
  const name = dialog.getByLabel('Secret name');
  await expect(name).toHaveValue('quay-config-bundle');
  await expect(page.getByTestId('download-bundle')).toHaveText(/quay-config-bundle\.yaml/);

  // Names are checked as Kubernetes checks them, before anything is sent.
  await name.fill('Quay_Bundle');
  await expect(dialog.getByRole('alert').filter({ hasText: 'lower case alphanumeric' })).toBeVisible();
  await expect(page.getByTestId('download-bundle')).toBeDisabled();
  await name.fill('my-quay-bundle');
  await dialog.getByLabel('Namespace').fill('quay-ns');
  await expect(page.getByTestId('download-bundle')).toBeEnabled();
  await dialog.screenshot({ path: `${SHOTS}/download-secret.png` });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-bundle').click()]);
  expect(download.suggestedFilename()).toBe('my-quay-bundle.yaml');
  const manifest = parse((await downloadBytes(download)).toString('utf8')) as SecretManifest;
  expect(manifest).toMatchObject({ apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 'my-quay-bundle', namespace: 'quay-ns' } });
  const decoded = (key: string) => Buffer.from(manifest.data[key] ?? '', 'base64');
  expect(decoded('config.yaml').equals(configYaml ?? Buffer.alloc(0))).toBe(true);
  expect((parse(decoded('config.yaml').toString('utf8')) as Record<string, unknown>).SERVER_HOSTNAME).toBe('quay.k8s.example');
  // A Secret is flat: extra_ca_certs/site-ca.crt becomes extra_ca_cert_site-ca.crt.
  expect(decoded('extra_ca_cert_site-ca.crt').toString('utf8')).toBe(ca);
  expect(Object.keys(manifest.data).some((k) => k.includes('/'))).toBe(false);

  // A bundle a Secret cannot hold (over 1 MiB): the server's 422 message is shown in the dialog.
  await page.getByTestId('add-ca-input').setInputFiles({ name: 'huge.crt', mimeType: 'application/x-x509-ca-cert', buffer: Buffer.alloc(1100 * 1024, 'A') });
  await expect(page.getByTestId('cert-table').locator('tr[data-file="extra_ca_certs/huge.crt"]')).toBeVisible();
  await page.getByTestId('open-download').click();
  await dialog.getByRole('radio', { name: /Kubernetes Secret/ }).check();
  await page.getByTestId('download-bundle').click();
  await expect(dialog.getByTestId('download-error')).toContainText('a Kubernetes Secret holds at most 1048576 bytes');
  await expect(dialog).toBeVisible();
});
