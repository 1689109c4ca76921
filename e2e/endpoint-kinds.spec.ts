import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { SHOTS, downloadBundle, fieldRow, openSection, startNew } from './support/app';
import { readTarGz } from './support/tarball';

test('GitHub.com / GitHub Enterprise and gitlab.com / self-managed selects write the right endpoints', async ({ page }) => {
  await startNew(page);

  // GitHub login on GitHub.com: both endpoints written, and hidden.
  await openSection(page, 'external-login');
  await fieldRow(page, 'FEATURE_GITHUB_LOGIN').getByRole('switch').check();
  const login = fieldRow(page, 'GITHUB_LOGIN_CONFIG');
  await login.getByRole('button', { name: 'Configure' }).click();
  const loginKind = login.getByLabel('GitHub', { exact: true });
  await expect(loginKind).toHaveValue('hosted');
  await expect(login.getByRole('option', { selected: true })).toHaveText('GitHub.com');
  await expect(login).toContainText('Uses https://github.com/ and https://api.github.com/.');
  await expect(fieldRow(page, 'GITHUB_LOGIN_CONFIG.GITHUB_ENDPOINT')).toHaveCount(0);
  await expect(fieldRow(page, 'GITHUB_LOGIN_CONFIG.API_ENDPOINT')).toHaveCount(0);
  await fieldRow(page, 'GITHUB_LOGIN_CONFIG.CLIENT_ID').getByRole('textbox').fill('login-client');
  // Enterprise and back: the endpoint field appears, then GitHub.com's endpoints come back.
  await loginKind.selectOption({ label: 'GitHub Enterprise' });
  await expect(fieldRow(page, 'GITHUB_LOGIN_CONFIG.GITHUB_ENDPOINT').getByRole('textbox')).toHaveValue('');
  await loginKind.selectOption({ label: 'GitHub.com' });
  await expect(fieldRow(page, 'GITHUB_LOGIN_CONFIG.GITHUB_ENDPOINT')).toHaveCount(0);

  // GitHub build triggers on GitHub Enterprise: the endpoint is typed in.
  await openSection(page, 'builds');
  await fieldRow(page, 'FEATURE_BUILD_SUPPORT').getByRole('switch').check();
  await fieldRow(page, 'FEATURE_GITHUB_BUILD').getByRole('switch').check();
  const trigger = fieldRow(page, 'GITHUB_TRIGGER_CONFIG');
  await trigger.getByRole('button', { name: 'Configure' }).click();
  await trigger.getByLabel('GitHub', { exact: true }).selectOption({ label: 'GitHub Enterprise' });
  await fieldRow(page, 'GITHUB_TRIGGER_CONFIG.GITHUB_ENDPOINT').getByRole('textbox').fill('https://ghe.example.com/');
  await fieldRow(page, 'GITHUB_TRIGGER_CONFIG.CLIENT_ID').getByRole('textbox').fill('trigger-client');

  // GitLab: gitlab.com hides the endpoint; self-managed shows it.
  await fieldRow(page, 'FEATURE_GITLAB_BUILD').getByRole('switch').check();
  const gitlab = fieldRow(page, 'GITLAB_TRIGGER_CONFIG');
  await gitlab.getByRole('button', { name: 'Configure' }).click();
  const gitlabKind = gitlab.getByLabel('GitLab', { exact: true });
  await expect(gitlab.getByRole('option', { selected: true })).toHaveText('gitlab.com');
  await expect(fieldRow(page, 'GITLAB_TRIGGER_CONFIG.GITLAB_ENDPOINT')).toHaveCount(0);
  await gitlabKind.selectOption({ label: 'GitLab self-managed (CE/EE)' });
  await fieldRow(page, 'GITLAB_TRIGGER_CONFIG.GITLAB_ENDPOINT').getByRole('textbox').fill('https://gitlab.example.com/');
  await expect(gitlabKind).toHaveValue('self-hosted');
  await trigger.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/sec-builds.png` });

  const config = parse(
    readTarGz((await downloadBundle(page)).data)
      .get('config.yaml')
      ?.content.toString('utf8') ?? '',
  ) as Record<string, unknown>;
  expect(config.GITHUB_LOGIN_CONFIG).toEqual({ GITHUB_ENDPOINT: 'https://github.com/', API_ENDPOINT: 'https://api.github.com/', CLIENT_ID: 'login-client' });
  expect(config.GITHUB_TRIGGER_CONFIG).toEqual({ GITHUB_ENDPOINT: 'https://ghe.example.com/', CLIENT_ID: 'trigger-client' });
  expect(config.GITLAB_TRIGGER_CONFIG).toEqual({ GITLAB_ENDPOINT: 'https://gitlab.example.com/' });
  // config-tool's select wrote a key Quay never reads; this one writes none.
  expect(config).not.toHaveProperty('GITLAB_TRIGGER_KIND');
});
