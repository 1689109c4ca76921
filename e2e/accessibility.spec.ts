import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fieldRow, login, openSection, startNew } from './support/app';

/**
 * axe-core on the main screens (WCAG 2.x A/AA rules and axe's best practices). Serious and
 * critical violations fail the test; the message lists each rule with the elements it found.
 */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n')}`).join('\n');
  expect(serious, `axe found serious/critical violations on ${where}:\n${report}`).toEqual([]);
}

test('login page and start screen', async ({ page }) => {
  await page.goto('/login');
  await expectNoSeriousViolations(page, 'the login page');
  await login(page);
  await expect(page.getByRole('button', { name: 'Start a new configuration' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the start screen');
});

test('editor sections, with findings shown', async ({ page }) => {
  await startNew(page);
  await expectNoSeriousViolations(page, 'the Server and TLS section');
  await openSection(page, 'database');
  await expectNoSeriousViolations(page, 'the Database section');
  await openSection(page, 'redis');
  await fieldRow(page, 'BUILDLOGS_REDIS.port').getByRole('textbox').fill('not-a-port');
  await expect(fieldRow(page, 'BUILDLOGS_REDIS.port').locator('.issue--error')).toBeVisible();
  await expectNoSeriousViolations(page, 'the Redis section with a finding');
  await page.getByTestId('validate-section').click();
  await expect(page.getByTestId('run')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expectNoSeriousViolations(page, 'the Redis section after Validate');
  await openSection(page, 'storage');
  await expectNoSeriousViolations(page, 'the Registry storage section');
  await openSection(page, 'advanced');
  await expectNoSeriousViolations(page, 'the Advanced and other section');
});

test('download dialog', async ({ page }) => {
  await startNew(page);
  await page.getByTestId('open-download').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'the download dialog');
});

test('keys and certificates dialog', async ({ page }) => {
  await startNew(page);
  await page.getByRole('button', { name: 'Keys & certificates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keys and certificates' });
  await dialog.getByTestId('generate-psk').click();
  await expect(dialog.locator('#psk-value')).not.toHaveValue('');
  await expectNoSeriousViolations(page, 'the Clair PSK tab');
  await dialog.getByRole('tab', { name: 'Clair config' }).click();
  await expect(dialog.getByTestId('clair-yaml')).toBeVisible();
  await expectNoSeriousViolations(page, 'the Clair config tab');
});
