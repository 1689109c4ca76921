import { expect, test } from '@playwright/test';
import { SHOTS, login, startNew } from './support/app';

test.describe('narrow window (400 px)', () => {
  test.use({ viewport: { width: 400, height: 820 } });

  test('start screen and editor fit, navigation is a drawer', async ({ page }) => {
    await login(page);
    await page.screenshot({ path: `${SHOTS}/narrow-start.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await page.goto('/');
    await page.getByRole('button', { name: 'Start a new configuration' }).click();
    await page.waitForURL('**/editor');
    await expect(page.locator('#section-title')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    const nav = page.getByRole('navigation', { name: 'Configuration sections' });
    await expect(nav).toBeHidden();
    await page.getByRole('button', { name: 'Sections' }).click();
    await expect(nav).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/narrow-nav.png` });
    await nav.getByTestId('nav-redis').click();
    await expect(nav).toBeHidden();
    await expect(page.locator('section[data-section="redis"]')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/narrow-editor.png`, fullPage: true });
  });
});

test('keyboard: skip link, section navigation and visible focus', async ({ page }) => {
  await startNew(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the form' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByTestId('nav-database').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#section-title')).toHaveText('Database');
  await expect(page.locator('#section-title')).toBeFocused();
});
