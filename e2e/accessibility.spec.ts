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
  await expect(page.getByRole('button', { name: 'Start a new configuration' })).toBeEnabled();
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

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r = 0, g = 0, bl = 0] = (c.match(/\d+(\.\d+)?/g) ?? [])
      .map(Number)
      .map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test('placeholder text (which axe does not check) keeps 4.5:1 on editable and read-only inputs', async ({ page }) => {
  await startNew(page);
  const input = fieldRow(page, 'SERVER_HOSTNAME').getByRole('textbox');
  await expect(input).toHaveAttribute('placeholder', /.+/);
  const colours = await input.evaluate((el) => ({
    placeholder: getComputedStyle(el, '::placeholder').color,
    background: getComputedStyle(el).backgroundColor,
    readOnly: getComputedStyle(document.body).getPropertyValue('--surface-2'),
  }));
  expect(contrast(colours.placeholder, colours.background)).toBeGreaterThanOrEqual(4.5);
  const hex = colours.readOnly.trim().replace('#', '');
  const rgb = `rgb(${parseInt(hex.slice(0, 2), 16)}, ${parseInt(hex.slice(2, 4), 16)}, ${parseInt(hex.slice(4, 6), 16)})`;
  expect(contrast(colours.placeholder, rgb)).toBeGreaterThanOrEqual(4.5);
});
