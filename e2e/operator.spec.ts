import { expect, test, type Page } from '@playwright/test';
import { SHOTS, login, openUploaded } from './support/app';
import { startFakeOperator, type FakeOperator } from './support/fake-operator';
import { serviceConfigLines, services } from './support/services';
import { makeTarGz } from './support/tarball';

/**
 * A third server, started with `--operator-endpoint http://127.0.0.1:<fake>`, MY_POD_NAME /
 * MY_POD_NAMESPACE and `--readonly-groups Database,Redis,HostSettings` (playwright.config.ts);
 * each test starts the fake operator it talks to.
 */
test.use({ baseURL: `https://127.0.0.1:${process.env.QC_E2E_PORT_OPERATOR ?? '0'}` });

const fakePort = Number(process.env.QC_E2E_FAKE_OPERATOR_PORT);
let fake: FakeOperator | null = null;
test.beforeEach(async () => {
  fake = await startFakeOperator(fakePort);
});
test.afterEach(async () => {
  await fake?.close();
  fake = null;
});

function bundle(): Buffer {
  const svc = services();
  const yaml = [
    'SERVER_HOSTNAME: quay.operator.example',
    'PREFERRED_URL_SCHEME: http',
    'REGISTRY_TITLE: Operator test',
    'FEATURE_USER_CREATION: false',
    ...serviceConfigLines(svc),
    'SECRET_KEY: e2e-operator-secret-key-0123456789abcdef0123456789',
    'DATABASE_SECRET_KEY: e2e-operator-db-secret-key-0123456789abcdef012345',
    'DISTRIBUTED_STORAGE_CONFIG: {default: [LocalStorage, {storage_path: /datastorage/registry}]}',
    'DISTRIBUTED_STORAGE_PREFERENCE: [default]',
    '',
  ].join('\n');
  return makeTarGz([
    { name: 'config.yaml', content: yaml },
    { name: 'extra_ca_certs/', type: '5' },
    { name: 'extra_ca_certs/site-ca.crt', content: svc.caPem },
  ]);
}

/** Logs in, opens the bundle, opens "Reconfigure Quay" and validates from the dialog. */
async function openValidatedDialog(page: Page, screenshot?: string) {
  await login(page);
  await openUploaded(page, bundle());
  await page.getByTestId('open-reconfigure').click();
  const dialog = page.getByRole('dialog', { name: 'Reconfigure Quay' });
  const send = dialog.getByTestId('send-to-operator');
  // Nothing goes to the operator before a validation.
  await expect(send).toBeDisabled();
  await expect(dialog.getByTestId('managed-groups')).toHaveText(/Left out, because the operator manages them:\s*DatabaseRedis$/);
  if (screenshot) await page.screenshot({ path: `${SHOTS}/${screenshot}` });
  await dialog.getByRole('button', { name: 'Validate all' }).click();
  await expect(send).toBeEnabled({ timeout: 60_000 });
  return { dialog, send };
}

test('"Reconfigure Quay" sends the bundle, minus the managed groups, to the operator', async ({ page }) => {
  const { dialog, send } = await openValidatedDialog(page, 'reconfigure-dialog.png');
  const [request] = await Promise.all([page.waitForRequest('**/api/v1/config/operator'), send.click()]);
  // A real JSON array (config-tool's UI sent a Set, i.e. {}).
  expect((request.postDataJSON() as { managedFieldGroups: unknown }).managedFieldGroups).toEqual(['Database', 'Redis', 'HostSettings']);
  await expect(dialog.getByRole('status').filter({ hasText: 'Config sent to the operator' })).toBeVisible();
  await expect(dialog).toContainText('The operator answered HTTP 200: reconfigured');
  await dialog.screenshot({ path: `${SHOTS}/reconfigure-sent.png` });

  expect(fake?.requests).toHaveLength(1);
  const recorded = fake?.requests[0];
  expect(recorded?.method).toBe('POST');
  expect(recorded?.url).toBe('/reconfigure');
  const body = JSON.parse(recorded?.body ?? '{}') as { quayRegistryName: string; namespace: string; 'config.yaml': Record<string, unknown>; certs: Record<string, string> };
  expect(body.quayRegistryName).toBe('example-registry');
  expect(body.namespace).toBe('quay-ns');
  expect(Object.keys(body).sort()).toEqual(['certs', 'config.yaml', 'namespace', 'quayRegistryName']);
  // Database and Redis keys are the operator's; HostSettings keys are always sent.
  const config = body['config.yaml'];
  expect(config).not.toHaveProperty('DB_URI');
  expect(config).not.toHaveProperty('BUILDLOGS_REDIS');
  expect(config).not.toHaveProperty('USER_EVENTS_REDIS');
  expect(config).toMatchObject({ SERVER_HOSTNAME: 'quay.operator.example', PREFERRED_URL_SCHEME: 'http', REGISTRY_TITLE: 'Operator test', FEATURE_USER_CREATION: false });
  expect(Buffer.from(body.certs['extra_ca_certs/site-ca.crt'] ?? '', 'base64').toString('utf8')).toBe(services().caPem);
});

test('an operator error and an unreachable operator are reported precisely', async ({ page }) => {
  const { dialog, send } = await openValidatedDialog(page);
  if (fake) fake.answer = { status: 500, body: 'reconcile failed: QuayRegistry "example-registry" not found', contentType: 'text/plain' };
  await send.click();
  const error = dialog.getByRole('alert').filter({ hasText: 'Could not reconfigure Quay (HTTP 500)' });
  await expect(error).toBeVisible();
  await expect(dialog.getByTestId('operator-error')).toHaveText('reconcile failed: QuayRegistry "example-registry" not found');
  await dialog.screenshot({ path: `${SHOTS}/reconfigure-error.png` });

  await fake?.close();
  fake = null;
  await send.click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Could not reconfigure Quay (HTTP 502)' })).toBeVisible();
  await expect(dialog.getByTestId('operator-error')).toContainText(`cannot reach the operator at http://127.0.0.1:${fakePort}`);
});
