import { expect, test, type Page } from '@playwright/test';
import { SHOTS, login, openUploaded } from './support/app';
import { serviceConfigLines } from './support/services';
import { makeTarGz } from './support/tarball';

/**
 * Verdicts for the Quay release the administrator runs (issue 9): picked on the start screen or in
 * the editor's header, remembered in the draft, sent as `quayVersion`. FEATURE_AUTO_PRUNE appeared
 * in Quay 3.10, so 3.9 ignores it (a warning) and 3.19 reads it (nothing to say).
 */
function bundle(extra: string[] = []): Buffer {
  const yaml = [
    'SERVER_HOSTNAME: quay.release.example',
    'PREFERRED_URL_SCHEME: http',
    ...serviceConfigLines(),
    'SECRET_KEY: e2e-release-secret-key-0123456789abcdef0123456789',
    'DATABASE_SECRET_KEY: e2e-release-db-secret-key-0123456789abcdef012345',
    'DISTRIBUTED_STORAGE_CONFIG: {default: [LocalStorage, {storage_path: /datastorage/registry}]}',
    'DISTRIBUTED_STORAGE_PREFERENCE: [default]',
    'FEATURE_AUTO_PRUNE: true',
    ...extra,
    '',
  ].join('\n');
  return makeTarGz([{ name: 'config.yaml', content: yaml }]);
}

/** Clicks "Validate all" and returns the query string of the validation request. */
async function validateAll(page: Page): Promise<URLSearchParams> {
  const [request] = await Promise.all([page.waitForRequest('**/api/v2/validate/stream?**'), page.getByTestId('validate-all').click()]);
  await expect(page.getByTestId('run')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  return new URL(request.url()).searchParams;
}

const autoPrune = (page: Page) => page.getByTestId('summary').getByRole('listitem').filter({ hasText: 'FEATURE_AUTO_PRUNE' });

test('the release picked on the start screen is judged for, can be changed in the header, and survives a reload', async ({ page }) => {
  await login(page);
  const start = page.getByTestId('quay-release');
  await expect(start).toHaveValue('3.19');
  await expect(start.locator('option').first()).toHaveText('head (unreleased)');
  await start.selectOption('3.9');
  await openUploaded(page, bundle());

  const header = page.getByTestId('quay-release');
  await expect(header).toHaveValue('3.9');
  expect((await validateAll(page)).get('quayVersion')).toBe('3.9');
  await expect(autoPrune(page)).toContainText('added in Quay 3.10');
  await page.screenshot({ path: `${SHOTS}/release-3.9.png` });

  // Another release: the old verdicts go (they were 3.9's), the next run asks for 3.19.
  await header.selectOption('3.19');
  await expect(autoPrune(page)).toHaveCount(0);
  expect((await validateAll(page)).get('quayVersion')).toBe('3.19');
  await expect(page.getByTestId('run').locator('[data-group="Schema"]')).toHaveAttribute('data-status', /ok|warning/);
  await expect(autoPrune(page)).toHaveCount(0);

  // Remembered in the draft: a reload, and the start screen's draft card, still say 3.19.
  await page.reload();
  await expect(page.getByTestId('quay-release')).toHaveValue('3.19');
  await page.goto('/');
  await expect(page.getByTestId('draft-card')).toContainText('Quay 3.19');
});

test.describe('serving an operator', () => {
  // The third server of playwright.config.ts: --operator-endpoint, --readonly-groups Database,Redis,HostSettings.
  test.use({ baseURL: `https://127.0.0.1:${process.env.QC_E2E_PORT_OPERATOR ?? '0'}` });

  test('validation judges what "Reconfigure Quay" sends, with the read-only groups\' components managed', async ({ page }) => {
    // The editor's request for the server's settings (operator endpoint, read-only groups) is held
    // until "Validate all" was clicked: the validation must wait for them, not judge without them.
    let release = () => {};
    const clicked = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    await page.route('**/api/v2/config', async (route) => {
      if (new URL(route.request().frame().url()).pathname === '/editor') {
        held++;
        await clicked;
      }
      await route.continue();
    });
    await login(page);
    await openUploaded(page, bundle());
    const validateRequest = page.waitForRequest('**/api/v2/validate/stream?**');
    await page.getByTestId('validate-all').click();
    await expect(page.getByTestId('open-reconfigure')).toHaveCount(0);
    expect(held).toBe(1);
    release();
    const request = await validateRequest;
    await expect(page.getByTestId('open-reconfigure')).toBeVisible();
    await expect(page.getByTestId('run')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const managed = new URL(request.url()).searchParams.get('managed')?.split(',') ?? [];
    expect(managed).toEqual(expect.arrayContaining(['postgres', 'redis', 'route']));
    expect(managed).not.toContain('objectstorage');
    // The managed groups' keys are left out, as the operator will receive the bundle; HostSettings stays.
    const sent = (request.postDataJSON() as { 'config.yaml': Record<string, unknown> })['config.yaml'];
    expect(sent).not.toHaveProperty('DB_URI');
    expect(sent).not.toHaveProperty('BUILDLOGS_REDIS');
    expect(sent).toHaveProperty('SERVER_HOSTNAME', 'quay.release.example');

    const run = page.getByTestId('run');
    await expect(run.locator('[data-group="Database"]')).toHaveAttribute('data-status', 'skipped');
    await expect(run.locator('[data-group="Database"]')).toContainText('managed postgres');
    await expect(run.locator('[data-group="DistributedStorage"]')).not.toHaveAttribute('data-status', 'skipped');
    // No "the operator refuses a bundle that configures postgres": those keys are not sent.
    await expect(page.getByTestId('summary')).not.toContainText('component marked as managed');
  });
});
