import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closedPort, startHangingServer, type HangingServer } from '../../../test/harness/scenarios';
import { validateConfig } from '../../validation/run';
import type { Finding, GroupReport } from '../../report/types';

const h = inject('harness');
const swift = h.services.swift as {
  port: number;
  httpsPort: number;
  wrongHostHttpsPort: number;
  accessKey: string;
  secretKey: string;
  readOnlyAccessKey: string;
  readOnlySecretKey: string;
  bucket: string;
  swiftAuthUrl: string;
  swiftUser: string;
  swiftKey: string;
  container: string;
  tempUrlKey: string;
};
const withCa = new Map([['extra_ca_certs/test-ca.crt', new TextEncoder().encode(h.certs.caPem)]]);

let hanging: HangingServer;
beforeAll(async () => {
  hanging = await startHangingServer();
});
afterAll(async () => {
  await hanging.close();
});

type Params = Record<string, unknown>;

const rados = (over: Params = {}): [string, Params] => [
  'RadosGWStorage',
  { hostname: '127.0.0.1', port: swift.port, is_secure: false, access_key: swift.accessKey, secret_key: swift.secretKey, bucket_name: swift.bucket, storage_path: '/registry', ...over },
];
const s3 = (over: Params = {}): [string, Params] => [
  'S3Storage',
  { host: 'localhost', port: swift.httpsPort, s3_access_key: swift.accessKey, s3_secret_key: swift.secretKey, s3_bucket: swift.bucket, storage_path: '/datastorage/registry', ...over },
];
const swiftV1 = (over: Params = {}): [string, Params] => [
  'SwiftStorage',
  { auth_version: 1, auth_url: swift.swiftAuthUrl, swift_user: swift.swiftUser, swift_password: swift.swiftKey, swift_container: swift.container, storage_path: '/registry', ...over },
];

async function storage(locations: Record<string, [string, Params]>, files: ReadonlyMap<string, Uint8Array> = withCa): Promise<GroupReport> {
  const config = { DISTRIBUTED_STORAGE_CONFIG: locations, DISTRIBUTED_STORAGE_PREFERENCE: Object.keys(locations) };
  const report = await validateConfig({ config, files }, { mode: 'online', groups: ['DistributedStorage'], timeoutMs: 2000 });
  const group = report.groups.find((g) => g.group === 'DistributedStorage');
  if (!group) throw new Error('no DistributedStorage report');
  // No secret value may ever appear in a report.
  const text = JSON.stringify(report);
  for (const secret of [swift.secretKey, swift.readOnlySecretKey, 'wrong-secret-value']) expect(text).not.toContain(secret);
  return group;
}

const brief = (f: Finding) => ({ code: f.code, severity: f.severity, stage: f.stage, fields: f.fields });

describe('DistributedStorage online against Swift s3api (RadosGWStorage, S3Storage)', () => {
  it('RadosGWStorage with good credentials writes, reads and deletes the probe object', async () => {
    const g = await storage({ default: rados() });
    expect(g.findings).toEqual([]);
    expect(g.status).toBe('ok');
  });

  it('S3Storage over HTTPS (host + port, bundle CA) passes, with server-side encryption as Quay sends it', async () => {
    const g = await storage({ default: s3() });
    expect(g.findings).toEqual([]);
  });

  it.each([
    ['a wrong secret key', { secret_key: 'wrong-secret-value' }],
    ['an unknown access key', { access_key: 'nobody:none' }],
  ])('RadosGWStorage with %s fails at the auth stage', async (_what, over) => {
    const g = await storage({ default: rados(over) });
    expect(g.findings.map(brief)).toEqual([
      {
        code: 'auth-failed',
        severity: 'error',
        stage: 'auth',
        fields: ['DISTRIBUTED_STORAGE_CONFIG.default[1].access_key', 'DISTRIBUTED_STORAGE_CONFIG.default[1].secret_key', 'DISTRIBUTED_STORAGE_CONFIG.default'],
      },
    ]);
  });

  it('a missing bucket is a semantic error on the bucket name', async () => {
    const g = await storage({ default: rados({ bucket_name: 'no-such-bucket' }) });
    expect(g.findings.map(brief)).toEqual([
      { code: 'bucket-missing', severity: 'error', stage: 'semantic', fields: ['DISTRIBUTED_STORAGE_CONFIG.default[1].bucket_name', 'DISTRIBUTED_STORAGE_CONFIG.default'] },
    ]);
  });

  it('read-only credentials: can reach the bucket but not write', async () => {
    const g = await storage({ default: rados({ access_key: swift.readOnlyAccessKey, secret_key: swift.readOnlySecretKey }) });
    expect(g.findings.map((f) => [f.code, f.stage])).toEqual([['write-denied', 'semantic']]);
  });

  it('S3Storage without the CA in the bundle fails at the TLS stage (untrusted)', async () => {
    const g = await storage({ default: s3() }, new Map());
    expect(g.findings.map(brief)).toEqual([
      {
        code: 'tls-untrusted',
        severity: 'error',
        stage: 'tls',
        fields: ['DISTRIBUTED_STORAGE_CONFIG.default[1].host', 'DISTRIBUTED_STORAGE_CONFIG.default[1].port', 'DISTRIBUTED_STORAGE_CONFIG.default'],
      },
    ]);
  });

  it('S3Storage against a certificate for another host fails at the TLS stage (hostname mismatch)', async () => {
    const g = await storage({ default: s3({ port: swift.wrongHostHttpsPort }) });
    expect(g.findings.map((f) => [f.code, f.stage])).toEqual([['tls-hostname-mismatch', 'tls']]);
  });

  it('S3Storage is always HTTPS, as in Quay: an HTTP-only port fails at TLS (quay/quay#5943)', async () => {
    const g = await storage({ default: s3({ port: swift.port }) });
    expect(g.findings.map((f) => f.stage)).toEqual(['tls']);
  });

  it('a closed port fails at the TCP stage', async () => {
    const g = await storage({ default: rados({ port: await closedPort() }) });
    expect(g.findings.map(brief)).toEqual([
      {
        code: 'connection-refused',
        severity: 'error',
        stage: 'tcp',
        fields: [
          'DISTRIBUTED_STORAGE_CONFIG.default[1].hostname',
          'DISTRIBUTED_STORAGE_CONFIG.default[1].port',
          'DISTRIBUTED_STORAGE_CONFIG.default[1].is_secure',
          'DISTRIBUTED_STORAGE_CONFIG.default',
        ],
      },
    ]);
  });

  it('a server that accepts and never answers times out after the request was sent (plain HTTP)', async () => {
    const g = await storage({ default: rados({ port: hanging.port }) });
    expect(g.findings.map((f) => [f.code, f.stage])).toEqual([['timeout', 'semantic']]);
    expect(hanging.accepted()).toBeGreaterThan(0);
  });

  it('a server that accepts and never answers times out in the TLS handshake (S3Storage)', async () => {
    const g = await storage({ default: s3({ port: hanging.port }) });
    expect(g.findings.map((f) => [f.code, f.stage])).toEqual([['timeout', 'tls']]);
  });

  it('S3Storage without keys (instance role) is reported as not checkable, without waiting for EC2 metadata', async () => {
    const g = await storage({ default: s3({ s3_access_key: undefined, s3_secret_key: undefined }) });
    expect(g.findings.map(brief)).toEqual([
      {
        code: 'credentials-not-checkable',
        severity: 'warning',
        stage: 'auth',
        fields: ['DISTRIBUTED_STORAGE_CONFIG.default[1].s3_access_key', 'DISTRIBUTED_STORAGE_CONFIG.default[1].s3_secret_key', 'DISTRIBUTED_STORAGE_CONFIG.default'],
      },
    ]);
  });

  it('checks every location: only the failing non-preferred one is named', async () => {
    const config = {
      DISTRIBUTED_STORAGE_CONFIG: { primary: rados(), secondary: rados({ secret_key: 'wrong-secret-value' }) },
      DISTRIBUTED_STORAGE_PREFERENCE: ['primary'],
    };
    const report = await validateConfig({ config, files: withCa }, { mode: 'online', groups: ['DistributedStorage'], timeoutMs: 2000 });
    const findings = report.groups.find((g) => g.group === 'DistributedStorage')?.findings ?? [];
    expect(findings.map((f) => [f.code, f.fields.at(-1)])).toEqual([['auth-failed', 'DISTRIBUTED_STORAGE_CONFIG.secondary']]);
    expect(findings[0]?.message).toContain('storage location "secondary"');
    expect(JSON.stringify(report)).not.toContain('wrong-secret-value');
  });
});

describe('DistributedStorage online: SwiftStorage (auth v1)', () => {
  it('good credentials: authenticates, writes, reads back and deletes', async () => {
    const g = await storage({ swift: swiftV1() });
    expect(g.findings).toEqual([]);
  });

  it('a wrong key fails at the auth stage on user and password', async () => {
    const g = await storage({ swift: swiftV1({ swift_password: 'wrong-secret-value' }) });
    expect(g.findings.map(brief)).toEqual([
      {
        code: 'auth-failed',
        severity: 'error',
        stage: 'auth',
        fields: ['DISTRIBUTED_STORAGE_CONFIG.swift[1].swift_user', 'DISTRIBUTED_STORAGE_CONFIG.swift[1].swift_password', 'DISTRIBUTED_STORAGE_CONFIG.swift'],
      },
    ]);
  });

  it('a missing container is a semantic error on swift_container', async () => {
    const g = await storage({ swift: swiftV1({ swift_container: 'no-such-container' }) });
    expect(g.findings.map(brief)).toEqual([
      { code: 'container-missing', severity: 'error', stage: 'semantic', fields: ['DISTRIBUTED_STORAGE_CONFIG.swift[1].swift_container', 'DISTRIBUTED_STORAGE_CONFIG.swift'] },
    ]);
  });

  it('the read-only user may see the container but not write', async () => {
    const g = await storage({ swift: swiftV1({ swift_user: swift.readOnlyAccessKey, swift_password: swift.readOnlySecretKey }) });
    expect(g.findings.map((f) => [f.code, f.stage])).toEqual([['write-denied', 'semantic']]);
  });

  it('temp_url_key: a temp URL for the probe object is fetched, as Quay validated it', async () => {
    expect((await storage({ swift: swiftV1({ temp_url_key: swift.tempUrlKey }) })).findings).toEqual([]);
    const wrong = await storage({ swift: swiftV1({ temp_url_key: 'wrong-secret-value' }) });
    expect(wrong.findings.map(brief)).toEqual([
      { code: 'temp-url-failed', severity: 'error', stage: 'semantic', fields: ['DISTRIBUTED_STORAGE_CONFIG.swift[1].temp_url_key', 'DISTRIBUTED_STORAGE_CONFIG.swift'] },
    ]);
  });

  it('a closed auth port fails at TCP, a hanging one times out', async () => {
    const closed = await storage({ swift: swiftV1({ auth_url: `http://127.0.0.1:${await closedPort()}/auth/v1.0` }) });
    expect(closed.findings.map((f) => [f.code, f.stage, f.fields[0]])).toEqual([['connection-refused', 'tcp', 'DISTRIBUTED_STORAGE_CONFIG.swift[1].auth_url']]);
    const hung = await storage({ swift: swiftV1({ auth_url: `http://127.0.0.1:${hanging.port}/auth/v1.0` }) });
    expect(hung.findings.map((f) => [f.code, f.stage])).toEqual([['timeout', 'semantic']]);
  });
});
