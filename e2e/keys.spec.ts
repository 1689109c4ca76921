import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SHOTS, fieldRow, openSection, startNew } from './support/app';

test.describe('keys and certificates', () => {
  test('PSK, scanner service key and self-signed certificate', async ({ page }) => {
    await startNew(page);
    await page.getByRole('button', { name: 'Keys & certificates' }).click();
    const dialog = page.getByRole('dialog', { name: 'Keys and certificates' });
    await expect(dialog).toBeVisible();

    // Clair PSK: generated server-side, fills SECURITY_SCANNER_V4_PSK (≥ 32 random bytes, base64).
    await dialog.getByTestId('generate-psk').click();
    await expect(dialog.locator('#psk-value')).toHaveValue(/^[A-Za-z0-9+/]{43}=$|^[A-Za-z0-9+/]{44,}={0,2}$/);
    const psk = await dialog.locator('#psk-value').inputValue();

    // The matching Clair config uses the same key.
    await dialog.getByRole('tab', { name: 'Clair config' }).click();
    await expect(dialog.getByTestId('clair-yaml')).toContainText('psk');

    // Service key: key id shown, private key offered once as security_scanner.pem.
    await dialog.getByRole('tab', { name: 'Scanner service key' }).click();
    await dialog.getByTestId('create-service-key').click();
    await expect(dialog.getByTestId('service-key-id')).toHaveText(/^[0-9a-f]{64}$/);
    await expect(dialog.getByText('It is shown only once')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/key-dialog.png` });
    const [pem] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('download-service-key').click()]);
    expect(pem.suggestedFilename()).toBe('security_scanner.pem');
    expect(readFileSync(await pem.path(), 'utf8')).toContain('-----BEGIN RSA PRIVATE KEY-----');

    // Self-signed CA + server certificate: ssl.cert/ssl.key in the bundle, CA in extra_ca_certs/ and as ca.crt.
    await dialog.getByRole('tab', { name: 'TLS certificate' }).click();
    await dialog.getByLabel('Host name (SAN)').fill('quay.e2e.example');
    await dialog.getByTestId('generate-cert').click();
    const [ca] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('download-ca').click()]);
    expect(ca.suggestedFilename()).toBe('ca.crt');
    expect(readFileSync(await ca.path(), 'utf8')).toContain('-----BEGIN CERTIFICATE-----');
    await dialog.getByRole('tab', { name: 'Certificates' }).click();
    const table = dialog.getByTestId('cert-table');
    await expect(table.locator('tr[data-file="ssl.cert"]')).toContainText('quay.e2e.example');
    await expect(table.locator('tr[data-file="ssl.cert"]')).toContainText('Key matches');
    await expect(table.locator('tr[data-file="extra_ca_certs/quay-config-ca.crt"]')).toContainText('CA');
    await page.getByRole('button', { name: 'Close' }).first().click();

    // The PSK is now the value of the scanner's field.
    await openSection(page, 'security-scanner');
    await expect(fieldRow(page, 'SECURITY_SCANNER_V4_PSK').locator('input')).toHaveValue(psk);
  });
});
