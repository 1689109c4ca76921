import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import { validateConfig } from '../validation/run';
import type { Finding } from '../report/types';
import { closedPort, startHangingServer, type HangingServer } from '../../test/harness/scenarios';

interface KeystoneInfo {
  url: string;
  httpsUrl: string;
  wrongHostUrl: string;
  adminUsername: string;
  adminPassword: string;
  tenant: string;
  emptyTenant: string;
}

const h = inject('harness');
const ks = h.services.keystone as unknown as KeystoneInfo;
const WRONG_PASSWORD = 'not-the-keystone-pw-91c2';
const PATH = { 2: '/v2.0', 3: '/v3' } as const;

function config(version: 2 | 3, over: ConfigMap = {}): ConfigMap {
  return {
    AUTHENTICATION_TYPE: 'Keystone',
    KEYSTONE_AUTH_VERSION: version,
    KEYSTONE_AUTH_URL: `${ks.url}${PATH[version]}`,
    KEYSTONE_ADMIN_USERNAME: ks.adminUsername,
    KEYSTONE_ADMIN_PASSWORD: ks.adminPassword,
    KEYSTONE_ADMIN_TENANT: ks.tenant,
    ...over,
  };
}

async function check(cfg: ConfigMap, files: Record<string, string> = {}): Promise<Finding[]> {
  const bundle = new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));
  const report = await validateConfig({ config: cfg, files: bundle }, { mode: 'online', groups: ['Keystone'], timeoutMs: 1500 });
  const findings = report.groups.find((g) => g.group === 'Keystone')?.findings ?? [];
  const text = JSON.stringify(findings);
  expect(text).not.toContain(ks.adminPassword);
  expect(text).not.toContain(WRONG_PASSWORD);
  return findings;
}

const brief = (fs: Finding[]) => fs.map(({ code, fields, severity, stage }) => ({ code, fields, severity, stage }));
const CA = { 'extra_ca_certs/test-ca.crt': h.certs.caPem };

describe.each([2, 3] as const)('Keystone v%i probe', (version) => {
  let hanging: HangingServer;
  let closed: number;
  beforeAll(async () => {
    hanging = await startHangingServer();
    closed = await closedPort();
  });
  afterAll(async () => hanging.close());

  it('accepts the right admin credentials over http and https', async () => {
    expect(brief(await check(config(version)))).toEqual([]);
    expect(brief(await check(config(version, { KEYSTONE_AUTH_URL: `${ks.httpsUrl}${PATH[version]}` }), CA))).toEqual([]);
  });

  it('puts a wrong password on the admin username/password at the auth stage', async () => {
    const findings = await check(config(version, { KEYSTONE_ADMIN_PASSWORD: WRONG_PASSWORD }));
    expect(brief(findings)).toEqual([{ code: 'keystone-auth-failed', fields: ['KEYSTONE_ADMIN_USERNAME', 'KEYSTONE_ADMIN_PASSWORD'], severity: 'error', stage: 'auth' }]);
  });

  it('tells a wrong tenant/project from wrong credentials', async () => {
    const findings = await check(config(version, { KEYSTONE_ADMIN_TENANT: 'no-such-tenant' }));
    expect(brief(findings)).toEqual([{ code: 'keystone-tenant-invalid', fields: ['KEYSTONE_ADMIN_TENANT'], severity: 'error', stage: 'auth' }]);
  });

  it('reports an untrusted CA and a certificate for another host (tls)', async () => {
    const untrusted = await check(config(version, { KEYSTONE_AUTH_URL: `${ks.httpsUrl}${PATH[version]}` }), { 'extra_ca_certs/other.crt': h.certs.otherCaPem });
    expect(brief(untrusted)).toEqual([{ code: 'tls-untrusted', fields: ['KEYSTONE_AUTH_URL'], severity: 'error', stage: 'tls' }]);
    const mismatch = await check(config(version, { KEYSTONE_AUTH_URL: `${ks.wrongHostUrl}${PATH[version]}` }), CA);
    expect(brief(mismatch)).toEqual([{ code: 'tls-hostname-mismatch', fields: ['KEYSTONE_AUTH_URL'], severity: 'error', stage: 'tls' }]);
  });

  it('reports a closed port at the tcp stage', async () => {
    const findings = await check(config(version, { KEYSTONE_AUTH_URL: `http://127.0.0.1:${closed}${PATH[version]}` }));
    expect(brief(findings)).toEqual([{ code: 'connection-refused', fields: ['KEYSTONE_AUTH_URL'], severity: 'error', stage: 'tcp' }]);
  });

  it.each([
    ['http', 'semantic'],
    ['https', 'tls'],
  ])('reports a server that never answers (%s) as a timeout at the %s stage', async (scheme, stage) => {
    const findings = await check(config(version, { KEYSTONE_AUTH_URL: `${scheme}://127.0.0.1:${hanging.port}${PATH[version]}` }));
    expect(brief(findings)).toEqual([{ code: 'timeout', fields: ['KEYSTONE_AUTH_URL'], severity: 'error', stage }]);
  });

  it('explains a URL without the version path', async () => {
    const findings = await check(config(version, { KEYSTONE_AUTH_URL: ks.url }));
    expect(brief(findings)).toEqual([
      { code: 'keystone-endpoint-not-found', fields: ['KEYSTONE_AUTH_URL'], severity: 'error', stage: 'semantic' },
      { code: 'keystone-url-version-path', fields: ['KEYSTONE_AUTH_URL'], severity: 'warning', stage: 'config' },
    ]);
  });
});

describe('Keystone v2 user listing', () => {
  it('warns when the admin tenant has no users', async () => {
    const findings = await check(config(2, { KEYSTONE_ADMIN_TENANT: ks.emptyTenant }));
    expect(brief(findings)).toEqual([{ code: 'keystone-no-users', fields: ['KEYSTONE_ADMIN_TENANT'], severity: 'warning', stage: 'semantic' }]);
  });
});
