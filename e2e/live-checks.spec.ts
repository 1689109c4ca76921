import { expect, test } from '@playwright/test';
import { fieldRow, openSection, startNew } from './support/app';

/** A message a person can act on: no regular expression in it. */
function expectNoRegex(text: string): void {
  // A character class ([a-z…]) is a regex; a key path index ([0]) is not.
  expect(text).not.toMatch(/[\^$]|\[[^\]\d]|\(\?|pattern/);
}

test('SERVER_HOSTNAME is checked as you type, in words, with an example, before any validation', async ({ page }) => {
  await startNew(page);
  const row = fieldRow(page, 'SERVER_HOSTNAME');
  await row.getByRole('textbox').fill('https://quay.example.com/');
  await row.getByRole('textbox').blur();
  const issue = row.locator('.issue--error');
  await expect(issue).toBeVisible();
  const text = (await issue.innerText()).replace(/\s+/g, ' ');
  expectNoRegex(text);
  expect(text).toMatch(/e\.g\.|for example/);
  await expect(row.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('run')).toHaveCount(0);
  await row.getByRole('textbox').fill('quay.example.com');
  await expect(issue).toHaveCount(0);
});

test('superuser names are checked as you type, in words, with an example', async ({ page }) => {
  await startNew(page);
  await openSection(page, 'access');
  const row = fieldRow(page, 'SUPER_USERS');
  await row.getByRole('textbox').fill('Admin User!');
  await row.getByRole('textbox').press('Enter');
  const issue = page.locator('.issue--error').filter({ hasText: 'SUPER_USERS' }).first();
  await expect(issue).toBeVisible();
  const text = (await issue.innerText()).replace(/\s+/g, ' ');
  expectNoRegex(text);
  expect(text).toMatch(/e\.g\.|for example/);
  await expect(page.getByTestId('run')).toHaveCount(0);
});

test('pattern checks as you type say what is allowed, never the raw regular expression', async ({ page }) => {
  await startNew(page);
  await openSection(page, 'time-machine');
  const row = fieldRow(page, 'DEFAULT_TAG_EXPIRATION');
  await row.getByRole('textbox').fill('two weeks');
  const issue = row.locator('.issue--error');
  await expect(issue).toBeVisible();
  const text = (await issue.innerText()).replace(/\s+/g, ' ');
  expectNoRegex(text);
  expect(text).toMatch(/e\.g\.|for example/);

  // A list entry refused on entry says the same, in words.
  const options = fieldRow(page, 'TAG_EXPIRATION_OPTIONS');
  await options.getByRole('textbox').fill('fortnight');
  await options.getByRole('textbox').press('Enter');
  const refused = options.getByRole('alert');
  await expect(refused).toContainText('"fortnight" is not allowed here');
  expectNoRegex(await refused.innerText());
  await expect(refused).toContainText('e.g. 2w');
});
