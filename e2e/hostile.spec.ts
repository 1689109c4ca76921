import { expect, test } from '@playwright/test';
import { bundlePicker, login, uploadBundle } from './support/app';
import { makeTarGz } from './support/tarball';

test.describe('hostile uploads', () => {
  test('an entry escaping the bundle is rejected with a message naming it', async ({ page }) => {
    await login(page);
    const archive = makeTarGz([
      { name: 'config.yaml', content: 'SERVER_HOSTNAME: quay.example.com\n' },
      { name: '../../etc/passwd', content: 'root:x:0:0:root:/root:/bin/bash\n' },
    ]);
    await uploadBundle(page, archive, 'evil.tar.gz');
    const error = page.getByTestId('upload-error');
    await expect(error).toContainText('../../etc/passwd');
    // Nothing was opened: still on the start screen, no draft created from it.
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('draft-card')).toHaveCount(0);
  });

  test('a file that is not an archive is rejected clearly', async ({ page }) => {
    await login(page);
    await uploadBundle(page, Buffer.from('this is not gzip at all'), 'notes.tar.gz');
    await expect(page.getByTestId('upload-error')).not.toBeEmpty();
    await expect(page).toHaveURL(/\/$/);
  });
});

test('a bundle dropped on the start screen is read like a picked one', async ({ page }) => {
  await login(page);
  const archive = makeTarGz([
    { name: 'config.yaml', content: 'SERVER_HOSTNAME: quay.dropped.example\n' },
    { name: '/etc/shadow', content: 'x' },
  ]);
  // Build a DataTransfer in the page holding the file, then drop it on the zone.
  const transfer = await page.evaluateHandle((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'dropped.tar.gz', { type: 'application/gzip' }));
    return dt;
  }, archive.toString('base64'));
  // Dropped before hydration, the file would reach no handler.
  await expect(bundlePicker(page)).toBeEnabled();
  await page.getByTestId('drop-zone').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('upload-error')).toContainText('/etc/shadow');
});
