import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

// End-to-end tests of the wizard: Debian's Chromium (test-services.md §3.5: `npx playwright install`
// cannot work here), the real HTTPS server (`quay-config serve`, built first if the build is stale)
// on a free port with a random password, and real Postgres + Redis from the test harness
// (e2e/global-setup.ts). The runner process picks ports and password once; workers inherit them.

/** A port nobody listens on right now (asked of the OS in a child, since the config is synchronous). */
function freePort(): string {
  return execFileSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"]).toString();
}

if (!process.env.QC_E2E_PORT) process.env.QC_E2E_PORT = freePort();
if (!process.env.QC_E2E_PORT_PRELOADED) process.env.QC_E2E_PORT_PRELOADED = freePort();
if (!process.env.QC_E2E_PORT_OPERATOR) process.env.QC_E2E_PORT_OPERATOR = freePort();
// Where operator.spec.ts starts its fake Quay operator (a recording HTTP server).
if (!process.env.QC_E2E_FAKE_OPERATOR_PORT) process.env.QC_E2E_FAKE_OPERATOR_PORT = freePort();
process.env.QC_E2E_PASSWORD ??= `e2e-${randomBytes(9).toString('base64url')}`;
const port = process.env.QC_E2E_PORT;
const preloadedPort = process.env.QC_E2E_PORT_PRELOADED;
const operatorPort = process.env.QC_E2E_PORT_OPERATOR;
const fakeOperatorPort = process.env.QC_E2E_FAKE_OPERATOR_PORT;
const password = process.env.QC_E2E_PASSWORD;
const baseURL = `https://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  outputDir: './e2e/output/test-results',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  // Started in order: the first builds the app when needed, the others reuse that build: the second
  // has a preloaded bundle and a read-only group (preloaded.spec.ts), the third an operator endpoint
  // with the pod variables config-tool reads and operator-managed groups (operator.spec.ts).
  webServer: [
    {
      command: `node e2e/support/ensure-build.mjs && node bin/quay-config.cjs serve --host 127.0.0.1 --port ${port} --password ${password}`,
      url: `${baseURL}/api/v2/health`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 360_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { NEXT_TELEMETRY_DISABLED: '1' },
    },
    {
      command: `node bin/quay-config.cjs serve --host 127.0.0.1 --port ${preloadedPort} --password ${password} --config-dir e2e/fixtures/preloaded --readonly-groups Redis`,
      url: `https://127.0.0.1:${preloadedPort}/api/v2/health`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 360_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { NEXT_TELEMETRY_DISABLED: '1' },
    },
    {
      command: `node bin/quay-config.cjs serve --host 127.0.0.1 --port ${operatorPort} --password ${password} --readonly-groups Database,Redis,HostSettings --operator-endpoint http://127.0.0.1:${fakeOperatorPort}`,
      url: `https://127.0.0.1:${operatorPort}/api/v2/health`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 360_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { NEXT_TELEMETRY_DISABLED: '1', MY_POD_NAME: 'example-registry-quay-config-editor-abc', MY_POD_NAMESPACE: 'quay-ns' },
    },
  ],
});
