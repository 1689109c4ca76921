import { expect, test } from '@playwright/test';
import { openSection, startNew, validateSection } from './support/app';

test('after "Validate section" the focus stays on the button and the result is announced', async ({ page }) => {
  await startNew(page);
  await openSection(page, 'redis');
  await validateSection(page);
  await expect(page.getByTestId('validate-section')).toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  await expect(page.getByTestId('summary-count')).toHaveAttribute('aria-live', 'polite');
});

test('the finished run counts the groups that ran, and the skipped ones apart', async ({ page }) => {
  await startNew(page);
  await page.getByTestId('validate-all').click();
  const run = page.getByTestId('run');
  await expect(run).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  // "Validate all" is aria-disabled while it runs, not disabled: the focus stays on it.
  await expect(page.getByTestId('validate-all')).toBeFocused();
  const ran = await run.locator('.run__group').count();
  const skippedText = await run.locator('.run__skipped').innerText();
  const skipped = Number(/(\d+) groups? skipped/.exec(skippedText)?.[1]);
  expect(ran).toBeGreaterThan(0);
  expect(skipped).toBeGreaterThan(0);
  await expect(run.locator('.run__line')).toContainText(`Finished: ${ran} group${ran === 1 ? '' : 's'} checked`);
});
