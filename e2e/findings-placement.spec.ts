import { expect, test } from '@playwright/test';
import { fieldRow, fillDatabaseParts, openSection, openUploaded, login, startNew, validateSection } from './support/app';
import { services } from './support/services';
import { makeTarGz } from './support/tarball';

test('a wrong database password is shown and focused at the password input, not at Host', async ({ page }) => {
  await startNew(page);
  await openSection(page, 'database');
  const db = await fillDatabaseParts(page, 'definitely-not-the-password');

  await validateSection(page);
  const password = db.getByLabel('Password', { exact: true });
  const issue = page.locator('[data-path="DB_URI.password"] .issue[data-stage="auth"]');
  await expect(issue).toBeVisible();
  await expect(issue.locator('.stages__step--fail')).toHaveText('auth');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAttribute('aria-describedby', /.+/);
  await expect(db.getByLabel('Host')).not.toHaveAttribute('aria-invalid', 'true');

  // From the summary, the password input gets the focus (not "Database type").
  await openSection(page, 'redis');
  await page
    .getByTestId('summary')
    .getByRole('button', { name: /password|authentication/i })
    .first()
    .click();
  await expect(page.locator('section[data-section="database"]')).toBeVisible();
  await expect(password).toBeFocused();
});

test('a key outside the schema is listed under "Advanced and other", and its link opens that section', async ({ page }) => {
  const yaml = ['SERVER_HOSTNAME: quay.placement.example', 'PREFERRED_URL_SCHEME: http', 'FEATURE_MAILNG: true', ''].join('\n');
  await login(page);
  await openUploaded(page, makeTarGz([{ name: 'config.yaml', content: yaml }]));
  await openSection(page, 'advanced');
  await validateSection(page);
  const item = page.getByTestId('summary').locator('.summary__item').filter({ hasText: 'FEATURE_MAILNG' }).first();
  await expect(item).toBeVisible();
  await expect(item.locator('.summary__meta')).toContainText('Advanced and other');
  await expect(item.locator('.summary__meta')).not.toContainText('Features');
  await openSection(page, 'database');
  await item.getByRole('button').click();
  await expect(page.locator('section[data-section="advanced"]')).toBeVisible();
});

test('a type error in a group other than Schema is shown once, before and after Validate', async ({ page }) => {
  await startNew(page);
  await openSection(page, 'redis');
  const svc = services();
  await page.getByTestId('redis-same').uncheck();
  await fieldRow(page, 'BUILDLOGS_REDIS.host').getByRole('textbox').fill(svc.redis.host);
  await fieldRow(page, 'USER_EVENTS_REDIS.host').getByRole('textbox').fill(svc.redis.host);
  await fieldRow(page, 'BUILDLOGS_REDIS.port').getByRole('textbox').fill('not-a-port');
  await fieldRow(page, 'USER_EVENTS_REDIS.port').getByRole('textbox').fill('also-not-a-port');
  await expect(page.getByTestId('summary-count')).toContainText('2 errors');
  await validateSection(page);
  await expect(page.getByTestId('run').locator('[data-group="Redis"]')).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('summary-count')).toContainText('2 errors');
  await expect(fieldRow(page, 'BUILDLOGS_REDIS.port').locator('.issue')).toHaveCount(1);
  await expect(fieldRow(page, 'USER_EVENTS_REDIS.port').locator('.issue')).toHaveCount(1);
  await expect(page.getByTestId('summary').locator('.summary__item').filter({ hasText: 'BUILDLOGS_REDIS.port' })).toHaveCount(1);
});
