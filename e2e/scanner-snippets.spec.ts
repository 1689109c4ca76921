import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { fieldRow, openSection, startNew } from './support/app';

test('the Clair config and jwtproxy snippets are built from the entered host name and scanner endpoint', async ({ page }) => {
  await startNew(page);
  await fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox').fill('quay.snippets.example:8443');
  await openSection(page, 'security-scanner');
  await fieldRow(page, 'FEATURE_SECURITY_SCANNER').getByRole('switch').check();
  await fieldRow(page, 'SECURITY_SCANNER_V4_ENDPOINT').getByRole('textbox').fill('http://clair.snippets.example:8089');

  await page.getByRole('button', { name: 'Keys & certificates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keys and certificates' });
  await dialog.getByTestId('generate-psk').click();
  await expect(dialog.locator('#psk-value')).not.toHaveValue('');
  await dialog.getByRole('tab', { name: 'Clair config' }).click();
  const clairText = await dialog.getByTestId('clair-yaml').innerText();
  const clair = parse(clairText) as { http_listen_addr: string; notifier?: { webhook: { target: string; callback: string } } };
  expect(clair.http_listen_addr).toBe(':8089');
  expect(clair.notifier?.webhook.target).toBe('https://quay.snippets.example:8443/secscan/notification');
  expect(clair.notifier?.webhook.callback).toBe('http://clair.snippets.example:8089/notifier/api/v1/notifications');

  await dialog.getByRole('tab', { name: 'Scanner service key' }).click();
  await dialog.getByTestId('create-service-key').click();
  const jwt = parse(await dialog.getByTestId('jwtproxy-yaml').innerText()) as {
    jwtproxy: { verifier_proxies: { listen_addr: string; verifier: { audience: string; key_server: { options: { registry: string } } } }[] };
  };
  const verifier = jwt.jwtproxy.verifier_proxies[0];
  expect(verifier?.verifier.key_server.options.registry).toBe('https://quay.snippets.example:8443/keys/');
  expect(verifier?.verifier.audience).toBe('http://clair.snippets.example:8089');
  expect(verifier?.listen_addr).toBe(':8089');
});

test('a Clair v2 service key is made for SECURITY_SCANNER_ISSUER_NAME, the only issuer Quay accepts from the scanner', async ({ page }) => {
  // Clair v2 and the issuer name are Quay 3.8's and older.
  await startNew(page, '3.8');
  await openSection(page, 'security-scanner');
  await fieldRow(page, 'FEATURE_SECURITY_SCANNER').getByRole('switch').check();
  await page.locator('section[data-section="security-scanner"] .advanced__toggle').click();
  await fieldRow(page, 'SECURITY_SCANNER_ISSUER_NAME').getByRole('textbox').fill('clair_snippets');

  await page.getByRole('button', { name: 'Keys & certificates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keys and certificates' });
  await dialog.getByRole('tab', { name: 'Scanner service key' }).click();
  await expect(dialog.locator('#sk-name')).toHaveValue('clair_snippets Service Key');
  await dialog.getByTestId('create-service-key').click();
  const jwt = parse(await dialog.getByTestId('jwtproxy-yaml').innerText()) as {
    jwtproxy: { signer_proxy: { signer: { issuer: string; private_key: { options: { private_key_path: string } } } } };
  };
  expect(jwt.jwtproxy.signer_proxy.signer.issuer).toBe('clair_snippets');
  expect(jwt.jwtproxy.signer_proxy.signer.private_key.options.private_key_path).toBe('/clair/config/clair_snippets.pem');
  await expect(dialog.getByTestId('download-service-key')).toHaveText('Download clair_snippets.pem');
});
