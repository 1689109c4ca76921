import { generateKeyPairSync } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { SHOTS, downloadBundle, fieldRow, openSection, startNew, validateSection } from './support/app';
import { services } from './support/services';
import { readTarGz } from './support/tarball';

/** Uploads `content` through the file field of a bundle file (`database.pem`, `ldap.crt`, `jwt-authn.cert`). */
async function uploadFile(page: Page, file: string, content: string): Promise<void> {
  await fieldRow(page, file)
    .locator(`input[type=file][data-file="${file}"]`)
    .setInputFiles({ name: file, mimeType: 'application/x-pem-file', buffer: Buffer.from(content) });
}

test('database.pem, ldap.crt and jwt-authn.cert uploads land in the bundle; the JWT key is checked as a key', async ({ page }) => {
  const ca = services().caPem;
  const publicKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  await startNew(page);

  // Database CA: inspected like the other certificates.
  await openSection(page, 'database');
  await uploadFile(page, 'database.pem', ca);
  await expect(fieldRow(page, 'database.pem')).toContainText('Test CA');

  // LDAP over ldaps:// with its own CA.
  await openSection(page, 'ldap');
  await page.getByRole('button', { name: 'Use LDAP authentication' }).click();
  await fieldRow(page, 'LDAP_URI').getByRole('textbox').fill('ldaps://ldap.example.com:636');
  await uploadFile(page, 'ldap.crt', ca);
  await expect(fieldRow(page, 'ldap.crt')).toContainText('Test CA');

  // JWT: the public key file appears with JWT authentication; the rules check what it holds.
  await openSection(page, 'jwt');
  await expect(fieldRow(page, 'jwt-authn.cert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Use JWT authentication' }).click();
  const jwtRow = fieldRow(page, 'jwt-authn.cert');
  await expect(jwtRow).toContainText('No file in the bundle.');
  await fieldRow(page, 'JWT_VERIFY_ENDPOINT').getByRole('textbox').fill('https://auth.example.com/verify');
  await fieldRow(page, 'JWT_AUTH_ISSUER').getByRole('textbox').fill('auth.example.com');
  await validateSection(page);
  await expect(jwtRow.locator('.issue--error')).toContainText('not found in the bundle');
  // A certificate is not what Quay loads: said at the file's row. A new file drops the old result.
  await uploadFile(page, 'jwt-authn.cert', ca);
  await expect(jwtRow.locator('.issue--error')).toHaveCount(0);
  await validateSection(page);
  await expect(jwtRow.locator('.issue--error')).toContainText('holds an X.509 certificate');
  await uploadFile(page, 'jwt-authn.cert', publicKey);
  await expect(jwtRow).toContainText('Public key (PEM PUBLIC KEY)');
  await validateSection(page);
  await expect(jwtRow.locator('.issue--error')).toHaveCount(0);
  await jwtRow.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/sec-jwt.png` });

  const files = readTarGz((await downloadBundle(page)).data);
  expect(files.get('jwt-authn.cert')?.content.toString('utf8')).toBe(publicKey);
  expect(files.get('ldap.crt')?.content.toString('utf8')).toBe(ca);
  expect(files.get('database.pem')?.content.toString('utf8')).toBe(ca);
  const config = parse(files.get('config.yaml')?.content.toString('utf8') ?? '') as Record<string, unknown>;
  expect(config).toMatchObject({ AUTHENTICATION_TYPE: 'JWT', JWT_VERIFY_ENDPOINT: 'https://auth.example.com/verify', LDAP_URI: 'ldaps://ldap.example.com:636' });
});
