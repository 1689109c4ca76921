import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { downloadBundle, fieldRow, login, openSection, openUploaded, startNew } from './support/app';
import { makeTarGz, readTarGz } from './support/tarball';
import { redisIsSame, withSameRedis } from '../components/editor/same-redis';

test('the written config takes USER_EVENTS_REDIS from BUILDLOGS_REDIS while "same" is on, in place', () => {
  const config = { BUILDLOGS_REDIS: { host: 'b', port: 6380 }, USER_EVENTS_REDIS: { host: 'stale', password: 'old' }, SERVER_HOSTNAME: 'q' };
  const same = withSameRedis(config, true);
  expect(same.USER_EVENTS_REDIS).toEqual({ host: 'b', port: 6380 });
  expect(Object.keys(same)).toEqual(['BUILDLOGS_REDIS', 'USER_EVENTS_REDIS', 'SERVER_HOSTNAME']);
  expect(same.USER_EVENTS_REDIS).not.toBe(config.BUILDLOGS_REDIS);
  expect(withSameRedis(config, false)).toBe(config);
  expect('USER_EVENTS_REDIS' in withSameRedis({ USER_EVENTS_REDIS: { host: 'x' } }, true)).toBe(false);
  expect(redisIsSame(same)).toBe(true);
  expect(redisIsSame(config)).toBe(false);
});

test('with "same Redis" on, user events show the build-logs values as they are now, read-only, and the config matches', async ({ page }) => {
  await startNew(page);
  await openSection(page, 'redis');
  await expect(page.getByTestId('redis-same')).toBeChecked();
  const bl = (name: string) => fieldRow(page, `BUILDLOGS_REDIS.${name}`);
  const ue = (name: string) => fieldRow(page, `USER_EVENTS_REDIS.${name}`);
  await bl('host').getByRole('textbox').fill('redis-a.example');
  await bl('port').getByRole('textbox').fill('6380');
  await bl('password').getByLabel('Password').fill('first-password');
  await expect(ue('host').getByRole('textbox')).toHaveValue('redis-a.example');
  await expect(ue('port').getByRole('textbox')).toHaveValue('6380');
  await expect(ue('password').getByLabel('Password')).toHaveValue('first-password');
  await expect(ue('host').getByRole('textbox')).toHaveAttribute('readonly', '');

  // Later edits, including a cleared value, show at once.
  await bl('host').getByRole('textbox').fill('redis-b.example');
  await bl('password').getByLabel('Password').fill('');
  await expect(ue('host').getByRole('textbox')).toHaveValue('redis-b.example');
  await expect(ue('password').getByLabel('Password')).toHaveValue('');

  // Away and back: still the same values.
  await openSection(page, 'database');
  await openSection(page, 'redis');
  await expect(page.getByTestId('redis-same')).toBeChecked();
  await expect(ue('host').getByRole('textbox')).toHaveValue('redis-b.example');

  const { data } = await downloadBundle(page);
  await page.keyboard.press('Escape');
  const config = parse(readTarGz(data).get('config.yaml')?.content.toString('utf8') ?? '') as Record<string, unknown>;
  expect(config.BUILDLOGS_REDIS).toEqual({ host: 'redis-b.example', port: 6380 });
  expect(config.USER_EVENTS_REDIS).toEqual(config.BUILDLOGS_REDIS);

  // Off: user events start from the values shown, and can be edited on their own.
  await page.getByTestId('redis-same').uncheck();
  await expect(ue('host').getByRole('textbox')).toHaveValue('redis-b.example');
  await expect(ue('host').getByRole('textbox')).not.toHaveAttribute('readonly', '');
  await ue('host').getByRole('textbox').fill('redis-events.example');
  await expect(bl('host').getByRole('textbox')).toHaveValue('redis-b.example');
});

test('a cleared field of an uploaded config shows empty, in build logs and in the user events that follow it', async ({ page }) => {
  const yaml = [
    'SERVER_HOSTNAME: quay.redis.example',
    'BUILDLOGS_REDIS: {host: r1.example, port: 6379, password: uploaded-pw}',
    'USER_EVENTS_REDIS: {host: r1.example, port: 6379, password: uploaded-pw}',
    '',
  ].join('\n');
  await login(page);
  await openUploaded(page, makeTarGz([{ name: 'config.yaml', content: yaml }]));
  await openSection(page, 'redis');
  await expect(page.getByTestId('redis-same')).toBeChecked();
  const password = (key: string) => fieldRow(page, `${key}.password`).getByLabel('Password');
  await expect(password('USER_EVENTS_REDIS')).toHaveValue('uploaded-pw');
  await password('BUILDLOGS_REDIS').fill('');
  await expect(password('BUILDLOGS_REDIS')).toHaveValue('');
  await expect(password('USER_EVENTS_REDIS')).toHaveValue('');
  const { data } = await downloadBundle(page);
  const config = parse(readTarGz(data).get('config.yaml')?.content.toString('utf8') ?? '') as Record<string, unknown>;
  expect(config.BUILDLOGS_REDIS).toEqual({ host: 'r1.example', port: 6379 });
  expect(config.USER_EVENTS_REDIS).toEqual({ host: 'r1.example', port: 6379 });
});
