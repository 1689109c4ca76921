import { expect, test } from '@playwright/test';
import { SHOTS, fieldRow, openSection, startNew, validateSection } from './support/app';
import { services } from './support/services';

test('a wrong Redis password is reported at the password field, at the auth stage', async ({ page }) => {
  const svc = services();
  await startNew(page);
  await openSection(page, 'redis');
  await fieldRow(page, 'BUILDLOGS_REDIS.host').getByRole('textbox').fill(svc.redis.host);
  await fieldRow(page, 'BUILDLOGS_REDIS.port').getByRole('textbox').fill(String(svc.redis.port));
  await fieldRow(page, 'BUILDLOGS_REDIS.password').getByLabel('Password').fill('definitely-not-the-password');
  // User events get their own (right) password: they stop following build logs first.
  await page.getByTestId('redis-same').uncheck();
  await fieldRow(page, 'USER_EVENTS_REDIS.host').getByRole('textbox').fill(svc.redis.host);
  await fieldRow(page, 'USER_EVENTS_REDIS.port').getByRole('textbox').fill(String(svc.redis.port));
  await fieldRow(page, 'USER_EVENTS_REDIS.password').getByLabel('Password').fill(svc.redis.password);

  await validateSection(page);
  const password = fieldRow(page, 'BUILDLOGS_REDIS.password');
  const issue = password.locator('.issue[data-stage="auth"]');
  await expect(issue).toBeVisible();
  await expect(issue).toHaveClass(/issue--error/);
  // The stage ladder shows DNS/TCP passed and auth failed.
  await expect(issue.locator('.stages__step--fail')).toHaveText('auth');
  await expect(issue.locator('.stages__step--done')).toHaveCount(3);
  // The input is marked invalid and points at the message.
  await expect(password.locator('input')).toHaveAttribute('aria-invalid', 'true');
  // The other instance, with the right password, passed.
  await expect(fieldRow(page, 'USER_EVENTS_REDIS.password').locator('.issue')).toHaveCount(0);
  // The section is flagged in the navigation.
  await expect(page.getByTestId('nav-redis')).toContainText('1');
  await page.screenshot({ path: `${SHOTS}/editor-findings.png` });

  // The summary links to the field: from another section, a click brings it back and focuses it.
  await openSection(page, 'database');
  const link = page
    .getByTestId('summary')
    .getByRole('button', { name: /BUILDLOGS_REDIS/ })
    .first();
  await link.click();
  await expect(page.locator('section[data-section="redis"]')).toBeVisible();
  await expect(password.locator('input')).toBeFocused();

  // Editing the password makes the stale finding go away.
  await password.getByLabel('Password').fill(svc.redis.password);
  await expect(password.locator('.issue')).toHaveCount(0);
  await validateSection(page);
  await expect(page.getByTestId('run').locator('[data-group="Redis"]')).toHaveAttribute('data-status', /ok|warning/);
});

test('type errors are shown as you type, before any validation', async ({ page }) => {
  await startNew(page);
  await openSection(page, 'redis');
  await fieldRow(page, 'BUILDLOGS_REDIS.port').getByRole('textbox').fill('not-a-port');
  const issue = fieldRow(page, 'BUILDLOGS_REDIS.port').locator('.issue--error');
  await expect(issue).toBeVisible();
  // User events follow build logs ("use the same Redis"), so the same mistake is there too.
  await expect(page.getByTestId('summary-count')).toContainText('2 errors');
  await fieldRow(page, 'BUILDLOGS_REDIS.port').getByRole('textbox').fill('6379');
  await expect(issue).toHaveCount(0);
  await expect(page.getByTestId('summary-count')).toContainText('No problems found');
});
