import { expect, test } from '@playwright/test';
import { login, uploadBundle } from './support/app';
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
